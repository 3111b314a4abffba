import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveKubeconfigPath } from './kubeconfig-path.js';

describe('resolveKubeconfigPath', () => {
  it('defaults to ~/.kube/config', () => {
    expect(resolveKubeconfigPath({}, '/home/me')).toBe(join('/home/me', '.kube', 'config'));
    expect(resolveKubeconfigPath({ KUBECONFIG: '' }, '/home/me')).toBe(join('/home/me', '.kube', 'config'));
  });

  it('writes to the first path of $KUBECONFIG, as kubectl does', () => {
    expect(resolveKubeconfigPath({ KUBECONFIG: '/a/config:/b/config' }, '/home/me')).toBe('/a/config');
    expect(resolveKubeconfigPath({ KUBECONFIG: '::/b/config:/c' }, '/home/me')).toBe('/b/config');
  });
});
