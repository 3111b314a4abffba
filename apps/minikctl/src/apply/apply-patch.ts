import { builtinSchemas, schemaNameFor, SchemaPatchMeta } from '@minik/types';
import { CliError } from '../cli/cli-error.js';
import type { ResourceMapping } from '../client/resource-resolver.js';
import { goJsonStringify } from '../printers/go-json.js';
import { createThreeWayJsonMergePatch } from './json-merge-three-way-patch.js';
import { createThreeWayMergePatch } from './strategic-three-way-patch.js';

/** The patch client-side apply sends for an existing object, as JSON text with its content type. */
export interface ApplyPatch {
  /** Go's json.Marshal of the patch (sorted keys, HTML-safe escaping), `{}` when unchanged. */
  body: string;
  contentType: 'application/strategic-merge-patch+json' | 'application/merge-patch+json';
}

/**
 * kubectl's Patcher.patchSimple: a strategic merge patch for kinds with a schema (kubectl's Go
 * types, whose merge keys our schema definitions mirror), a JSON merge patch for the rest (custom
 * resources), each computed three ways from last-applied, the manifest and the live object.
 */
export function computeApplyPatch(mapping: ResourceMapping, originalText: string | undefined, modified: unknown, current: unknown, source?: string): ApplyPatch {
  const schemaName = schemaNameFor(mapping.group, mapping.version, mapping.kind);
  try {
    const original = parseOriginal(originalText);
    if (schemaName) {
      const patch = createThreeWayMergePatch(original, modified, current, SchemaPatchMeta.of(builtinSchemas, schemaName));
      return { body: goJsonStringify(patch, ''), contentType: 'application/strategic-merge-patch+json' };
    }
    return { body: goJsonStringify(createThreeWayJsonMergePatch(original, modified, current), ''), contentType: 'application/merge-patch+json' };
  } catch (error) {
    // cmdutil.AddSourceToErr(fmt.Sprintf("creating patch with:\noriginal:\n%s\nmodified:\n%s\ncurrent:\n%s\nfor:", …), source, err)
    const message = error instanceof Error ? error.message : String(error);
    if (!source) throw new CliError(message);
    const text = (v: unknown): string => goJsonStringify(v, '');
    throw new CliError(
      `error when creating patch with:\noriginal:\n${originalText ?? ''}\nmodified:\n${text(modified)}\ncurrent:\n${text(current)}\nfor: "${source}": ${message}`,
    );
  }
}

/** The last-applied annotation as upstream decodes it: absent is `{}`, malformed is ErrBadJSONDoc. */
function parseOriginal(text: string | undefined): unknown {
  if (text === undefined || text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new Error('invalid JSON document');
  }
}
