/** One line a container wrote, with the time the runtime received it. */
export interface LogEntry {
  readonly time: number;
  /** The line without its trailing newline. */
  readonly text: string;
}

/** Which part of a log to read (PodLogOptions as the kubelet applies them). */
export interface LogReadOptions {
  /** Only lines at or after this time (sinceSeconds/sinceTime), ms since the epoch. */
  since?: number;
  tailLines?: number;
  timestamps?: boolean;
  limitBytes?: number;
}

/**
 * The time as CRI log files carry it: RFC 3339 with nanoseconds, trailing zeros trimmed (Go's
 * time.RFC3339Nano), which `kubectl logs --timestamps` prints in front of each line.
 */
export function rfc3339Nano(ms: number): string {
  const iso = new Date(ms).toISOString(); // 2024-01-01T00:00:00.120Z
  const fraction = iso.slice(20, 23).replace(/0+$/, '');
  return `${iso.slice(0, 19)}${fraction ? `.${fraction}` : ''}Z`;
}

/** Formats entries as the kubelet streams them. */
export function formatLogEntries(entries: readonly LogEntry[], timestamps: boolean): string {
  let out = '';
  for (const entry of entries) out += timestamps ? `${rfc3339Nano(entry.time)} ${entry.text}\n` : `${entry.text}\n`;
  return out;
}

/**
 * A container's stdout, kept by the simulated runtime; followers get new lines as they come.
 * Kept as the app wrote it: one text per write (a write with newlines is split into lines when
 * read) and its time. A log of one write keeps just that text and time; lists come with the
 * second. nginx prints its 14 start-up lines in one write, a text containers started in the same
 * second share, and most containers of a big cluster write nothing after it (bench/ S5 runs
 * 100,000 of them).
 */
export class ContainerLog {
  #times: number | number[] | undefined;
  #texts: string | string[] | undefined;
  #followers: Set<{ line: (entry: LogEntry) => void; end: () => void }> | undefined;
  #closed = false;

  get entries(): readonly LogEntry[] {
    const entries: LogEntry[] = [];
    const texts = this.#texts;
    const times = this.#times;
    if (typeof texts === 'string') {
      for (const text of linesOf(texts)) entries.push({ time: times as number, text });
    } else if (texts !== undefined) {
      for (let i = 0; i < texts.length; i++) {
        const time = (times as number[])[i]!;
        for (const text of linesOf(texts[i]!)) entries.push({ time, text });
      }
    }
    return entries;
  }

  /** True once the container has exited: no more lines will come. */
  get closed(): boolean {
    return this.#closed;
  }

  append(time: number, text: string): void {
    if (this.#closed) return;
    const texts = this.#texts;
    const times = this.#times;
    if (texts === undefined) {
      this.#times = time;
      this.#texts = text;
    } else if (typeof texts === 'string') {
      this.#times = [times as number, time];
      this.#texts = [texts, text];
    } else {
      (times as number[]).push(time);
      texts.push(text);
    }
    if (this.#followers) for (const line of linesOf(text)) for (const follower of this.#followers) follower.line({ time, text: line });
  }

  /** Ends the log: followers are told the stream is over. */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    for (const follower of this.#followers ?? []) follower.end();
    this.#followers = undefined;
  }

  /** The lines selected by the options, newest `tailLines` last. */
  read(options: LogReadOptions = {}): LogEntry[] {
    let entries = options.since === undefined ? this.entries : this.entries.filter((e) => e.time >= options.since!);
    if (options.tailLines !== undefined) entries = options.tailLines === 0 ? [] : entries.slice(-options.tailLines);
    return entries as LogEntry[];
  }

  /** Calls `line` for each new entry until `end` (the container stopped) or the returned stop function. */
  follow(line: (entry: LogEntry) => void, end: () => void): () => void {
    if (this.#closed) {
      end();
      return () => {};
    }
    const follower = { line, end };
    (this.#followers ??= new Set()).add(follower);
    return () => this.#followers?.delete(follower);
  }
}

/** A write with embedded newlines is several log lines, as the runtime splits them. */
function linesOf(text: string): readonly string[] {
  return text.includes('\n') ? text.split('\n') : [text];
}
