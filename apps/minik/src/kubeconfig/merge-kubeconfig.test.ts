import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { delimiter, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { MinikError } from '../minik-error.js';
import { useTempDirs } from '../testing/temp-dir.js';
import { resolveKubeconfigPath } from './kubeconfig-path.js';
import {
  kubeconfigServer,
  mergeKubeconfig,
  removeFromKubeconfig,
  updateKubeconfigFile,
} from './merge-kubeconfig.js';

const entry = { name: 'minik', server: 'http://127.0.0.1:6443', namespace: 'default' };

const existing = `# managed by hand
apiVersion: v1
kind: Config
clusters:
- cluster:
    certificate-authority-data: ${'A'.repeat(120)}
    server: https://prod.example.com
  name: prod # production
contexts:
- context:
    cluster: prod
    user: admin
  name: prod
current-context: prod
preferences: {}
users:
- name: admin
  user:
    token: secret
`;

interface Named {
  name: string;
}
interface Config {
  clusters: (Named & { cluster: { server: string; 'insecure-skip-tls-verify'?: boolean } })[];
  contexts: (Named & { context: Record<string, string> })[];
  users: (Named & { user: Record<string, unknown> })[];
  'current-context': string;
}

const read = (text: string): Config => parse(text) as Config;

describe('mergeKubeconfig', () => {
  it('creates a complete kubeconfig from nothing', () => {
    const text = mergeKubeconfig(undefined, entry);
    expect(read(text)).toEqual({
      apiVersion: 'v1',
      clusters: [{ cluster: { server: 'http://127.0.0.1:6443', 'insecure-skip-tls-verify': true }, name: 'minik' }],
      contexts: [{ context: { cluster: 'minik', namespace: 'default', user: 'minik' }, name: 'minik' }],
      'current-context': 'minik',
      kind: 'Config',
      preferences: {},
      users: [{ name: 'minik', user: {} }],
    });
    expect(text).toContain('users:\n- name: minik\n  user: {}\n');
  });

  it('treats an empty file like a missing one', () => {
    expect(read(mergeKubeconfig('', entry))).toEqual(read(mergeKubeconfig(undefined, entry)));
    expect(read(mergeKubeconfig('# nothing yet\n', entry))['current-context']).toBe('minik');
  });

  it('leaves every other entry untouched, comments and long values included', () => {
    const text = mergeKubeconfig(existing, entry);
    const config = read(text);
    const before = read(existing);
    expect(config.clusters[0]).toEqual(before.clusters[0]);
    expect(config.contexts[0]).toEqual(before.contexts[0]);
    expect(config.users[0]).toEqual(before.users[0]);
    expect(config.clusters.map((c) => c.name)).toEqual(['prod', 'minik']);
    expect(config.users.map((u) => u.name)).toEqual(['admin', 'minik']);
    expect(config['current-context']).toBe('minik');
    expect(text).toContain('# managed by hand');
    expect(text).toContain('name: prod # production');
    expect(text).toContain(`certificate-authority-data: ${'A'.repeat(120)}\n`);
  });

  it('replaces the minik entries in place when present', () => {
    const first = mergeKubeconfig(existing, { ...entry, server: 'http://127.0.0.1:1111' });
    const withOtherAfter = mergeKubeconfig(first, { ...entry, name: 'other' });
    const text = mergeKubeconfig(withOtherAfter, { ...entry, server: 'http://127.0.0.1:2222' });
    const config = read(text);
    expect(config.clusters.map((c) => c.name)).toEqual(['prod', 'minik', 'other']);
    expect(config.contexts.map((c) => c.name)).toEqual(['prod', 'minik', 'other']);
    expect(config.users.map((u) => u.name)).toEqual(['admin', 'minik', 'other']);
    expect(config.clusters[1]).toEqual({ cluster: { server: 'http://127.0.0.1:2222', 'insecure-skip-tls-verify': true }, name: 'minik' });
    expect(config['current-context']).toBe('minik');
  });

  it('replaces a hand-edited minik context and user entirely', () => {
    const edited = mergeKubeconfig(existing, entry)
      .replace('namespace: default', 'namespace: kube-system')
      .replace('user: {}', 'user:\n    token: stale');
    const config = read(mergeKubeconfig(edited, entry));
    expect(config.contexts.find((c) => c.name === 'minik')?.context).toEqual({
      cluster: 'minik',
      namespace: 'default',
      user: 'minik',
    });
    expect(config.users.find((u) => u.name === 'minik')?.user).toEqual({});
  });

  it('fills lists kubectl left as null or []', () => {
    const text = mergeKubeconfig('apiVersion: v1\nkind: Config\nclusters: null\ncontexts: []\n', entry);
    const config = read(text);
    expect(config.clusters.map((c) => c.name)).toEqual(['minik']);
    expect(config.contexts.map((c) => c.name)).toEqual(['minik']);
    expect(config.users.map((u) => u.name)).toEqual(['minik']);
    expect(text).toContain('contexts:\n- context:');
  });

  it('refuses invalid YAML and non-kubeconfig shapes, naming the file', () => {
    expect(() => mergeKubeconfig('clusters: [', entry, '/tmp/kc')).toThrow(MinikError);
    expect(() => mergeKubeconfig('clusters: [', entry, '/tmp/kc')).toThrow(
      /\/tmp\/kc is not a valid kubeconfig/,
    );
    expect(() => mergeKubeconfig('- a\n- b\n', entry)).toThrow(/not a mapping/);
    expect(() => mergeKubeconfig('clusters: 3\n', entry)).toThrow(/"clusters" is not a list/);
  });
});

describe('removeFromKubeconfig', () => {
  it('removes the minik cluster, context and user and clears current-context', () => {
    const merged = mergeKubeconfig(existing, entry);
    const text = removeFromKubeconfig(merged, 'minik');
    const config = read(text);
    const before = read(existing);
    expect(config.clusters).toEqual(before.clusters);
    expect(config.contexts).toEqual(before.contexts);
    expect(config.users).toEqual(before.users);
    expect(config['current-context']).toBe('');
    expect(text).toContain('# managed by hand');
  });

  it('keeps another current context', () => {
    const merged = mergeKubeconfig(existing, entry).replace(
      'current-context: minik',
      'current-context: prod',
    );
    expect(read(removeFromKubeconfig(merged, 'minik'))['current-context']).toBe('prod');
  });

  it('returns the text unchanged when there is nothing to remove', () => {
    expect(removeFromKubeconfig(existing, 'minik')).toBe(existing);
    expect(removeFromKubeconfig('', 'minik')).toBe('');
  });
});

describe('kubeconfigServer', () => {
  it('finds the server of a named cluster', () => {
    expect(kubeconfigServer(mergeKubeconfig(existing, entry), 'minik')).toBe('http://127.0.0.1:6443');
    expect(kubeconfigServer(existing, 'minik')).toBeUndefined();
    expect(kubeconfigServer(undefined, 'minik')).toBeUndefined();
    expect(kubeconfigServer('clusters: [', 'minik')).toBeUndefined();
  });
});

describe('updateKubeconfigFile', () => {
  const tempDir = useTempDirs();

  it('creates the file and its directory when missing, readable by the owner only', async () => {
    const home = await tempDir();
    const path = resolveKubeconfigPath({}, home);
    await updateKubeconfigFile(path, (text) => mergeKubeconfig(text, entry, path));
    expect(read(await readFile(path, 'utf8'))['current-context']).toBe('minik');
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect(await readdir(join(home, '.kube'))).toEqual(['config']);
  });

  it('writes only the first of several $KUBECONFIG files', async () => {
    const dir = await tempDir();
    const [first, second] = [join(dir, 'first'), join(dir, 'second')];
    await writeFile(second, existing);
    const path = resolveKubeconfigPath({ KUBECONFIG: [first, second].join(delimiter) }, dir);
    await updateKubeconfigFile(path, (text) => mergeKubeconfig(text, entry, path));
    expect(read(await readFile(first, 'utf8')).clusters.map((c) => c.name)).toEqual(['minik']);
    expect(await readFile(second, 'utf8')).toBe(existing);
  });

  it('merges into an existing file and leaves no temporary file behind', async () => {
    const dir = await tempDir();
    const path = join(dir, 'config');
    await writeFile(path, existing);
    await updateKubeconfigFile(path, (text) => mergeKubeconfig(text, entry, path));
    expect(read(await readFile(path, 'utf8')).contexts.map((c) => c.name)).toEqual(['prod', 'minik']);
    expect(await readdir(dir)).toEqual(['config']);
  });

  it('does not create a file when the update leaves it missing', async () => {
    const dir = await tempDir();
    await updateKubeconfigFile(join(dir, 'config'), () => undefined);
    expect(await readdir(dir)).toEqual([]);
  });
});
