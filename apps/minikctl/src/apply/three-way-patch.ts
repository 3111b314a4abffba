/**
 * A simplified three-way merge patch (lists replaced whole), `undefined` when empty. Apply no longer
 * uses it (see apply-patch.ts for kubectl's strategic and JSON merge patches); `rollout undo` still
 * calls it in both directions as its "templates are equal" test.
 * @deprecated Compare templates directly; this goes once rollout undo stops calling it.
 */
export function threeWayMergePatch(original: unknown, modified: unknown, current: unknown): Record<string, unknown> | undefined {
  return diff(asRecord(original), asRecord(modified), asRecord(current));
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

function equal(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) return a.length === (b as unknown[]).length && a.every((x, i) => equal(x, (b as unknown[])[i]));
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k) => equal((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** Whether every field the manifest sets already has that value in the live object (server defaults aside). */
function contained(modified: unknown, current: unknown): boolean {
  if (asRecord(modified) && asRecord(current)) {
    return Object.entries(modified as Record<string, unknown>).every(([k, v]) => contained(v, (current as Record<string, unknown>)[k]));
  }
  if (Array.isArray(modified) && Array.isArray(current)) {
    return modified.length === current.length && modified.every((v, i) => contained(v, current[i]));
  }
  return equal(modified, current);
}

function diff(original: Record<string, unknown> | undefined, modified: Record<string, unknown> | undefined, current: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  const patch: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(modified ?? {})) {
    const live = current?.[key];
    if (asRecord(value) && asRecord(live)) {
      const inner = diff(asRecord(original?.[key]), value as Record<string, unknown>, live as Record<string, unknown>);
      if (inner) patch[key] = inner;
    } else if (!contained(value, live)) patch[key] = value;
  }
  for (const key of Object.keys(original ?? {})) {
    if (!(key in (modified ?? {})) && current && key in current) patch[key] = null;
  }
  return Object.keys(patch).length > 0 ? patch : undefined;
}
