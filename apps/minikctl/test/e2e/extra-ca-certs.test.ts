import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, collect, minikctlBin, type CliResult } from '../support/minikctl.js';

// NODE_EXTRA_CA_CERTS as minikctl handles it when run as a program: moved aside before Node starts
// (Node 20 parses the bundle before any script) and trusted when a TLS connection is made.

const certFile = fileURLToPath(new URL('../testdata/tls-server.crt', import.meta.url));
const keyFile = fileURLToPath(new URL('../testdata/tls-server.key', import.meta.url));
const version = { major: '1', minor: '33', gitVersion: 'v1.33.0' };

describe('NODE_EXTRA_CA_CERTS', () => {
  let server: Server;
  let url: string;
  let home: string;

  /** Runs a command line; `program` executes bin/minikctl.cjs itself, as a shell does, else `node bin/minikctl.cjs`. */
  const run = (args: readonly string[], extraCa: string | undefined, program = true): Promise<CliResult> => {
    const env: NodeJS.ProcessEnv = { ...process.env, KUBECONFIG: '/dev/null', HOME: home };
    delete env.NODE_EXTRA_CA_CERTS;
    delete env.MINIKCTL_EXTRA_CA_CERTS;
    if (extraCa !== undefined) env.NODE_EXTRA_CA_CERTS = extraCa;
    const argv = ['--cache-dir', join(home, 'cache'), ...args];
    return collect(program ? spawn(minikctlBin, argv, { env }) : spawn(process.execPath, [minikctlBin, ...argv], { env }));
  };

  beforeAll(async () => {
    assertBuilt();
    home = mkdtempSync(join(tmpdir(), 'minikctl-extra-ca-'));
    server = createServer({ cert: readFileSync(certFile), key: readFileSync(keyFile) }, (req, res) => {
      res.writeHead(req.url === '/version' ? 200 : 404, { 'content-type': 'application/json' });
      res.end(JSON.stringify(req.url === '/version' ? version : {}));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    rmSync(home, { recursive: true, force: true });
  });

  it('is not read at start-up when minikctl runs as a program', async () => {
    const missing = join(home, 'no-such-bundle.pem');
    const program = await run(['version', '--client'], missing);
    expect(program.code).toBe(0);
    expect(program.stderr).toBe('');
    // Started with `node` directly, Node reads the variable itself and warns about the missing file.
    const direct = await run(['version', '--client'], missing, false);
    expect(direct.code).toBe(0);
    expect(direct.stderr).toContain(`Ignoring extra certs from \`${missing}\``);
  });

  it('trusts the extra certificates for TLS connections, and only those it is given', async () => {
    const trusted = await run(['get', '--raw', '/version', '-s', url], certFile);
    expect(trusted.stderr).toBe('');
    expect(trusted.code).toBe(0);
    expect(JSON.parse(trusted.stdout)).toEqual(version);
    const untrusted = await run(['get', '--raw', '/version', '-s', url], undefined);
    expect(untrusted.code).toBe(1);
    expect(untrusted.stdout).toBe('');
  });

  it('says so when the bundle cannot be read, as Node does, and goes on without it', async () => {
    const missing = join(home, 'gone.pem');
    const result = await run(['get', '--raw', '/version', '-s', url], missing);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`Ignoring extra certs from \`${missing}\``);
  });
});
