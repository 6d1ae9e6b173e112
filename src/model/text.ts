/** Positions in a file's text: offsets, and the 1-based lines and columns editors show. */

export interface Position {
  line: number;
  column: number;
}

/** A range as findings carry it: 1-based, the end column exclusive. */
export interface Range {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/**
 * Offset -> line and column, built once per file and only when a finding needs it. A line ends at
 * "\n", "\r\n" or a lone "\r" (old Mac files), as YAML and editors count them.
 */
export class LineIndex {
  #starts: number[] | undefined;
  constructor(readonly text: string) {}

  #lineStarts(): number[] {
    if (this.#starts) return this.#starts;
    const starts = [0];
    const t = this.text;
    for (let i = 0; i < t.length; i++) {
      const c = t.charCodeAt(i);
      if (c === 10) starts.push(i + 1);
      else if (c === 13 && t.charCodeAt(i + 1) !== 10) starts.push(i + 1);
    }
    this.#starts = starts;
    return starts;
  }

  position(offset: number): Position {
    const starts = this.#lineStarts();
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: o - starts[lo] + 1 };
  }

  /** The range of a span; an empty span covers one character, so that editors show something. */
  range(start: number, end: number): Range {
    const a = this.position(start);
    const b = this.position(Math.max(end, start + 1));
    return { line: a.line, column: a.column, endLine: b.line, endColumn: b.column };
  }

  /** Offset of the start of a 1-based line. */
  lineStart(line: number): number {
    const starts = this.#lineStarts();
    return starts[Math.max(0, Math.min(line - 1, starts.length - 1))];
  }
}

/** 1st, 2nd, 3rd, 4th, …, 11th, 12th, 13th, 21st. */
export function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}
