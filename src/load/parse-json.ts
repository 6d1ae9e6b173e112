import type { ContainerLoc, EntryLoc, LoadProblem, ParsedDocument } from '../model/document';
import { setMember } from '../model/object';
import { MAX_DEPTH, SyntaxProblem } from './parsed';

/**
 * A strict RFC 8259 parser that records where every member sits and reports duplicate keys.
 * JSON.parse gives neither positions nor duplicates, and YAML parsers are several times
 * slower on JSON and accept things AWS does not (tabs, comments, single quotes).
 */
export function parseJson(text: string): ParsedDocument {
  return new JsonParser(text).parseDocument();
}

const WS = new Uint8Array(128);
WS[0x20] = WS[0x09] = WS[0x0a] = WS[0x0d] = 1;

class JsonParser {
  private pos = 0;
  private readonly locs = new WeakMap<object, ContainerLoc>();
  private readonly problems: LoadProblem[] = [];
  private readonly path: string[] = [];

  constructor(private readonly text: string) {}

  parseDocument(): ParsedDocument {
    this.skipWs();
    const start = this.pos;
    if (this.pos >= this.text.length) throw new SyntaxProblem('The file is empty.', 0);
    const value = this.parseValue(0);
    const end = this.pos;
    this.skipWs();
    if (this.pos < this.text.length) this.fail(`Unexpected ${this.describe()} after the JSON value.`);
    return { value, locs: this.locs, span: { start, end }, problems: this.problems };
  }

  private fail(message: string, at = this.pos): never {
    throw new SyntaxProblem(message, at);
  }

  private describe(): string {
    if (this.pos >= this.text.length) return 'end of file';
    const ch = this.text[this.pos];
    return `character ${JSON.stringify(ch)}`;
  }

  private skipWs(): void {
    const t = this.text;
    let p = this.pos;
    while (p < t.length) {
      const c = t.charCodeAt(p);
      if (c < 128 && WS[c]) p++;
      else break;
    }
    this.pos = p;
  }

  private parseValue(depth: number): unknown {
    const c = this.text.charCodeAt(this.pos);
    switch (c) {
      case 0x7b /* { */:
        return this.parseObject(depth + 1);
      case 0x5b /* [ */:
        return this.parseArray(depth + 1);
      case 0x22 /* " */:
        return this.parseString();
      case 0x74 /* t */:
        return this.literal('true', true);
      case 0x66 /* f */:
        return this.literal('false', false);
      case 0x6e /* n */:
        return this.literal('null', null);
      default:
        if (c === 0x2d || (c >= 0x30 && c <= 0x39)) return this.parseNumber();
        return this.fail(`Unexpected ${this.describe()}; expected a JSON value.`);
    }
  }

  private literal<T>(word: string, value: T): T {
    if (this.text.startsWith(word, this.pos)) {
      this.pos += word.length;
      return value;
    }
    return this.fail(`Unexpected ${this.describe()}; expected a JSON value.`);
  }

  private parseNumber(): number {
    const re = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
    re.lastIndex = this.pos;
    const m = re.exec(this.text);
    if (!m) return this.fail('Invalid number.');
    this.pos += m[0].length;
    return Number(m[0]);
  }

