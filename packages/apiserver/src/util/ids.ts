import { randomFillSync } from 'node:crypto';

/** The alphabet upstream uses for generated name suffixes (no vowels, no look-alikes). */
export const nameSuffixAlphabet = 'bcdfghjklmnpqrstvwxz2456789';

/** Sources of identity: UIDs and generateName suffixes. Injectable so tests (and `seed`) are deterministic. */
export interface IdSource {
  uid(): string;
  /** `n` random characters from the suffix alphabet. */
  suffix(n: number): string;
}

const hexDigits = Buffer.from('0123456789abcdef', 'latin1');
const entropy = Buffer.alloc(16 * 256);
let entropyAt = entropy.length;
const uuidText = Buffer.alloc(36);

/**
 * A random (version 4) UUID as one flat string. crypto.randomUUID builds its text by joining
 * two-digit pieces, a rope of 14 string objects (about 450 bytes of heap) that every stored
 * object keeps; this writes the 36 characters into a buffer and reads them back as one string.
 */
export function randomUid(): string {
  if (entropyAt === entropy.length) {
    randomFillSync(entropy);
    entropyAt = 0;
  }
  let j = 0;
  for (let i = 0; i < 16; i++) {
    if (i === 4 || i === 6 || i === 8 || i === 10) uuidText[j++] = 0x2d;
    let byte = entropy[entropyAt + i]!;
    if (i === 6) byte = (byte & 0x0f) | 0x40;
    else if (i === 8) byte = (byte & 0x3f) | 0x80;
    uuidText[j++] = hexDigits[byte >> 4]!;
    uuidText[j++] = hexDigits[byte & 15]!;
  }
  entropyAt += 16;
  return uuidText.toString('latin1', 0, 36);
}

/** Ids from the system's random source. */
export const randomIds: IdSource = {
  uid: randomUid,
  suffix: (n) => {
    let out = '';
    for (let i = 0; i < n; i++) out += nameSuffixAlphabet[Math.floor(Math.random() * nameSuffixAlphabet.length)];
    return out;
  },
};
