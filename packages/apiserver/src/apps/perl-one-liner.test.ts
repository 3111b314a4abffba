import { describe, expect, it } from 'vitest';
import { perlOutput, piDigits } from './perl-one-liner.js';

describe('perl one-liners', () => {
  it('prints π to the digits bpi asks for (the docs Job example)', () => {
    expect(piDigits(10)).toBe('3.141592654');
    const [line] = perlOutput(['-Mbignum=bpi', '-wle', 'print bpi(2000)'])!;
    expect(line).toHaveLength(2001);
    expect(line!.startsWith('3.14159265358979323846264338327950288419716939937510')).toBe(true);
    // More digits agree with fewer (no drift from the guard digits).
    expect(piDigits(2010).slice(0, 2000)).toBe(line!.slice(0, 2000));
  });

  it('prints strings, and gives up on other scripts', () => {
    expect(perlOutput(['-le', 'print "hi"; print "there"'])).toEqual(['hi', 'there']);
    expect(perlOutput(['-e', 'print "a"; print "b"'])).toEqual(['ab']);
    expect(perlOutput(['script.pl'])).toBeUndefined();
    expect(perlOutput(['-e', 'system("ls")'])).toBeUndefined();
  });
});
