import { deepEqual, isMap, setOwnProperty, type JsonMap } from '@minik/types';
import { cloneJson } from '../util/clone-json.js';

/**
 * JSON patch (RFC 6902) as the API server applies it: gopkg.in/evanphx/json-patch.v4, with that
 * version's leniencies (`replace` of a missing map key adds it, negative array indexes count from
 * the end, `test` of an absent value against null passes). Written here rather than taken from
 * fast-json-patch, whose prototype guard refuses a ConfigMap key named `__proto__` and whose
 * stricter checks answer some of kubectl's patches that upstream accepts with 422. Keys are read
 * and written as own properties only.
 */

/** Why a JSON patch could not apply; the API server answers any of these with a generic 422. */
export class JsonPatchError extends Error {}

type Container = JsonMap | unknown[];

/** Applies `operations` to `doc` in place and returns it; throws {@link JsonPatchError}. */
export function applyJsonPatch(doc: JsonMap, operations: readonly (JsonMap | null)[]): JsonMap {
  for (const operation of operations) {
    const op = operation ?? {};
    const kind = typeof op.op === 'string' ? op.op : 'unknown';
    switch (kind) {
      case 'add':
        add(target(doc, pathOf(op, 'path'), kind), op.value);
        break;
      case 'remove':
        remove(target(doc, pathOf(op, 'path'), kind));
        break;
      case 'replace': {
        const at = target(doc, pathOf(op, 'path'), kind);
        get(at);
        set(at, op.value);
        break;
      }
      case 'move': {
        const from = target(doc, pathOf(op, 'from'), kind);
        const value = get(from);
        remove(from);
        add(target(doc, pathOf(op, 'path'), kind), value);
        break;
      }
      case 'copy': {
        const value = get(target(doc, pathOf(op, 'from'), kind));
        add(target(doc, pathOf(op, 'path'), kind), value === undefined ? null : cloneJson(value));
        break;
      }
      case 'test': {
        const value = get(target(doc, pathOf(op, 'path'), kind));
        const expected = Object.hasOwn(op, 'value') ? op.value : undefined;
        if (value === undefined || value === null ? expected !== undefined && expected !== null : !deepEqual(value, expected)) {
          throw new JsonPatchError('testing value failed');
        }
        break;
      }
      default:
        throw new JsonPatchError(`Unexpected kind: ${kind}`);
    }
  }
  return doc;
}

interface Target {
  container: Container;
  key: string;
}

function pathOf(op: JsonMap, field: 'path' | 'from'): string {
  const value = op[field];
  if (value === undefined || value === null) throw new JsonPatchError(`operation missing ${field} field`);
  if (typeof value !== 'string') throw new JsonPatchError(`json: cannot unmarshal into Go value of type string`);
  return value;
}

const decodeKey = (part: string): string => part.replaceAll('~1', '/').replaceAll('~0', '~');

/** The container holding a path's last element and that element's key (findObject). */
function target(doc: JsonMap, path: string, kind: string): Target {
  const parts = path.split('/');
  if (parts.length < 2) throw new JsonPatchError(`${kind} operation does not apply: doc is missing path: "${path}"`);
  let container: Container = doc;
  for (const part of parts.slice(1, -1)) {
    const next = get({ container, key: decodeKey(part) });
    if (!isMap(next) && !Array.isArray(next)) throw new JsonPatchError(`${kind} operation does not apply: doc is missing path: "${path}"`);
    container = next;
  }
  return { container, key: decodeKey(parts[parts.length - 1]!) };
}

/** Go's strconv.Atoi. */
function index(key: string): number {
  if (!/^[+-]?\d+$/.test(key)) throw new JsonPatchError(`strconv.Atoi: parsing "${key}": invalid syntax`);
  return Number(key);
}

/** An array index that may count from the end, within `[0, length)`. */
function arrayIndex(key: string, length: number): number {
  let i = index(key);
  if (i < 0) {
    if (i < -length) throw new JsonPatchError(`Unable to access invalid index: ${i}`);
    i += length;
  }
  if (i >= length) throw new JsonPatchError(`Unable to access invalid index: ${i}`);
  return i;
}

/** The value at a target: undefined for a missing map key, an error for a bad array index. */
function get({ container, key }: Target): unknown {
  if (!Array.isArray(container)) return Object.hasOwn(container, key) ? container[key] : undefined;
  return container[arrayIndex(key, container.length)];
}

function set({ container, key }: Target, value: unknown): void {
  if (Array.isArray(container)) container[arrayIndex(key, container.length)] = value ?? null;
  else setOwnProperty(container, key, value ?? null);
}

function add({ container, key }: Target, value: unknown): void {
  if (!Array.isArray(container)) {
    setOwnProperty(container, key, value ?? null);
    return;
  }
  if (key === '-') {
    container.push(value ?? null);
    return;
  }
  // Inserting may go one past the end; negative indexes count from the new length.
  container.splice(arrayIndex(key, container.length + 1), 0, value ?? null);
}

function remove({ container, key }: Target): void {
  if (Array.isArray(container)) {
    container.splice(arrayIndex(key, container.length), 1);
    return;
  }
  if (!Object.hasOwn(container, key)) throw new JsonPatchError(`Unable to remove nonexistent key: ${key}`);
  delete container[key];
}
