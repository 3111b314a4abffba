import { rootCertificates } from 'node:tls';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { trustWithExtraCerts } from './extra-ca.js';

const certFile = fileURLToPath(new URL('../../test/testdata/tls-server.crt', import.meta.url));

describe('trustWithExtraCerts', () => {
  it("adds the file's certificates to Node's bundled roots", () => {
    expect(trustWithExtraCerts(certFile)).toEqual([...rootCertificates, readFileSync(certFile, 'utf8')]);
  });

  it('is undefined without a file, and warns as Node does when the file cannot be read', () => {
    expect(trustWithExtraCerts(undefined)).toBeUndefined();
    expect(trustWithExtraCerts('')).toBeUndefined();
    const warn = vi.spyOn(process, 'emitWarning').mockImplementation(() => {});
    try {
      expect(trustWithExtraCerts('/no/such/bundle.pem')).toBeUndefined();
      expect(warn).toHaveBeenCalledWith(expect.stringContaining('Ignoring extra certs from `/no/such/bundle.pem`, load failed'));
    } finally {
      warn.mockRestore();
    }
  });
});
