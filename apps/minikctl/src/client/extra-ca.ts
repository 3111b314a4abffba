import { readFileSync } from 'node:fs';

/**
 * The trust store Node would use with NODE_EXTRA_CA_CERTS, built when a TLS connection first
 * needs it. Node 20 reads and parses that file before running any script (about 50 ms for a
 * system bundle, more than minikctl's whole start), so bin/minikctl.cjs moves the variable to
 * MINIKCTL_EXTRA_CA_CERTS before it starts Node. Undefined when there are no extra certificates:
 * Node's own default store applies then.
 */
export function defaultTrustWithExtraCerts(): string[] | undefined {
  if (loaded === null) loaded = trustWithExtraCerts(process.env.MINIKCTL_EXTRA_CA_CERTS);
  return loaded;
}

let loaded: string[] | undefined | null = null;

/** Node's bundled roots and the certificates of `file`; undefined (with Node's warning) when it cannot be read. */
export function trustWithExtraCerts(file: string | undefined): string[] | undefined {
  if (!file) return undefined;
  try {
    const pem = readFileSync(file, 'utf8');
    return [...process.getBuiltinModule('node:tls').rootCertificates, pem];
  } catch (error) {
    // Node's words when it cannot read the file at start-up; it goes on without the extra certs too.
    process.emitWarning(`Ignoring extra certs from \`${file}\`, load failed: ${(error as Error).message}`);
    return undefined;
  }
}
