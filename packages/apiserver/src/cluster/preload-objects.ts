import { readFileSync } from 'node:fs';
import type { KubeObject } from '@minik/types';
import { parseAllDocuments } from 'yaml';

/** Something to create when a cluster starts: an object, YAML/JSON text (multi-document), or a file of it. */
export type ObjectSource = KubeObject | string | { file: string };

/**
 * The objects a set of sources describes, in order, with `kind: List` flattened and namespaces
 * first (their content needs them to exist, as `kubectl apply -f dir/` also arranges).
 */
export function objectsFromSources(sources: readonly ObjectSource[]): KubeObject[] {
  const objects: KubeObject[] = [];
  for (const source of sources) {
    if (typeof source === 'string') objects.push(...parseManifests(source, 'objects'));
    else if ('file' in source && typeof source.file === 'string' && !('metadata' in source)) objects.push(...parseManifests(readFileSync(source.file, 'utf8'), source.file));
    else objects.push(source as KubeObject);
  }
  const flat = objects.flatMap((o) => (o.kind === 'List' && Array.isArray(o.items) ? (o.items as KubeObject[]) : [o]));
  for (const o of flat) {
    if (!o || typeof o !== 'object' || typeof o.kind !== 'string' || typeof o.apiVersion !== 'string') {
      throw new Error(`minik: every preloaded object needs apiVersion and kind: ${JSON.stringify(o).slice(0, 120)}`);
    }
    o.metadata ??= {};
  }
  return [...flat.filter((o) => o.kind === 'Namespace'), ...flat.filter((o) => o.kind !== 'Namespace')];
}

function parseManifests(text: string, origin: string): KubeObject[] {
  const documents = parseAllDocuments(text);
  const out: KubeObject[] = [];
  for (const doc of Array.isArray(documents) ? documents : [documents]) {
    if (doc.errors.length > 0) throw new Error(`minik: cannot parse ${origin}: ${doc.errors[0]!.message}`);
    const value = doc.toJS() as unknown;
    if (value !== null && value !== undefined) out.push(value as KubeObject);
  }
  return out;
}
