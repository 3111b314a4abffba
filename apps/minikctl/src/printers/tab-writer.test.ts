import { describe, expect, it } from 'vitest';
import { TabWriter } from './tab-writer.js';

function format(lines: string[], flushEach = false): string {
  let out = '';
  const w = new TabWriter({ write: (t) => void (out += t) });
  for (const line of lines) {
    w.write(line);
    if (flushEach) w.flush();
  }
  w.flush();
  return out;
}

describe('TabWriter (kubectl: minwidth 6, padding 3, RememberWidths)', () => {
  it('pads each column to its widest cell plus 3, at least 6, and leaves the last cell alone', () => {
    expect(format(['NAME\tREADY\tAGE\n', 'web\t0/1\t5s\n'])).toBe('NAME   READY   AGE\nweb    0/1     5s\n');
  });

  it('counts code points, not bytes', () => {
    expect(format(['é\tx\n', 'ab\ty\n'])).toBe('é     x\nab    y\n');
  });

  it('remembers widths across flushes, so watch rows line up under the table', () => {
    expect(format(['NAME\tAGE\n', 'a-very-long-name\t1s\n', 'b\t2s\n'], true)).toBe('NAME   AGE\na-very-long-name   1s\nb                  2s\n');
  });

  it('ends a column block at a line with a single cell', () => {
    expect(format(['a\tb\n', 'single\n', 'longer-cell\tc\n'])).toBe('a     b\nsingle\nlonger-cell   c\n');
  });
});
