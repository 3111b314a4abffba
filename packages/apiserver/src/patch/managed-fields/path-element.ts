/**
 * One step of a field path, as structured-merge-diff's fieldpath.PathElement: a struct or map
 * field, an associative list item by its key fields, a set item by value, or a list index.
 */
export type PathElement =
  | { readonly field: string }
  | { readonly key: readonly (readonly [string, unknown])[] }
  | { readonly value: unknown }
  | { readonly index: number };

export type Path = readonly PathElement[];

/** JSON with object keys sorted, the canonical form of values inside path elements. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const map = value as Record<string, unknown>;
    return `{${Object.keys(map)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson(map[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * The FieldsV1 key of an element: `f:name`, `k:{"name":"c"}`, `v:"x"`, `i:0`. It also serves as
 * the element's identity, since equal elements serialise equally.
 */
export function elementKey(pe: PathElement): string {
  if ('field' in pe) return fieldElement(pe.field).key;
  if ('key' in pe) return `k:{${pe.key.map(([name, value]) => `${JSON.stringify(name)}:${canonicalJson(value)}`).join(',')}}`;
  if ('value' in pe) return `v:${canonicalJson(pe.value)}`;
  return `i:${pe.index}`;
}

/** A field element with its key. */
export interface FieldElement {
  readonly pe: PathElement;
  readonly key: string;
}

/**
 * Field names seen, with their element and key: a key made anew is hashed anew by every Map it
 * meets, and a compare meets the same names on every write.
 */
const fieldElements = new Map<string, FieldElement>();
const maxFieldElements = 4_096;

/** The element `{ field: name }` and its key `f:name`, the same objects each time for names seen before. */
export function fieldElement(name: string): FieldElement {
  let field = fieldElements.get(name);
  if (field === undefined) {
    field = { pe: { field: name }, key: `f:${name}` };
    // Map keys (labels, annotations) are users' data: remember only so many.
    if (fieldElements.size < maxFieldElements) fieldElements.set(name, field);
  }
  return field;
}

/** Parses a FieldsV1 key back into an element; undefined for anything else (including `.`). */
export function parseElementKey(key: string): PathElement | undefined {
  const body = key.slice(2);
  switch (key.slice(0, 2)) {
    case 'f:':
      return { field: body };
    case 'k:': {
      const parsed = JSON.parse(body) as Record<string, unknown>;
      return { key: Object.keys(parsed).sort().map((name) => [name, parsed[name]] as const) };
    }
    case 'v:':
      return { value: JSON.parse(body) };
    case 'i:':
      return { index: Number(body) };
  }
  return undefined;
}

/** Go's value.ToString for values in messages: JSON for strings and composites, plain numbers and booleans. */
function valueString(value: unknown): string {
  return canonicalJson(value);
}

/** How upstream prints a path in messages: `.spec.template.spec.containers[name="nginx"].image`. */
export function pathString(path: Path): string {
  return path
    .map((pe) => {
      if ('field' in pe) return `.${pe.field}`;
      if ('key' in pe) return `[${pe.key.map(([name, value]) => `${name}=${valueString(value)}`).join(',')}]`;
      if ('value' in pe) return `[=${valueString(pe.value)}]`;
      return `[${pe.index}]`;
    })
    .join('');
}

/** Orders elements as upstream sorts them when serialising: fields, then keys, then values, then indexes. */
export function compareElements(a: PathElement, b: PathElement): number {
  const rank = (pe: PathElement): number => ('field' in pe ? 0 : 'key' in pe ? 1 : 'value' in pe ? 2 : 3);
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra - rb;
  if ('field' in a && 'field' in b) return compareStrings(a.field, b.field);
  if ('index' in a && 'index' in b) return a.index - b.index;
  if ('key' in a && 'key' in b) return compareKeys(a.key, b.key);
  return compareValues((a as { value: unknown }).value, (b as { value: unknown }).value);
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** value.Compare: numbers < strings < booleans < lists < maps < null, then by content. */
function compareValues(a: unknown, b: unknown): number {
  const rank = (v: unknown): number =>
    typeof v === 'number' ? 0 : typeof v === 'string' ? 1 : typeof v === 'boolean' ? 2 : Array.isArray(v) ? 3 : v !== null && typeof v === 'object' ? 4 : 5;
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra - rb;
  if (typeof a === 'boolean') return Number(a) - Number(b);
  if (typeof a === 'number') return a - (b as number);
  if (typeof a === 'string') return compareStrings(a, b as string);
  return compareStrings(canonicalJson(a), canonicalJson(b));
}

/** FieldList.Compare: field by field (name, then value), shorter lists first. */
function compareKeys(a: readonly (readonly [string, unknown])[], b: readonly (readonly [string, unknown])[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const byName = compareStrings(a[i]![0], b[i]![0]);
    if (byName !== 0) return byName;
    const byValue = compareValues(a[i]![1], b[i]![1]);
    if (byValue !== 0) return byValue;
  }
  return a.length - b.length;
}
