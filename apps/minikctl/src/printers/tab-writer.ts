import type { Output } from '../cli/command.js';

interface Cell {
  /** Text of the cell. */
  text: string;
  /** Width in code points (Go's tabwriter counts runes). */
  width: number;
  /** Terminated by a tab (a column cell), rather than by the end of the line. */
  htab: boolean;
}

/**
 * Go's text/tabwriter as kubectl configures it (liggitt/tabwriter: minwidth 6, tabwidth 4,
 * padding 3, space padding, RememberWidths). Tab-terminated cells in contiguous lines form a
 * column padded to its widest cell; the last cell of a line is not part of a column. With
 * RememberWidths, column widths seen before a Flush keep applying after it, so rows printed by
 * `get -w` line up with the table above them.
 */
export class TabWriter {
  #lines: Cell[][] = [[]];
  #current = '';
  #remembered: number[] = [];
  #widths: number[] = [];
  #out = '';

  constructor(
    private readonly output: Output,
    private readonly minWidth = 6,
    private readonly padding = 3,
    private readonly rememberWidths = true,
  ) {}

  /** Buffers text; `\t` ends a cell, `\n` ends a line. */
  write(text: string): void {
    let start = 0;
    for (let i = 0; i < text.length; i++) {
      const ch = text[i];
      if (ch !== '\t' && ch !== '\n') continue;
      this.#current += text.slice(start, i);
      start = i + 1;
      const line = this.#lines[this.#lines.length - 1]!;
      line.push({ text: this.#current, width: runeCount(this.#current), htab: ch === '\t' });
      this.#current = '';
      if (ch === '\n') {
        this.#lines.push([]);
        // A line of one cell cannot affect later columns: Go's tabwriter flushes there.
        if (line.length === 1) this.#formatAll();
      }
    }
    this.#current += text.slice(start);
  }

  /** Forgets remembered widths (kubectl does this between resource types). */
  resetRememberedWidths(): void {
    this.#remembered = [];
  }

  /** Writes out everything buffered. */
  flush(): void {
    if (this.#current !== '') {
      const line = this.#lines[this.#lines.length - 1]!;
      line.push({ text: this.#current, width: runeCount(this.#current), htab: false });
      this.#current = '';
    }
    this.#formatAll();
  }

  #formatAll(): void {
    this.#format(0, this.#lines.length);
    if (this.#out !== '') this.output.write(this.#out);
    this.#out = '';
    this.#lines = [[]];
    this.#widths = [];
  }

  #writeLines(line0: number, line1: number): void {
    for (let i = line0; i < line1; i++) {
      const line = this.#lines[i]!;
      for (let j = 0; j < line.length; j++) {
        const c = line[j]!;
        this.#out += c.text;
        if (j < this.#widths.length) this.#out += ' '.repeat(Math.max(0, this.#widths[j]! - c.width));
      }
      // The last buffered line has not been ended by a newline (yet).
      if (i + 1 !== this.#lines.length) this.#out += '\n';
    }
  }

  #format(line0: number, line1: number): void {
    const column = this.#widths.length;
    for (let current = line0; current < line1; current++) {
      const line = this.#lines[current]!;
      if (column >= line.length - 1) continue;
      // This line has a cell in this column: a column block starts here.
      this.#writeLines(line0, current);
      line0 = current;
      let width = this.minWidth;
      for (; current < line1; current++) {
        const l = this.#lines[current]!;
        if (column >= l.length - 1) break;
        const w = l[column]!.width + this.padding;
        if (w > width) width = w;
      }
      if (this.rememberWidths) {
        const remembered = this.#remembered[column];
        if (remembered !== undefined && remembered > width) width = remembered;
        else this.#remembered[column] = width;
      }
      this.#widths.push(width);
      this.#format(line0, current);
      this.#widths.pop();
      line0 = current;
    }
    this.#writeLines(line0, line1);
  }
}

function runeCount(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}
