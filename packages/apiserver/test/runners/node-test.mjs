// minik under Node's own test runner (node:test), against the built package: the cluster starts,
// serves, and stop() frees everything so the runner exits on its own.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startCluster } from '@minik/apiserver';

let cluster;
before(async () => {
  cluster = await startCluster({ port: 0 });
});
after(() => cluster.stop());

test('lists the nodes of a fresh cluster', async () => {
  const res = await fetch(`${cluster.url}/api/v1/nodes`);
  assert.equal(res.status, 200);
  const list = await res.json();
  assert.deepEqual(
    list.items.map((n) => n.metadata.name),
    ['minik'],
  );
});

test('answers a missing pod with a NotFound Status', async () => {
  const res = await fetch(`${cluster.url}/api/v1/namespaces/default/pods/nope`);
  assert.equal(res.status, 404);
  assert.equal((await res.json()).message, 'pods "nope" not found');
});
