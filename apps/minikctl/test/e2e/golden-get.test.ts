import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCluster, type Cluster } from '@minik/apiserver';
import { populate, settle } from '../support/fixtures.js';
import { Kubectl, normaliseAges } from '@minik/apiserver/test-support';
import { Minikctl, type CliResult } from '../support/minikctl.js';

/** Every kind minik serves, by the names users type. */
const resources = [
  'pods',
  'nodes',
  'namespaces',
  'services',
  'endpoints',
  'configmaps',
  'secrets',
  'serviceaccounts',
  'events',
  'deployments',
  'replicasets',
  'leases',
  'endpointslices',
  'events.events.k8s.io',
];

/** The output variants the golden comparison covers for each kind. */
const variants: readonly (readonly string[])[] = [[], ['-o', 'wide'], ['-o', 'name'], ['--show-labels'], ['-A'], ['-A', '-o', 'wide', '--show-labels'], ['--no-headers']];

/** kubectl names itself in some messages; minikctl names itself. */
const asMinikctl = (text: string): string => text.replace(/kubectl\.1\.\d+/g, 'minikctl').replace(/\bkubectl\b/g, 'minikctl');

function comparable(result: CliResult): CliResult {
  return { stdout: normaliseAges(result.stdout), stderr: asMinikctl(normaliseAges(result.stderr)), code: result.code };
}

describe.each(['1.33', '1.30'] as const)('minikctl get matches kubectl %s', (version) => {
  let cluster: Cluster;
  let kubectl: Kubectl;
  let minikctl: Minikctl;

  beforeAll(async () => {
    cluster = await startCluster({ port: 0 });
    await populate(cluster.url);
    // web, api, db, two for the shop deployment and one for the cart replica set.
    await settle(cluster.url, 6);
    kubectl = new Kubectl(version, cluster.url);
    minikctl = new Minikctl(cluster.url);
  });
  afterAll(async () => {
    kubectl?.dispose();
    minikctl?.dispose();
    await cluster?.stop();
  });

  const same = async (args: readonly string[]): Promise<void> => {
    const [expected, actual] = await Promise.all([kubectl.run(args), minikctl.run(args)]);
    expect(comparable(actual), args.join(' ')).toEqual(comparable(expected));
  };

  it.each(resources)('get %s in every table variant', async (resource) => {
    for (const variant of variants) await same(['get', resource, ...variant]);
  });

  it('get with short names, several types, kinds and the all category', async () => {
    for (const args of [
      ['get', 'po,svc,deploy,rs'],
      ['get', 'all'],
      ['get', 'all', '-A'],
      ['get', 'ns,no', '--show-kind'],
      ['get', 'pod', 'web'],
      ['get', 'pod/web', 'svc/web'],
      ['get', 'deployment.apps/shop', '-o', 'wide'],
      ['get', 'Pod', '-n', 'team-a'],
      ['get', 'pods', '-l', 'app in (web,api)', '-L', 'tier,app'],
      ['get', 'pods', '--field-selector', 'metadata.name=api'],
    ]) {
      await same(args);
    }
  });

  // kubectl 1.31 sorts strings byte by byte where 1.30 used natural order; minikctl is 1.33. Equal
  // keys come out in the order of Go's (unstable) sort.Sort.
  it.runIf(version !== '1.30')('get --sort-by orders strings and ties as kubectl 1.31 and later do', async () => {
    for (const args of [
      ['get', 'cm', '-n', 'sorting', '--sort-by=.metadata.labels.g'],
      ['get', 'cm', '-n', 'sorting', '--sort-by=.metadata.labels.g', '-o', 'name'],
      ['get', 'cm', '--sort-by=.metadata.name'],
      ['get', 'cm', '--sort-by=.metadata.name', '-o', 'name'],
      ['get', 'pods', '--sort-by=.metadata.name', '-A'],
      ['get', 'pods', '--sort-by=.spec.containers[0].image'],
    ]) {
      await same(args);
    }
  });

  it('errors and exit codes', async () => {
    for (const args of [
      ['get', 'pod', 'nope'],
      ['get', 'pods', 'web', 'nope'],
      ['get', 'foo'],
      ['get', 'foo.bar'],
      ['get', 'pods', '-l', 'app in (web'],
      ['get', 'pods', '--field-selector', 'spec.bogus=x'],
      ['get', 'pods', '-n', 'empty'],
      ['get', 'nodes', '-l', 'none=here'],
      ['get', 'pods', '-o', 'bogus'],
      ['get', 'pods', '--bogus'],
      ['get', 'pods', 'pod/web'],
      ['get', 'pod', 'nope', '--ignore-not-found'],
      ['get', 'pods', '--show-labels', '-o', 'json'],
    ]) {
      await same(args);
    }
  });

  it('machine-readable output: json, yaml, templates, jsonpath and custom columns', async () => {
    for (const args of [
      ['get', 'pods', '-o', 'json'],
      ['get', 'pod', 'web', '-o', 'yaml'],
      ['get', 'svc,cm', '-o', 'yaml'],
      ['get', 'pods', '-o', 'go-template', '--template', '{{range .items}}{{.metadata.name}}{{"\\n"}}{{end}}'],
      ['get', 'pods', '-A', '-o', 'jsonpath={range .items[*]}{.metadata.namespace}/{.metadata.name}{"\\n"}{end}'],
      ['get', 'pods', '-o', 'custom-columns=NAME:.metadata.name,PORTS:.spec.containers[*].ports[*].containerPort,LABELS:.metadata.labels'],
      ['get', 'nodes', '-o', 'jsonpath={.items[0].status.capacity}'],
    ]) {
      await same(args);
    }
  });
});
