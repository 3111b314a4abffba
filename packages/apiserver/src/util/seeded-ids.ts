import { nameSuffixAlphabet, type IdSource } from './ids.js';

/**
 * Ids from a seeded generator (mulberry32), so two runs with the same seed generate the same
 * names and UIDs — for reproducible tests and snapshots.
 */
export function seededIds(seed: number | string): IdSource {
  const next = seededRandom(seed);
  // RFC 4122 version 4 layout, as upstream's UIDs look: x = a random hex digit, y = 8, 9, a or b.
  // Written into a buffer and read back as one flat string, not a rope of concatenations.
  const layout = 'xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx';
  const text = Buffer.alloc(layout.length);
  return {
    uid: () => {
      for (let i = 0; i < layout.length; i++) {
        const slot = layout[i]!;
        const digit = slot === 'x' ? Math.floor(next() * 16) : slot === 'y' ? 8 + Math.floor(next() * 4) : -1;
        text[i] = digit < 0 ? slot.charCodeAt(0) : digit.toString(16).charCodeAt(0);
      }
      return text.toString('latin1', 0, layout.length);
    },
    suffix: (n) => {
      let out = '';
      for (let i = 0; i < n; i++) out += nameSuffixAlphabet[Math.floor(next() * nameSuffixAlphabet.length)];
      return out;
    },
  };
}

/** A seeded replacement for Math.random (mulberry32): numbers in [0, 1). */
export function seededRandom(seed: number | string, stream = 0): () => number {
  let state = ((typeof seed === 'number' ? seed >>> 0 : hashString(seed)) + Math.imul(stream, 0x9e3779b9)) >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
