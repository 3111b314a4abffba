import type { ObjectDefinition, SchemaDefinitions } from '@minik/types';

// The schema of upstream's strategic merge patch tests (k8s.io/apimachinery/pkg/util/strategicpatch
// patch_test.go): its MergeItem and RetainKeysMergeItem types with their struct tags. The server's
// StrategicMergePatch tests and minikctl's CreateThreeWayMergePatch tests run upstream's cases on it.

const mergingByName = { patchStrategy: 'merge', patchMergeKey: 'name' } as const;
const mergeItem = { kind: 'ref', name: 'mergeItem' } as const;
const str = { kind: 'string' } as const;
const int = { kind: 'integer' } as const;

/** MergeItem and RetainKeysMergeItem of upstream's test, with their struct tags (root type: `mergeItem`). */
export const mergeItemSchemas: SchemaDefinitions = new Map<string, ObjectDefinition>([
  [
    'mergeItem',
    {
      name: 'mergeItem',
      fields: {
        name: { type: str },
        value: { type: str },
        other: { type: str },
        mergingList: { type: { kind: 'array', items: mergeItem, ...mergingByName } },
        nonMergingList: { type: { kind: 'array', items: mergeItem } },
        mergingIntList: { type: { kind: 'array', items: int, patchStrategy: 'merge' } },
        nonMergingIntList: { type: { kind: 'array', items: int } },
        mergeItemPtr: { type: { kind: 'array', items: mergeItem, ...mergingByName } },
        simpleMap: { type: { kind: 'map', values: str } },
        replacingItem: { type: { kind: 'any' }, patchStrategy: 'replace' },
        retainKeysMap: { type: { kind: 'ref', name: 'retainKeysMergeItem' }, patchStrategy: 'retainKeys' },
        retainKeysMergingList: { type: { kind: 'array', items: mergeItem, patchStrategy: 'merge,retainKeys', patchMergeKey: 'name' } },
      },
    },
  ],
  [
    'retainKeysMergeItem',
    {
      name: 'retainKeysMergeItem',
      fields: {
        name: { type: str },
        value: { type: str },
        other: { type: str },
        simpleMap: { type: { kind: 'map', values: str } },
        mergingIntList: { type: { kind: 'array', items: int, patchStrategy: 'merge' } },
        mergingList: { type: { kind: 'array', items: mergeItem, ...mergingByName } },
        nonMergingList: { type: { kind: 'array', items: mergeItem } },
      },
    },
  ],
]);
