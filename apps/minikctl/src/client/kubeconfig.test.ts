import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseBlockYaml } from './block-yaml.js';
import { resolveClientConfig } from './client-config.js';
import { loadKubeconfig } from './kubeconfig.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
function dir(): string {
  const d = mkdtempSync(join(tmpdir(), 'minikctl-kubeconfig-'));
  dirs.push(d);
  return d;
}

const config = (server: string, context: string, ns?: string) => `apiVersion: v1
clusters:
- cluster:
    server: ${server}
    certificate-authority: ca.crt
  name: ${context}
contexts:
- context:
    cluster: ${context}
    user: ${context}
${ns ? `    namespace: ${ns}\n` : ''}  name: ${context}
current-context: ${context}
kind: Config
preferences: {}
users:
- name: ${context}
  user:
    token: "t-${context}" # a comment
`;

describe('kubeconfig loading', () => {
  it('reads the block YAML kubectl writes', () => {
    expect(parseBlockYaml(config('https://a:6443', 'a'))).toMatchObject({
      clusters: [{ cluster: { server: 'https://a:6443' }, name: 'a' }],
      'current-context': 'a',
      preferences: {},
      users: [{ name: 'a', user: { token: 't-a' } }],
    });
  });

  it('merges $KUBECONFIG files: the first to set a name or current-context wins; paths are relative to their file', async () => {
    const d = dir();
    writeFileSync(join(d, 'one'), config('https://one:6443', 'one', 'team'));
    writeFileSync(join(d, 'two'), config('https://two:6443', 'two'));
    const merged = await loadKubeconfig({ env: { KUBECONFIG: `${join(d, 'missing')}:${join(d, 'one')}:${join(d, 'two')}` }, homeDir: d });
    expect(merged.currentContext).toBe('one');
    expect(merged.clusters.map((c) => c.name)).toEqual(['one', 'two']);
    expect(merged.clusters[0]!.value['certificate-authority']).toBe(join(d, 'ca.crt'));
    const resolved = resolveClientConfig(merged, { context: 'two', insecureSkipTlsVerify: true });
    expect(resolved).toMatchObject({ server: 'https://two:6443', token: 't-two', namespace: 'default', insecure: true });
    expect(resolveClientConfig(merged, { insecureSkipTlsVerify: true, namespace: 'x' })).toMatchObject({ namespace: 'x', explicitNamespace: true });
  });

  it("fails like kubectl for an unknown context and a missing --kubeconfig", async () => {
    const d = dir();
    await expect(loadKubeconfig({ explicitPath: join(d, 'nope'), env: {}, homeDir: d })).rejects.toThrow(`stat ${join(d, 'nope')}: no such file or directory`);
    const empty = await loadKubeconfig({ env: { KUBECONFIG: join(d, 'nope') }, homeDir: d });
    expect(() => resolveClientConfig(empty, { context: 'x' })).toThrow('context was not found for specified context: x');
    expect(resolveClientConfig(empty, {}).server).toBe('http://localhost:8080');
  });
});
