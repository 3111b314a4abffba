import { describe, expect, it } from 'vitest';
import { ContainerLog, formatLogEntries } from './container-log.js';

describe('ContainerLog', () => {
  it('reads a write with newlines as one line each, at the write’s time', () => {
    const log = new ContainerLog();
    log.append(1_000, 'one\ntwo\nthree');
    log.append(2_000, 'four');
    expect(log.entries).toEqual([
      { time: 1_000, text: 'one' },
      { time: 1_000, text: 'two' },
      { time: 1_000, text: 'three' },
      { time: 2_000, text: 'four' },
    ]);
    expect(formatLogEntries(log.read({ tailLines: 2 }), false)).toBe('three\nfour\n');
    expect(log.read({ since: 1_500 }).map((e) => e.text)).toEqual(['four']);
    log.append(3_000, 'five');
    expect(log.read({ tailLines: 3 })).toEqual([
      { time: 1_000, text: 'three' },
      { time: 2_000, text: 'four' },
      { time: 3_000, text: 'five' },
    ]);
  });

  it('reads a log of a single write, and an empty one', () => {
    const log = new ContainerLog();
    expect(log.entries).toEqual([]);
    log.append(5, 'x\ny');
    expect(log.entries).toEqual([
      { time: 5, text: 'x' },
      { time: 5, text: 'y' },
    ]);
  });

  it('gives followers every line as it comes, and nothing after close', () => {
    const log = new ContainerLog();
    log.append(1, 'before');
    const seen: string[] = [];
    let ended = false;
    log.follow((entry) => seen.push(`${entry.time} ${entry.text}`), () => (ended = true));
    log.append(2, 'a\nb');
    log.close();
    log.append(3, 'late');
    expect(seen).toEqual(['2 a', '2 b']);
    expect(ended).toBe(true);
    expect(log.entries.map((e) => e.text)).toEqual(['before', 'a', 'b']);
  });
});
