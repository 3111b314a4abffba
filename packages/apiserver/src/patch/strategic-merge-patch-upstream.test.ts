import { readFileSync } from 'node:fs';
import { appendGrownCapacity, MergePatchError, SchemaPatchMeta, strategicMergeMapPatch } from '@minik/types';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { mergeItemSchemas } from '../../test/support/merge-item-schema.js';

// Upstream's own cases (k8s.io/apimachinery/pkg/util/strategicpatch/patch_test.go), run against a
// schema shaped like its MergeItem test type.

type Doc = Record<string, unknown>;

interface UpstreamCase {
  description: string;
  original?: Doc;
  twoWay?: Doc;
  modified?: Doc;
  twoWayResult?: Doc;
  current?: Doc;
  threeWay?: Doc;
  result?: Doc;
  expectedError?: string;
}

const schema = SchemaPatchMeta.of(mergeItemSchemas, 'mergeItem');
const cases = parse(readFileSync(new URL('./testdata/upstream-smp-cases.yaml', import.meta.url), 'utf8')) as {
  sorted: UpstreamCase[];
  exact: UpstreamCase[];
};

/** Upstream decodes its test documents from JSON, so list capacities follow append growth. */
function apply(original: Doc | undefined, patch: Doc | undefined): Doc {
  return strategicMergeMapPatch(structuredClone(original ?? {}), structuredClone(patch ?? {}), schema, { capacity: appendGrownCapacity });
}

/** Go's `%v` ordering key of a scalar, as upstream's sortMergeListsByName compares. */
const sortKey = (v: unknown): string => String(v);

/** Upstream's sortMergeListsByName: merging lists sorted by merge key (scalars de-duplicated), recursively. */
function sortMergeLists(value: unknown, type: string): unknown {
  const def = mergeItemSchemas.get(type);
  if (value === null || typeof value !== 'object' || Array.isArray(value) || !def) return value;
  const out: Doc = {};
  for (const [k, v] of Object.entries(value as Doc)) {
    const field = def.fields[k]?.type;
    if (Array.isArray(v) && field?.kind === 'array' && field.patchStrategy?.startsWith('merge')) {
      if (field.items.kind === 'ref') {
        const itemType = field.items.name;
        out[k] = v.map((item) => sortMergeLists(item, itemType)).sort((a, b) => sortKey((a as Doc).name).localeCompare(sortKey((b as Doc).name)));
      } else {
        out[k] = [...new Set(v)].sort((a, b) => sortKey(a).localeCompare(sortKey(b)));
      }
    } else if (field?.kind === 'ref' && v !== null && typeof v === 'object' && !Array.isArray(v)) {
      out[k] = sortMergeLists(v, field.name);
    } else {
      out[k] = v;
    }
  }
  return out;
}

describe('strategic merge patch: upstream cases compared with merging lists sorted', () => {
  for (const c of cases.sorted) {
    it(c.description, () => {
      if (c.twoWay) {
        expect(sortMergeLists(apply(c.original, c.twoWay), 'mergeItem')).toEqual(sortMergeLists(c.twoWayResult ?? c.modified, 'mergeItem'));
      }
      if (c.threeWay && c.result) {
        expect(sortMergeLists(apply(c.current, c.threeWay), 'mergeItem')).toEqual(sortMergeLists(c.result, 'mergeItem'));
      }
    });
  }
});

describe('strategic merge patch: upstream cases compared exactly', () => {
  for (const c of cases.exact) {
    it(c.description, () => {
      if (c.expectedError) {
        expect(() => apply(c.original, c.twoWay)).toThrow(MergePatchError);
        expect(() => apply(c.original, c.twoWay)).toThrow(c.expectedError);
        return;
      }
      expect(apply(c.original, c.twoWay)).toEqual(c.twoWayResult ?? c.modified);
      if (c.threeWay && c.result) expect(apply(c.current, c.threeWay)).toEqual(c.result);
    });
  }
});
