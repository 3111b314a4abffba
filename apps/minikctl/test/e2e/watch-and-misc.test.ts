import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Cluster } from '@minik/apiserver';
import { collectOutput, Kubectl, normaliseAges, useKubectlCluster } from '@minik/apiserver/test-support';
import { post } from '../support/fixtures.js';
import { assertBuilt, Minikctl } from '../support/minikctl.js';
import { commands } from '../../src/commands/command-list.js';
import type { Command } from '../../src/cli/command.js';

describe('minikctl get -w, cluster-info, version and connection errors', () => {
  let cluster: Cluster;
  let m: Minikctl;
  let kubectl: Kubectl;

  beforeAll(() => assertBuilt());
  useKubectlCluster('1.33', {}, (started) => {
    ({ cluster, kubectl } = started);
    m = new Minikctl(cluster.url);
  });
  afterAll(() => m?.dispose());

  it('get -w prints the same rows as kubectl get -w for added, modified and deleted objects', async () => {
    await post(cluster.url, '/api/v1/namespaces/default/configmaps', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'seed', labels: { app: 'watched' } } });
    const args = ['get', 'configmaps', '-w', '-l', 'app=watched'];
    const mine = m.spawn(args);
    const theirs = kubectl.spawn(args);
    const [mineOut, theirsOut] = [collectOutput(mine), collectOutput(theirs)];
    try {
      // Once the listed object is printed, later changes reach the watch (it resumes from the list's resourceVersion).
      await Promise.all([mineOut.waitFor((o) => o.includes('seed')), theirsOut.waitFor((o) => o.includes('seed'))]);
      await post(cluster.url, '/api/v1/namespaces/default/configmaps', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'watched', labels: { app: 'watched' } }, data: { a: '1' } });
      await m.run(['label', 'cm', 'watched', 'step=two']);
      await m.run(['delete', 'cm', 'watched']);
      // Whole lines only: a row is compared once its newline is written (kubectl may write a row in pieces).
      const done = (out: string): boolean => out.split('\n').slice(0, -1).filter((l) => l.startsWith('watched')).length >= 3;
      const [a, b] = await Promise.all([mineOut.waitFor(done), theirsOut.waitFor(done)]);
      expect(normaliseAges(a)).toBe(normaliseAges(b));
      expect(a.split('\n')[0]).toMatch(/^NAME\s+DATA\s+AGE$/);
    } finally {
      mine.kill();
      theirs.kill();
    }
  });

  it('get -w -o name and --output-watch-events print like kubectl', async () => {
    for (const extra of [['-o', 'name'], ['--output-watch-events']]) {
      // A collection watch resumes from the list's resourceVersion, so no change can slip in before it starts.
      const args = ['get', 'namespaces', '--field-selector', 'metadata.name=default', '-w', ...extra];
      const mine = m.spawn(args);
      const theirs = kubectl.spawn(args);
      const [mineOut, theirsOut] = [collectOutput(mine), collectOutput(theirs)];
      try {
        await Promise.all([mineOut.waitFor((o) => o.includes('default')), theirsOut.waitFor((o) => o.includes('default'))]);
        await m.run(['label', 'ns', 'default', `step=${extra.length}`, '--overwrite']);
        // Whole lines only: a line is compared once its newline is written (kubectl may write a row in pieces).
        const twice = (o: string): boolean => o.split('\n').slice(0, -1).filter((l) => l.includes('default')).length >= 2;
        const [a, b] = await Promise.all([mineOut.waitFor(twice), theirsOut.waitFor(twice)]);
        expect(normaliseAges(a)).toBe(normaliseAges(b));
      } finally {
        mine.kill();
        theirs.kill();
      }
    }
  });

  it('cluster-info and cluster-info dump show what kubectl shows', async () => {
    const [info, theirs] = await Promise.all([m.run(['cluster-info']), kubectl.run(['cluster-info'])]);
    expect(info).toEqual({ ...theirs, stdout: theirs.stdout.replace("'kubectl cluster-info dump'", "'minikctl cluster-info dump'") });
    expect(info.stdout).toMatch(new RegExp(`^Kubernetes control plane is running at ${cluster.url}\n`));
    // A dump is a snapshot of a moving cluster: the node reports the images its system pods pulled
    // with its next status update (CI once caught one tool before it and the other after). Dump
    // once every node has, so that both tools see the same state.
    const nodesReportImages = (): boolean =>
      cluster.client.list({ apiVersion: 'v1', kind: 'Node' }).every((n) => ((n.status as { images?: unknown[] } | undefined)?.images?.length ?? 0) > 0);
    for (let waited = 0; !nodesReportImages() && waited < 10_000; waited += 50) await new Promise((r) => setTimeout(r, 50));
    await cluster.settle();
    const [a, b] = await Promise.all([m.run(['cluster-info', 'dump']), kubectl.run(['cluster-info', 'dump'])]);
    expect([a.code, a.stderr]).toEqual([0, '']);
    expect([b.code, b.stderr]).toEqual([0, '']);
    // Same sections in the same order.
    const sections = (text: string): string[] => text.split('\n').filter((l) => /^\{$|^ {4}"kind": "\w+List"|^==== (START|END)/.test(l));
    expect(sections(a.stdout)).toEqual(sections(b.stdout));
    expect(sections(a.stdout)).toContain('    "kind": "DaemonSetList",');
    // The same lines: kubectl re-encodes typed objects in Go field order, minikctl keeps the
    // server's order within an object, so compare the lines as a multiset (times and versions aside).
    const lines = (text: string): string[] =>
      text
        .split('\n')
        .map((l) => l.replace(/,$/, '').replace(/\d{4}-\d\d-\d\dT[\d:.]+Z/g, 'T').replace(/"resourceVersion": "\d+"/, '"resourceVersion"'))
        .sort();
    expect(lines(a.stdout)).toEqual(lines(b.stdout));
  });

  it('version prints the client and server versions', async () => {
    const r = await m.run(['version']);
    expect(r).toEqual({ code: 0, stdout: 'Client Version: v1.33.1\nServer Version: v1.33.1\n', stderr: '' });
    const json = JSON.parse((await m.run(['version', '-o', 'json'])).stdout);
    expect(Object.keys(json)).toEqual(['clientVersion', 'serverVersion']);
    expect(json.serverVersion).toMatchObject({ major: '1', minor: '33', gitVersion: 'v1.33.1' });
    expect((await m.run(['version', '--client', '-o', 'yaml'])).stdout).toMatch(/^clientVersion:\n {2}buildDate: /);
    expect(await m.run(['version', '-o', 'foo'])).toEqual({ code: 1, stdout: '', stderr: "error: --output must be 'yaml' or 'json'\n" });
  });

  it('reports an unreachable server as kubectl does', async () => {
    const down = new Minikctl('http://127.0.0.1:1');
    try {
      const [a, b] = await Promise.all([down.run(['get', 'pods']), new Kubectl('1.33', 'http://127.0.0.1:1').run(['get', 'pods'])]);
      expect(a.code).toBe(1);
      const last = (t: string): string => t.trimEnd().split('\n').pop()!;
      expect(last(a.stderr)).toBe(last(b.stderr));
      expect(last(a.stderr)).toBe('The connection to the server 127.0.0.1:1 was refused - did you specify the right host or port?');
      expect(a.stderr.match(/couldn't get current server API group list/g)).toHaveLength(5);
    } finally {
      down.dispose();
    }
  });
});

describe('help', () => {
  const all = (list: readonly Command[], path: string[] = []): [string, Command][] =>
    list.flatMap((c) => [[[...path, c.name].join(' '), c] as [string, Command], ...all(c.subcommands ?? [], [...path, c.name])]);

  it.each(all(commands))('%s --help has a description, examples and a usage line', async (path, command) => {
    const m = new Minikctl(undefined);
    try {
      const r = await m.run([...path.split(' '), '--help']);
      expect(r.code).toBe(0);
      expect(r.stdout.startsWith(command.long ?? command.short)).toBe(true);
      if (!command.subcommands) expect(r.stdout).toContain('Examples:\n  # ');
      expect(r.stdout).toContain(`Usage:\n  minikctl ${command.use} [options]\n`);
      expect(r.stdout).toContain('Use "minikctl options" for a list of global command-line options (applies to all commands).\n');
    } finally {
      m.dispose();
    }
  });
});
