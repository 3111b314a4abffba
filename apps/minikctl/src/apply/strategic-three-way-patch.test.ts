import { readFileSync } from 'node:fs';
import {
  builtinSchemas,
  goValue,
  isMap,
  MergePatchError,
  SchemaPatchMeta,
  type JsonMap,
  type PatchSchema,
} from '@minik/types';
import { mergeItemSchemas } from '@minik/apiserver/test-support';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { createThreeWayMergePatch } from './strategic-three-way-patch.js';

// Upstream's own three-way cases (k8s.io/apimachinery/pkg/util/strategicpatch/patch_test.go), run
// against a schema shaped like its MergeItem test type, then cases over the built-in kinds.

interface UpstreamCase {
  description: string;
  original?: JsonMap;
  modified?: JsonMap;
  current?: JsonMap;
  threeWay?: JsonMap;
}

const schema = SchemaPatchMeta.of(mergeItemSchemas, 'mergeItem');
const cases = parse(readFileSync(new URL('./testdata/upstream-three-way-cases.yaml', import.meta.url), 'utf8')) as {
  sorted: UpstreamCase[];
  exact: UpstreamCase[];
};

const byString = (a: unknown, b: unknown): number => (goValue(a) < goValue(b) ? -1 : goValue(a) > goValue(b) ? 1 : 0);

/**
 * Upstream's sortMergeListsByName: merging lists sorted by merge key (scalars de-duplicated),
 * `$retainKeys` and `$deleteFromPrimitiveList` lists sorted, `$setElementOrder` lists kept.
 */
function sortMergeLists(value: unknown, s: PatchSchema): unknown {
  if (!isMap(value)) return value;
  const out: JsonMap = {};
  for (const [k, v] of Object.entries(value)) {
    if (k === '$retainKeys' || k.startsWith('$deleteFromPrimitiveList')) {
      out[k] = [...(v as unknown[])].sort(byString);
    } else if (k.startsWith('$setElementOrder') || k === '$patch') {
      out[k] = v;
    } else if (isMap(v)) {
      out[k] = sortMergeLists(v, s.lookupForStruct(k).schema);
    } else if (Array.isArray(v)) {
      const { schema: sub, meta } = s.lookupForSlice(k);
      if (!meta.strategies.includes('merge') || v.length === 0) {
        out[k] = v;
      } else if (isMap(v[0])) {
        out[k] = v.map((item) => sortMergeLists(item, sub)).sort((a, b) => byString((a as JsonMap)[meta.mergeKey], (b as JsonMap)[meta.mergeKey]));
      } else {
        out[k] = [...new Set(v)].sort(byString);
      }
    } else {
      out[k] = v;
    }
  }
  return out;
}

describe('createThreeWayMergePatch: upstream cases compared with merging lists sorted', () => {
  for (const c of cases.sorted) {
    it(c.description, () => {
      const patch = createThreeWayMergePatch(c.original, c.modified, c.current, schema);
      expect(sortMergeLists(patch, schema)).toEqual(sortMergeLists(c.threeWay, schema));
    });
  }
});

describe('createThreeWayMergePatch: upstream cases compared exactly', () => {
  for (const c of cases.exact) {
    it(c.description, () => {
      expect(createThreeWayMergePatch(c.original, c.modified, c.current, schema)).toEqual(c.threeWay);
    });
  }
});

describe('createThreeWayMergePatch: kubectl apply of built-in kinds', () => {
  const deployment = SchemaPatchMeta.of(builtinSchemas, 'io.k8s.api.apps.v1.Deployment');
  const manifest = (containers: JsonMap[], extra: JsonMap = {}): JsonMap => ({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', labels: { app: 'web', tier: 'front' } },
    spec: { replicas: 2, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers } }, ...extra },
  });
  const nginx = { name: 'nginx', image: 'nginx:1.25', ports: [{ containerPort: 80 }], env: [{ name: 'A', value: '1' }] };
  const sidecar = { name: 'sidecar', image: 'busybox' };

  it('merges containers by name and orders them with $setElementOrder', () => {
    const original = manifest([nginx]);
    const modified = manifest([{ ...nginx, image: 'nginx:1.26' }, sidecar]);
    const current = manifest([{ ...nginx, imagePullPolicy: 'IfNotPresent' }]);
    expect(createThreeWayMergePatch(original, modified, current, deployment)).toEqual({
      spec: {
        template: {
          spec: {
            '$setElementOrder/containers': [{ name: 'nginx' }, { name: 'sidecar' }],
            containers: [{ name: 'nginx', image: 'nginx:1.26' }, sidecar],
          },
        },
      },
    });
  });

  it('deletes a removed container with $patch: delete, a removed label with null, and merges ports by containerPort', () => {
    const original = manifest([nginx, sidecar]);
    const modified = { ...manifest([{ ...nginx, ports: [{ containerPort: 8080 }, { containerPort: 80 }] }]), metadata: { name: 'web', labels: { app: 'web' } } };
    const current = manifest([nginx, sidecar]);
    expect(createThreeWayMergePatch(original, modified, current, deployment)).toEqual({
      metadata: { labels: { tier: null } },
      spec: {
        template: {
          spec: {
            '$setElementOrder/containers': [{ name: 'nginx' }],
            containers: [
              { name: 'nginx', '$setElementOrder/ports': [{ containerPort: 8080 }, { containerPort: 80 }], ports: [{ containerPort: 8080 }] },
              { name: 'sidecar', $patch: 'delete' },
            ],
          },
        },
      },
    });
  });

  it('is empty when the live object already matches', () => {
    const original = manifest([nginx]);
    const current = manifest([{ ...nginx, imagePullPolicy: 'IfNotPresent', terminationMessagePath: '/dev/termination-log' }], { revisionHistoryLimit: 10 });
    expect(createThreeWayMergePatch(original, original, current, deployment)).toEqual({});
  });

  it('sends $retainKeys for a changed deployment strategy', () => {
    const original = manifest([nginx], { strategy: { type: 'RollingUpdate' } });
    const modified = manifest([nginx], { strategy: { type: 'Recreate' } });
    const current = manifest([nginx], { strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } } });
    expect(createThreeWayMergePatch(original, modified, current, deployment)).toEqual({
      spec: { strategy: { $retainKeys: ['type'], type: 'Recreate' } },
    });
  });

  it('reports a missing merge key as upstream does', () => {
    const modified = manifest([{ image: 'nginx' }]);
    expect(() => createThreeWayMergePatch(manifest([nginx]), modified, manifest([nginx]), deployment)).toThrow(MergePatchError);
    expect(() => createThreeWayMergePatch(manifest([nginx]), modified, manifest([nginx]), deployment)).toThrow('does not contain declared merge key: name');
  });
});
