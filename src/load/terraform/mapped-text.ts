/**
 * Text made from pieces of another text (a string literal with its escapes decoded, a heredoc with its
 * indentation removed, a JSON string inside a plan file), with a map from every offset in the made text
 * back to the offset in the source it came from. A JSON parser reads the made text; its positions are
 * then mapped back, so findings point into the file as written.
 */
export class MappedText {
  text = '';
  /** Per piece: start in `text`, start and end in the source, and whether it was copied character for character. */
  private readonly starts: number[] = [];
  private readonly sourceStarts: number[] = [];
  private readonly sourceEnds: number[] = [];
  private readonly verbatim: boolean[] = [];

  /** Append source text copied as it is, from `sourceStart` on. */
  appendVerbatim(s: string, sourceStart: number): void {
    if (s.length === 0) return;
    const n = this.starts.length - 1;
    // Extend the last piece when this one continues it in both texts.
    if (n >= 0 && this.verbatim[n] && this.sourceEnds[n] === sourceStart) {
      this.text += s;
      this.sourceEnds[n] = sourceStart + s.length;
      return;
    }
    this.push(s, sourceStart, sourceStart + s.length, true);
  }

  /** Append text that stands for the source range [sourceStart, sourceEnd) as one unit (an escape sequence, a placeholder). */
  appendAtom(s: string, sourceStart: number, sourceEnd: number): void {
    if (s.length === 0) return;
    this.push(s, sourceStart, sourceEnd, false);
  }

  private push(s: string, sourceStart: number, sourceEnd: number, verbatim: boolean): void {
    this.starts.push(this.text.length);
    this.sourceStarts.push(sourceStart);
    this.sourceEnds.push(sourceEnd);
    this.verbatim.push(verbatim);
    this.text += s;
  }

  /** The piece holding made-text offset `o` (0 <= o < text.length). */
  private pieceAt(o: number): number {
    const starts = this.starts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Source offset of the character at made-text offset `o` (a range start). */
  sourceStart(o: number): number {
    if (this.starts.length === 0) return 0;
    if (o >= this.text.length) return this.sourceEnds[this.sourceEnds.length - 1];
    const i = this.pieceAt(Math.max(0, o));
    return this.verbatim[i] ? this.sourceStarts[i] + (o - this.starts[i]) : this.sourceStarts[i];
  }

  /** Source offset just after the character before made-text offset `o` (a range end). */
  sourceEnd(o: number): number {
    if (this.starts.length === 0) return 0;
    if (o <= 0) return this.sourceStarts[0];
    const i = this.pieceAt(Math.min(o, this.text.length) - 1);
    return this.verbatim[i] ? this.sourceStarts[i] + (o - this.starts[i]) : this.sourceEnds[i];
  }
}
