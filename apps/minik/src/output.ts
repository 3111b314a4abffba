/** Where commands write what the user reads: progress and results on stdout, failures on stderr (as minikube does). */
export interface Output {
  info(text: string): void;
  error(text: string): void;
}

function asLine(text: string): string {
  return text.endsWith('\n') ? text : `${text}\n`;
}

/** An output that writes to two streams, usually process.stdout and process.stderr. */
export function createStreamOutput(
  stdout: { write(chunk: string): unknown },
  stderr: { write(chunk: string): unknown },
): Output {
  return {
    info: (text) => void stdout.write(asLine(text)),
    error: (text) => void stderr.write(asLine(text)),
  };
}

/** An output that prefixes each line with an RFC 3339 timestamp, for the detached cluster's log file. */
export function createTimestampedOutput(output: Output, now: () => number): Output {
  const stamp = (text: string): string =>
    text
      .replace(/\n$/, '')
      .split('\n')
      .map((line) => `${new Date(now()).toISOString()} ${line}`)
      .join('\n');
  return {
    info: (text) => output.info(stamp(text)),
    error: (text) => output.error(stamp(text)),
  };
}

/** An output kept in memory, for tests. */
export interface MemoryOutput extends Output {
  readonly stdout: () => string;
  readonly stderr: () => string;
}

/** Creates an output kept in memory, for tests. */
export function createMemoryOutput(): MemoryOutput {
  let out = '';
  let err = '';
  return {
    info: (text) => void (out += asLine(text)),
    error: (text) => void (err += asLine(text)),
    stdout: () => out,
    stderr: () => err,
  };
}
