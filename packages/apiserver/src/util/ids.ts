import { randomUUID } from 'node:crypto';

/** The alphabet upstream uses for generated name suffixes (no vowels, no look-alikes). */
export const nameSuffixAlphabet = 'bcdfghjklmnpqrstvwxz2456789';

/** Sources of identity: UIDs and generateName suffixes. Injectable so tests (and `seed`) are deterministic. */
export interface IdSource {
  uid(): string;
  /** `n` random characters from the suffix alphabet. */
  suffix(n: number): string;
}

/** Ids from the system's random source. */
export const randomIds: IdSource = {
  uid: () => randomUUID(),
  suffix: (n) => {
    let out = '';
    for (let i = 0; i < n; i++) out += nameSuffixAlphabet[Math.floor(Math.random() * nameSuffixAlphabet.length)];
    return out;
  },
};
