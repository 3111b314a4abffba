import { nameSuffixAlphabet, type IdSource } from './ids.js';

/**
 * Ids from a seeded generator (mulberry32), so two runs with the same seed generate the same
 * names and UIDs — for reproducible tests and snapshots.
 */
export function seededIds(seed: number | string): IdSource {
  const next = seededRandom(seed);
  const hex = (n: number): string => {
    let out = '';
    for (let i = 0; i < n; i++) out += Math.floor(next() * 16).toString(16);
    return out;
  };
  return {
    // RFC 4122 version 4 layout, as upstream's UIDs look.
    uid: () => `${hex(8)}-${hex(4)}-4${hex(3)}-${'89ab'[Math.floor(next() * 4)]}${hex(3)}-${hex(12)}`,
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
