import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { JsonMap } from '@minik/types';
import { createThreeWayJsonMergePatch } from './json-merge-three-way-patch.js';

// Upstream's cases (k8s.io/apimachinery/pkg/util/jsonmergepatch/patch_test.go).

interface UpstreamCase {
  description: string;
  original?: JsonMap;
  modified?: JsonMap;
  current?: JsonMap;
  threeWay: JsonMap;
  result: JsonMap;
}

const cases = parse(readFileSync(new URL('./testdata/upstream-json-merge-cases.yaml', import.meta.url), 'utf8')) as UpstreamCase[];

/** RFC 7386 application, as upstream's test applies the patch with jsonpatch.MergePatch. */
function mergePatch(doc: unknown, patch: unknown): unknown {
  if (patch === null || typeof patch !== 'object' || Array.isArray(patch)) return patch;
  const out: JsonMap = doc !== null && typeof doc === 'object' && !Array.isArray(doc) ? { ...(doc as JsonMap) } : {};
  for (const [k, v] of Object.entries(patch as JsonMap)) {
    if (v === null) delete out[k];
    else out[k] = mergePatch(out[k], v);
  }
  return out;
}

describe('createThreeWayJsonMergePatch: upstream cases', () => {
  for (const c of cases) {
    it(c.description, () => {
      const patch = createThreeWayJsonMergePatch(c.original, c.modified, c.current);
      expect(patch).toEqual(c.threeWay);
      expect(mergePatch(c.current, patch)).toEqual(c.result);
    });
  }

  it('deletes inside nested maps and drops the nested nulls of new values', () => {
    expect(createThreeWayJsonMergePatch({ a: { b: 1 } }, { a: {}, c: { d: [{ e: null, f: 1 }] } }, { a: { b: 1 } })).toEqual({
      a: { b: null },
      c: { d: [{ f: 1 }] },
    });
  });
});
