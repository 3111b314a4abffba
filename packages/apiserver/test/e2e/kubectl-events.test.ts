import { beforeAll, describe, expect, it } from 'vitest';
import type { Cluster } from '@minik/apiserver';
import { collectOutput, lines, useKubectlCluster, type Kubectl, type KubectlCluster } from '../support/index.js';

/*
 * core/v1 Events and events.k8s.io/v1 Events are one storage upstream: an event written through
 * either API is read, watched, changed and deleted through the other, converted.
 */

const namesOf = '{range .items[*]}{.metadata.namespace}/{.metadata.name}{"\\n"}{end}';

const coreEventYaml = `apiVersion: v1
kind: Event
metadata: {name: hello-core, namespace: default}
involvedObject: {kind: Pod, namespace: default, name: web}
reason: Hello
message: written through core/v1
type: Normal
source: {component: e2e}
`;

const v1EventYaml = `apiVersion: events.k8s.io/v1
kind: Event
metadata: {name: hello-v1, namespace: default}
eventTime: "2025-01-01T00:00:00.000000Z"
reportingController: example.com/e2e
reportingInstance: e2e-1
action: Greet
reason: Hello
regarding: {kind: Pod, namespace: default, name: web}
note: written through events.k8s.io/v1
type: Normal
`;

