import { describe, expect, it } from 'vitest';
import { randomUid } from './ids.js';

describe('randomUid', () => {
  it('gives version 4 UUIDs in RFC 4122 text, all different', () => {
    const uids = Array.from({ length: 5000 }, randomUid);
    for (const uid of uids) expect(uid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(uids).size).toBe(uids.length);
  });
});
