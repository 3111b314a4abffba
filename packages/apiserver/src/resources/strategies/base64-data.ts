import { badRequest } from '../../errors/index.js';

/**
 * `[]byte` fields (Secret.data, ConfigMap.binaryData) travel as standard, padded base64. Upstream
 * decodes them with Go's base64.StdEncoding while reading the body, so bad input is a 400 such as
 * `Secret in version "v1" cannot be handled as a Secret: illegal base64 data at input byte 4`.
 */

const alphabet = /^[A-Za-z0-9+/]$/;

/** The byte offset Go's StdEncoding reports for malformed input, or undefined when it decodes. */
export function base64ErrorOffset(value: string): number | undefined {
  // Go's decoder skips \r and \n wherever they appear.
  const chars: { ch: string; at: number }[] = [];
  for (let i = 0; i < value.length; i++) {
    const ch = value[i] ?? '';
    if (ch !== '\r' && ch !== '\n') chars.push({ ch, at: i });
  }
  for (let q = 0; q < chars.length; q += 4) {
    const quantum = chars.slice(q, q + 4);
    for (let j = 0; j < quantum.length; j++) {
      const { ch, at } = quantum[j] ?? { ch: '', at: 0 };
      if (ch === '=') {
        // Padding is only valid as the last one or two characters of the last quantum.
        if (j < 2) return at;
        if (j === 2 && quantum[3]?.ch !== '=') return quantum[3] === undefined ? value.length : at;
        if (q + 4 < chars.length) return chars[q + 4]?.at ?? at;
        break;
      }
      if (!alphabet.test(ch)) return at;
    }
    if (quantum.length < 4 && !quantum.some((c) => c.ch === '=')) return quantum[0]?.at ?? 0;
  }
  return undefined;
}

/** Throws the decoder's 400 when any value of `data` is not valid base64. */
export function assertBase64Values(data: unknown, kind: string, version = 'v1'): void {
  if (typeof data !== 'object' || data === null) return;
  for (const value of Object.values(data as Record<string, unknown>)) {
    if (value === null) continue;
    const offset = typeof value === 'string' ? base64ErrorOffset(value) : 0;
    if (offset !== undefined) throw badRequest(`${kind} in version "${version}" cannot be handled as a ${kind}: illegal base64 data at input byte ${offset}`);
  }
}

/** The decoded length of a valid base64 string. */
export function base64DecodedLength(value: string): number {
  return Buffer.from(value, 'base64').length;
}