describe.each(['1.27', '1.33'] as const)('kubectl %s sees one set of events through core/v1 and events.k8s.io/v1', (version) => {
  let cluster: Cluster;
  let kubectl: Kubectl;
  let run: KubectlCluster['run'];
  useKubectlCluster(version, {}, (started) => ({ cluster, kubectl, run } = started));
  beforeAll(async () => {
    await run(['run', 'web', '--image=nginx:1.25']);
    await run(['wait', '--for=condition=Ready', 'pod/web', '--timeout=60s']);
  });

  it("lists the scheduler's Scheduled event under the same name through both APIs", async () => {
    const core = lines(await run(['get', 'events', '-A', '--field-selector', 'reason=Scheduled', '-o', `jsonpath=${namesOf}`]));
    const v1 = lines(await run(['get', 'events.events.k8s.io', '-A', '--field-selector', 'reason=Scheduled', '-o', `jsonpath=${namesOf}`]));
    // One for our pod, plus kube-system's (CoreDNS) as on a fresh minikube.
    expect(core.filter((n) => n.startsWith('default/'))).toHaveLength(1);
    expect(core.find((n) => n.startsWith('default/'))).toMatch(/^default\/web\.[0-9a-f]+$/);
    expect(v1).toEqual(core);

    // The tables too: the same row printed from either shape.
    const coreTable = await run(['get', 'events', '-A']);
    const v1Table = await run(['get', 'events.events.k8s.io', '-A']);
    const scheduledRow = (table: string): string | undefined => lines(table).find((l) => l.startsWith('default') && /\bScheduled\b/.test(l));
    expect(scheduledRow(coreTable)).toMatch(/^default\s+\S+\s+Normal\s+Scheduled\s+pod\/web\s+Successfully assigned default\/web to /);
    expect(scheduledRow(v1Table)?.replace(/^default\s+\S+/, '')).toBe(scheduledRow(coreTable)?.replace(/^default\s+\S+/, ''));
    expect(lines(v1Table).length).toBe(lines(coreTable).length);
  });

  it('shows the events.k8s.io/v1 fields of a core event with -o yaml', async () => {
    const name = (await run(['get', 'events', '--field-selector', 'reason=Scheduled', '-o', 'jsonpath={.items[0].metadata.name}'])).trim();
    const yaml = await run(['get', 'events.v1.events.k8s.io', name, '-o', 'yaml']);
    expect(yaml).toContain('apiVersion: events.k8s.io/v1\n');
    expect(yaml).toMatch(/^note: Successfully assigned default\/web to \S+$/m);
    expect(yaml).toMatch(/^regarding:\n(  .*\n)*  kind: Pod\n/m);
    expect(yaml).toMatch(/^regarding:\n(  .*\n)*  name: web\n/m);
    expect(yaml).toMatch(/^reportingController: default-scheduler$/m);
    expect(yaml).not.toMatch(/^(message|involvedObject|reportingComponent):/m);
    // The same object, same resourceVersion, through core/v1.
    const coreRv = await run(['get', 'events', name, '-o', 'jsonpath={.metadata.resourceVersion} {.message}']);
    const v1Rv = await run(['get', 'events.events.k8s.io', name, '-o', 'jsonpath={.metadata.resourceVersion} {.note}']);
    expect(v1Rv).toBe(coreRv);
  });

  it('reads events written through either API through the other', async () => {
    expect(await run(['create', '-f', '-'], coreEventYaml)).toBe('event/hello-core created\n');
    expect(await run(['create', '-f', '-'], v1EventYaml)).toBe('event.events.k8s.io/hello-v1 created\n');
    expect(await run(['get', 'events.events.k8s.io', 'hello-core', '-o', 'jsonpath={.note}|{.regarding.name}|{.deprecatedSource.component}'])).toBe(
      'written through core/v1|web|e2e',
    );
    expect(await run(['get', 'events', 'hello-v1', '-o', 'jsonpath={.message}|{.involvedObject.name}|{.reportingComponent}|{.action}'])).toBe(
      'written through events.k8s.io/v1|web|example.com/e2e|Greet',
    );
  });

  it('uses the events.k8s.io/v1 field labels on events.k8s.io', async () => {
    expect(lines(await run(['get', 'events.events.k8s.io', '--field-selector', 'regarding.name=web,reason=Hello', '-o', 'name']))).toEqual([
      'event.events.k8s.io/hello-core',
      'event.events.k8s.io/hello-v1',
    ]);
    expect(lines(await run(['get', 'events.events.k8s.io', '--field-selector', 'reportingController=example.com/e2e', '-o', 'name']))).toEqual([
      'event.events.k8s.io/hello-v1',
    ]);
    const wrong = await kubectl.run(['get', 'events.events.k8s.io', '--field-selector', 'involvedObject.name=web']);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('field label not supported: involvedObject.name');
  });

  it('changes and deletes through core/v1, seen by a watch on events.k8s.io/v1, and deletes through events.k8s.io/v1', async () => {
    const watcher = kubectl.spawn(['get', 'events.events.k8s.io', '-n', 'default', '--field-selector', 'reason=Hello', '-w', '--output-watch-events', '-o', 'wide']);
    const output = collectOutput(watcher);
    const rows = (out: string, type: string, name: string): string[] => lines(out).filter((l) => l.startsWith(type) && l.includes(` ${name}`));
    try {
      await output.waitFor((out) => rows(out, 'ADDED', 'hello-core').length > 0 && rows(out, 'ADDED', 'hello-v1').length > 0);
      expect(await run(['patch', 'events', 'hello-v1', '--type=merge', '-p', '{"message":"patched through core"}'])).toBe('event/hello-v1 patched\n');
      await output.waitFor((out) => rows(out, 'MODIFIED', 'hello-v1').some((l) => l.includes('patched through core')));
      expect(await run(['delete', 'events', 'hello-core'])).toBe('event "hello-core" deleted\n');
      await output.waitFor((out) => rows(out, 'DELETED', 'hello-core').length > 0);
      expect(await run(['delete', 'events.events.k8s.io', 'hello-v1'])).toBe('event.events.k8s.io "hello-v1" deleted\n');
      await output.waitFor((out) => rows(out, 'DELETED', 'hello-v1').length > 0);
      const gone = await kubectl.run(['get', 'events', 'hello-v1']);
      expect(gone.code).toBe(1);
      expect(gone.stderr).toContain('Error from server (NotFound): events "hello-v1" not found');
      const goneV1 = await kubectl.run(['get', 'events.events.k8s.io', 'hello-core']);
      expect(goneV1.stderr).toContain('Error from server (NotFound): events.events.k8s.io "hello-core" not found');
    } finally {
      watcher.kill();
    }
  });
});
