import { printAnnotationsMultiline, printLabelsMultiline } from './describe-format.js';
import { describeEvents } from './events.js';
import { LEVEL_0, PrefixWriter } from './prefix-writer.js';
import { events, meta, type DescribeContext, type Obj } from './describe-context.js';

function smartLabelFor(field: string): string {
  if (/[^\p{L}-]/u.test(field)) return field;
  const acronyms = new Set(['API', 'URL', 'UID', 'OSB', 'GUID']);
  const parts = field.split(/(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])/);
  return parts.map((p) => (acronyms.has(p.toUpperCase()) ? p.toUpperCase() : p.charAt(0).toUpperCase() + p.slice(1))).join(' ');
}

function printUnstructured(w: PrefixWriter, level: number, content: Obj, prefix: string, skip: Set<string>): void {
  for (const field of Object.keys(content).sort()) {
    const value = content[field];
    const path = `${prefix}.${field}`;
    if (skip.has(path)) continue;
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      w.write(level, `${smartLabelFor(field)}:\n`);
      printUnstructured(w, level + 1, value as Obj, path, skip);
    } else if (Array.isArray(value)) {
      w.write(level, `${smartLabelFor(field)}:\n`);
      for (const child of value) {
        if (child && typeof child === 'object' && !Array.isArray(child)) printUnstructured(w, level + 1, child as Obj, path, skip);
        else w.write(level + 1, `${String(child)}\n`);
      }
    } else w.write(level, `${smartLabelFor(field)}:\t${value === null ? '<nil>' : String(value)}\n`);
  }
}

/** kubectl's generic describer: metadata lines, then every field of the object. */
export async function describeGeneric(ctx: DescribeContext, obj: Obj): Promise<string> {
  const w = new PrefixWriter();
  const m = meta(obj);
  w.write(LEVEL_0, `Name:\t${m['name'] ?? ''}\n`);
  w.write(LEVEL_0, `Namespace:\t${m['namespace'] ?? ''}\n`);
  printLabelsMultiline(w, 'Labels', m['labels']);
  printAnnotationsMultiline(w, 'Annotations', m['annotations']);
  printUnstructured(w, LEVEL_0, obj, '', new Set(['.metadata.managedFields', '.metadata.name', '.metadata.namespace', '.metadata.labels', '.metadata.annotations']));
  const list = await events(ctx, obj);
  if (list) describeEvents(list, w, ctx.now);
  return w.text();
}
