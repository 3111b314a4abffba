import { createServer, type AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { exitCodes } from '../exit-codes.js';
import { assertCanListen, listenError } from './listen-error.js';

function errno(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(code), { code });
}

describe('listenError', () => {
  it('explains the listen errors a user can fix with a flag', () => {
    expect(listenError(errno('EADDRINUSE'), '127.0.0.1', 6443)).toMatchObject({
      message: 'port 6443 is already in use on 127.0.0.1: choose another with --port',
      exitCode: exitCodes.hostConflict,
    });
    expect(listenError(errno('EACCES'), '127.0.0.1', 443)).toMatchObject({
      exitCode: exitCodes.hostPermission,
    });
    expect(listenError(errno('EADDRNOTAVAIL'), '10.9.9.9', 6443)).toMatchObject({
      message: expect.stringContaining('--host'),
      exitCode: exitCodes.hostConfig,
    });
  });

  it('passes other errors on as they are', () => {
    const other = errno('EMFILE');
    expect(listenError(other, '127.0.0.1', 6443)).toBe(other);
  });
});

describe('assertCanListen', () => {
  it('names a port that is in use', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      await expect(assertCanListen('127.0.0.1', port)).rejects.toMatchObject({
        message: `port ${port} is already in use on 127.0.0.1: choose another with --port`,
      });
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
