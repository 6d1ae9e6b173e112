import { ArrayEntryLocs, type ContainerLoc, type EntryLoc, type LoadProblem, type ParsedDocument } from '../model/document';
import { setMember } from '../model/object';
import { MAX_DEPTH, MAX_NODES, SyntaxProblem } from './parsed';

/**
 * A strict RFC 8259 parser that records where every member sits and reports duplicate keys.
 * JSON.parse gives neither positions nor duplicates, and YAML parsers are several times
 * slower on JSON and accept things AWS does not (tabs, comments, single quotes).
 */
export function parseJson(text: string): ParsedDocument {
  return new JsonParser(text).parseDocument();
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

const WS = new Uint8Array(128);
WS[0x20] = WS[0x09] = WS[0x0a] = WS[0x0d] = 1;

class JsonParser {
  private pos = 0;
  /** Where the members of the value just read sit (undefined for a scalar or an empty container). */
  private lastLoc: ContainerLoc | undefined;
  private readonly problems: LoadProblem[] = [];
  /** The member path to the value being read, for duplicate-key reports; array items as numbers. */
  private readonly path: Array<string | number> = [];
  private values = 0;

  constructor(private readonly text: string) {}

  parseDocument(): ParsedDocument {
    this.skipWs();
    const start = this.pos;
    if (this.pos >= this.text.length) throw new SyntaxProblem('The file is empty.', 0);
    const value = this.parseValue(0);
    const loc = this.lastLoc;
    const end = this.pos;
    this.skipWs();
    if (this.pos < this.text.length) this.fail(`Unexpected ${this.describe()} after the JSON value.`);
    return { value, loc, span: { start, end }, problems: this.problems };
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
    if (++this.values > MAX_NODES) {
      throw new SyntaxProblem(`The file holds more than ${MAX_NODES.toLocaleString('en-US')} values, far more than any ECS input; it is not read.`, this.pos, true);
    }
    const c = this.text.charCodeAt(this.pos);
    this.lastLoc = undefined;
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
    NUMBER.lastIndex = this.pos;
    const m = NUMBER.exec(this.text);
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
    this.pos++; // {
    const obj: Record<string, unknown> = {};
    this.skipWs();
    if (this.text.charCodeAt(this.pos) === 0x7d) {
      this.pos++;
      return obj;
    }
    const entries = new Map<string, EntryLoc>();
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
      const loc = this.lastLoc;
      if (entries.has(key)) {
        this.problems.push({
          code: 'duplicate-key',
          detail: key,
          span: { start: keyStart, end: keyEnd },
          path: this.path.map(String),
        });
      }
      this.path.pop();
      entries.set(key, loc ? { keyStart, keyEnd, start: valueStart, end: this.pos, loc } : { keyStart, keyEnd, start: valueStart, end: this.pos });
      setMember(obj, key, value);
      this.skipWs();
      const c = this.text.charCodeAt(this.pos);
      if (c === 0x2c) {
        this.pos++;
        continue;
      }
      if (c === 0x7d) {
        this.pos++;
        this.lastLoc = entries;
        return obj;
      }
      this.fail(`Unexpected ${this.describe()}; expected "," or "}".`);
    }
  }

  private parseArray(depth: number): unknown[] {
    if (depth > MAX_DEPTH) throw new SyntaxProblem(`Nesting deeper than ${MAX_DEPTH} levels.`, this.pos, true);
    this.pos++; // [
    const arr: unknown[] = [];
    this.skipWs();
    if (this.text.charCodeAt(this.pos) === 0x5d) {
      this.pos++;
      return arr;
    }
    const entries = new ArrayEntryLocs();
    for (;;) {
      this.skipWs();
      const valueStart = this.pos;
      this.path.push(arr.length);
      const value = this.parseValue(depth);
      this.path.pop();
      entries.add(valueStart, this.pos, this.lastLoc);
      arr.push(value);
      this.skipWs();
      const c = this.text.charCodeAt(this.pos);
      if (c === 0x2c) {
        this.pos++;
        continue;
      }
      if (c === 0x5d) {
        this.pos++;
        this.lastLoc = entries;
        return arr;
      }
      this.fail(`Unexpected ${this.describe()}; expected "," or "]".`);
    }
  }
}
