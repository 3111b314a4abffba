/** A clock whose sleep() advances time at once, so polling loops run without waiting. */
export interface FakeClock {
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  advance: (ms: number) => void;
}

/** Creates a fake clock starting at `start` (default 2025-01-01T00:00:00Z). */
export function createFakeClock(start = Date.parse('2025-01-01T00:00:00Z')): FakeClock {
  let time = start;
  return {
    now: () => time,
    sleep: async (ms) => {
      time += ms;
    },
    advance: (ms) => {
      time += ms;
    },
  };
}
