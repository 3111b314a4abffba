import { TabWriter } from '../printers/tab-writer.js';

/** kubectl's describe levels: each indents two spaces more. */
export const LEVEL_0 = 0;
export const LEVEL_1 = 1;
export const LEVEL_2 = 2;
export const LEVEL_3 = 3;
export const LEVEL_4 = 4;

/**
 * kubectl's PrefixWriter over `tabwriter.NewWriter(out, 0, 8, 2, ' ', 0)`: describe text is
 * written as tab-separated cells, indented by level, and aligned in column blocks at the end.
 */
export class PrefixWriter {
  #out = '';
  readonly #tab: { write(text: string): void; flush(): void };

  /** `raw` skips the alignment, as kubectl does where it writes straight to its output (rollout history). */
  constructor(raw = false) {
    const sink = { write: (t: string): void => void (this.#out += t) };
    this.#tab = raw ? { write: sink.write, flush: () => undefined } : new TabWriter(sink, 0, 2, false);
  }

  write(level: number, text: string): void {
    this.#tab.write(`${'  '.repeat(level)}${text}`);
  }

  /** A line continuing the current one (kubectl's WriteLine). */
  writeLine(text: string): void {
    this.#tab.write(`${text}\n`);
  }

  flush(): void {
    this.#tab.flush();
  }

  /** Everything written, formatted. */
  text(): string {
    this.#tab.flush();
    return this.#out;
  }
}
