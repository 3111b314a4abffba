import type { Output } from '../cli/command.js';

/** A log line in klog's header format, as kubectl prints them on stderr (`I1126 02:29:21.191760   28758 file.go:1] msg`). */
export function klogLine(severity: 'I' | 'W' | 'E', source: string, message: string, now: Date = new Date()): string {
  const two = (n: number): string => String(n).padStart(2, '0');
  const micros = String(now.getMilliseconds() * 1000).padStart(6, '0');
  const stamp = `${two(now.getMonth() + 1)}${two(now.getDate())} ${two(now.getHours())}:${two(now.getMinutes())}:${two(now.getSeconds())}.${micros}`;
  return `${severity}${stamp} ${String(process.pid).padStart(7)} ${source}] ${message}\n`;
}

/** kubectl's `-v` logging: lines at or below the chosen verbosity go to stderr. */
export interface Logger {
  readonly verbosity: number;
  info(level: number, source: string, message: string): void;
  error(source: string, message: string): void;
}

/** A logger writing klog lines to `err`. */
export function createLogger(verbosity: number, err: Output): Logger {
  return {
    verbosity,
    info(level, source, message) {
      if (verbosity >= level) err.write(klogLine('I', source, message));
    },
    error(source, message) {
      err.write(klogLine('E', source, message));
    },
  };
}