  private parseString(): string {
    const t = this.text;
    const start = this.pos;
    let p = start + 1;
    // Fast path: no escapes.
    while (p < t.length) {
      const c = t.charCodeAt(p);
      if (c === 0x22) {
        this.pos = p + 1;
        return t.slice(start + 1, p);
      }
      if (c === 0x5c || c < 0x20) break;
      p++;
    }
    let out = t.slice(start + 1, p);
    while (p < t.length) {
      const c = t.charCodeAt(p);
      if (c === 0x22) {
        this.pos = p + 1;
        return out;
      }
      if (c < 0x20) this.fail('Control character in a string (escape it, for example as \\n).', p);
      if (c === 0x5c) {
        const e = t[p + 1];
        switch (e) {
          case '"':
            out += '"';
            break;
          case '\\':
            out += '\\';
            break;
          case '/':
            out += '/';
            break;
          case 'b':
            out += '\b';
            break;
          case 'f':
            out += '\f';
            break;
          case 'n':
            out += '\n';
            break;
          case 'r':
            out += '\r';
            break;
          case 't':
            out += '\t';
            break;
          case 'u': {
            const hex = t.slice(p + 2, p + 6);
            if (!/^[0-9a-fA-F]{4}$/.test(hex)) this.fail('Invalid \\u escape in a string.', p);
            out += String.fromCharCode(parseInt(hex, 16));
            p += 4;
            break;
          }
          default:
            this.fail(`Invalid escape "\\${e ?? ''}" in a string.`, p);
        }
        p += 2;
        continue;
      }
      out += t[p];
      p++;
    }
    return this.fail('Unterminated string.', start);
  }

  private parseObject(depth: number): Record<string, unknown> {
    if (depth > MAX_DEPTH) throw new SyntaxProblem(`Nesting deeper than ${MAX_DEPTH} levels.`, this.pos, true);
    const start = this.pos;
    this.pos++; // {
    const obj: Record<string, unknown> = {};
    const entries = new Map<string, EntryLoc>();
    const loc: ContainerLoc = { start, end: start, entries };
    this.locs.set(obj, loc);
    this.skipWs();
    if (this.text.charCodeAt(this.pos) === 0x7d) {
      this.pos++;
      loc.end = this.pos;
      return obj;
    }
    for (;;) {
      this.skipWs();
      if (this.text.charCodeAt(this.pos) !== 0x22) this.fail(`Unexpected ${this.describe()}; expected a property name in double quotes.`);
      const keyStart = this.pos;
      const key = this.parseString();
      const keyEnd = this.pos;
      this.skipWs();
      if (this.text.charCodeAt(this.pos) !== 0x3a) this.fail(`Unexpected ${this.describe()}; expected ":".`);
      this.pos++;
      this.skipWs();
      const valueStart = this.pos;
      this.path.push(key);
      const value = this.parseValue(depth);
      if (entries.has(key)) {
        this.problems.push({
          code: 'duplicate-key',
          detail: key,
          span: { start: keyStart, end: keyEnd },
          path: [...this.path],
        });
      }
      this.path.pop();
      entries.set(key, { keyStart, keyEnd, start: valueStart, end: this.pos });
      setMember(obj, key, value);
      this.skipWs();
      const c = this.text.charCodeAt(this.pos);
      if (c === 0x2c) {
        this.pos++;
        continue;
      }
      if (c === 0x7d) {
        this.pos++;
        loc.end = this.pos;
        return obj;
      }
      this.fail(`Unexpected ${this.describe()}; expected "," or "}".`);
    }
  }

  private parseArray(depth: number): unknown[] {
    if (depth > MAX_DEPTH) throw new SyntaxProblem(`Nesting deeper than ${MAX_DEPTH} levels.`, this.pos, true);
    const start = this.pos;
    this.pos++; // [
    const arr: unknown[] = [];
    const entries = new Map<string, EntryLoc>();
    const loc: ContainerLoc = { start, end: start, entries };
    this.locs.set(arr, loc);
    this.skipWs();
    if (this.text.charCodeAt(this.pos) === 0x5d) {
      this.pos++;
      loc.end = this.pos;
      return arr;
    }
    for (;;) {
      this.skipWs();
      const valueStart = this.pos;
      this.path.push(String(arr.length));
      const value = this.parseValue(depth);
      this.path.pop();
      entries.set(String(arr.length), { keyStart: valueStart, keyEnd: valueStart, start: valueStart, end: this.pos });
      arr.push(value);
      this.skipWs();
      const c = this.text.charCodeAt(this.pos);
      if (c === 0x2c) {
        this.pos++;
        continue;
      }
      if (c === 0x5d) {
        this.pos++;
        loc.end = this.pos;
        return arr;
      }
      this.fail(`Unexpected ${this.describe()}; expected "," or "]".`);
    }
  }
}
