import type { FieldType } from '@minik/types';
import { deepEqual } from '../../util/deep-equal.js';
import { goTypeName, goValue, setOwnProperty } from '@minik/types';
import { FieldSet } from './field-set.js';
import { elementKey, fieldElement, pathString, type Path, type PathElement } from './path-element.js';
import type { TypedSchema, TypeNode } from './typed-schema.js';

// The value walkers of sigs.k8s.io/structured-merge-diff/typed at leaf granularity: validation,
// ToFieldSet, Compare, Merge (the applied value wins), RemoveItems and
// EnsureNamedFieldsAreMembers. `undefined` is an absent value (Go's nil Value), `null` a JSON null.

type JsonMap = Record<string, unknown>;
type ListNode = Extract<TypeNode, { kind: 'list' }>;
type MapLikeNode = Extract<TypeNode, { kind: 'struct' | 'map' }>;

const isMap = (v: unknown): v is JsonMap => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * Defaults of key fields, which upstream reads from the OpenAPI `default` of the item type. The
 * schema data carries no defaults; `protocol` (ports of containers, services and endpoints) is the
 * one list-map key Kubernetes defaults.
 */
const keyFieldDefaults: Readonly<Record<string, unknown>> = { protocol: 'TCP' };

/** A typed-value error, printed as upstream's ValidationError (`.spec.x: message`). */
export interface TypedError {
  path: Path;
  message: string;
}

/** Upstream's ValidationErrors text: one error as is, several as an indented list. */
export function typedErrorsText(errors: readonly TypedError[]): string {
  const one = (e: TypedError): string => `${pathString(e.path)}: ${e.message}`;
  if (errors.length === 1) return one(errors[0]!);
  return ['errors:', ...errors.map((e) => `  ${one(e)}`)].join('\n');
}

/** What changed between two values (typed.Comparison). */
export interface Comparison {
  added: FieldSet;
  modified: FieldSet;
  removed: FieldSet;
}

/** Go's `%v` of a value.Value in schema errors (`&{value}`). */
const valueText = (v: unknown): string => `&{${goValue(v)}}`;

/** Typed operations over JSON values, driven by a {@link TypedSchema}. */
export class TypedValues {
  constructor(readonly schema: TypedSchema) {}

  /** The type to use for a value: deduced types take the value's shape. */
  #node(type: FieldType | undefined, value: unknown): TypeNode {
    const node = this.schema.resolve(type);
    if (node.kind !== 'deduced') return node;
    if (isMap(value)) return { kind: 'map', values: undefined, atomic: false };
    if (Array.isArray(value)) return { kind: 'list', items: undefined, relationship: 'atomic', keys: [] };
    return { kind: 'scalar', scalar: 'untyped' };
  }

  #childType(node: MapLikeNode, key: string): FieldType | undefined {
    return node.kind === 'struct' ? node.def.fields[key]?.type : node.values;
  }

  #declared(node: TypeNode, key: string): boolean {
    return node.kind === 'struct' && Object.hasOwn(node.def.fields, key);
  }

  /** The path element of a list item (listItemToPathElement); throws the message upstream uses. */
  #itemElement(node: ListNode, item: unknown, index: number): PathElement {
    if (node.relationship === 'map') {
      if (item === null) throw new Error('associative list with keys may not have a null element');
      if (!isMap(item)) throw new Error('associative list with keys may not have non-map elements');
      const key: [string, unknown][] = [];
      for (const name of node.keys) {
        if (Object.hasOwn(item, name)) key.push([name, item[name]]);
        else if (Object.hasOwn(keyFieldDefaults, name)) key.push([name, keyFieldDefaults[name]]);
        else throw new Error(`associative list with keys has an element that omits key field ${JSON.stringify(name)} (and doesn't have default value)`);
      }
      key.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      return { key };
    }
    if (node.relationship === 'set') {
      if (isMap(item)) throw new Error("associative list without keys has an element that's a map type");
      if (Array.isArray(item)) throw new Error('not supported: associative list with lists as elements');
      return { value: item };
    }
    return { index };
  }

  /** Items of a list with their path elements; the first of repeated elements wins. */
  #indexList(node: ListNode, list: readonly unknown[] | null, path: Path, errors?: TypedError[]): { pe: PathElement; item: unknown }[] {
    const out: { pe: PathElement; item: unknown }[] = [];
    const seen = new Set<string>();
    (list ?? []).forEach((item, i) => {
      let pe: PathElement;
      try {
        pe = this.#itemElement(node, item, i);
      } catch (error) {
        errors?.push({ path, message: `element ${i}: ${(error as Error).message}` });
        return;
      }
      const key = elementKey(pe);
      if (seen.has(key)) {
        errors?.push({ path, message: `duplicate entries for key ${pathString([pe])}` });
        return;
      }
      seen.add(key);
      out.push({ pe, item });
    });
    return out;
  }

  /** Schema validation of an applied configuration (TypedValue.Validate). */
  validate(value: unknown, type: FieldType | undefined): TypedError[] {
    const errors: TypedError[] = [];
    this.#validateAt(value, type, [], errors);
    return errors;
  }

  #validateAt(value: unknown, type: FieldType | undefined, path: Path, errors: TypedError[]): void {
    if (value === null || value === undefined) return;
    const node = this.#node(type, value);
    switch (node.kind) {
      case 'scalar':
        if (isMap(value) || Array.isArray(value)) errors.push({ path, message: `expected ${scalarName(node.scalar)}, got ${valueText(value)}` });
        else if (node.scalar === 'numeric' && typeof value !== 'number') errors.push({ path, message: `expected numeric (int or float), got ${goTypeName(value)}` });
        else if (node.scalar === 'string' && typeof value !== 'string') errors.push({ path, message: `expected string, got ${valueText(value)}` });
        else if (node.scalar === 'boolean' && typeof value !== 'boolean') errors.push({ path, message: `expected boolean, got ${valueText(value)}` });
        return;
      case 'list': {
        if (!Array.isArray(value)) {
          errors.push({ path, message: `expected list, got ${valueText(value)}` });
          return;
        }
        if (node.relationship === 'atomic') {
          value.forEach((item, i) => this.#validateAt(item, node.items, [...path, { index: i }], errors));
          return;
        }
        for (const { pe, item } of this.#indexList(node, value, path, errors)) this.#validateAt(item, node.items, [...path, pe], errors);
        return;
      }
      case 'struct':
      case 'map': {
        if (!isMap(value)) {
          errors.push({ path, message: `expected map, got ${valueText(value)}` });
          return;
        }
        for (const [key, child] of Object.entries(value)) {
          if (node.kind === 'struct' && !this.#declared(node, key)) {
            errors.push({ path: [...path, { field: key }], message: 'field not declared in schema' });
            return;
          }
          this.#validateAt(child, this.#childType(node, key), [...path, { field: key }], errors);
        }
        return;
      }
      case 'deduced':
        return;
    }
  }

  /** Every leaf and item a value sets (TypedValue.ToFieldSet). */
  toFieldSet(value: unknown, type: FieldType | undefined): FieldSet {
    const set = new FieldSet();
    this.#toFieldSetAt(value, type, [], set);
    return set;
  }

  #toFieldSetAt(value: unknown, type: FieldType | undefined, path: Path, set: FieldSet): void {
    const node = this.#node(type, value);
    switch (node.kind) {
      case 'list':
        if (node.relationship === 'atomic') {
          set.insert(path);
        } else if (Array.isArray(value)) {
          for (const { pe, item } of this.#indexList(node, value, path)) {
            this.#toFieldSetAt(item, node.items, [...path, pe], set);
            set.insert([...path, pe]);
          }
        }
        return;
      case 'struct':
      case 'map':
        if (node.atomic) {
          set.insert(path);
        } else if (isMap(value)) {
          for (const [key, child] of Object.entries(value)) {
            const childPath = [...path, { field: key }];
            this.#toFieldSetAt(child, this.#childType(node, key), childPath, set);
            // Empty and null values are owned as leaves; so is every key of a map (not a struct field).
            if (child === null || (isMap(child) && Object.keys(child).length === 0) || !this.#declared(node, key)) set.insert(childPath);
          }
        }
        return;
      default:
        set.insert(path);
    }
  }

  /** The fields added, modified and removed from `lhs` to `rhs` (TypedValue.Compare). */
  compare(lhs: unknown, rhs: unknown, type: FieldType | undefined): Comparison {
    const c: Comparison = { added: new FieldSet(), modified: new FieldSet(), removed: new FieldSet() };
    this.#compareAt(lhs, rhs, type, new ComparisonLevel(c, undefined, undefined, ''), undefined, '');
    return c;
  }

  /**
   * Compares the values at element `pe` (key `key`) of `parent`'s level; the root has no element
   * and records nothing of itself, as upstream tracks no empty path.
   */
  #compareAt(lhs: unknown, rhs: unknown, type: FieldType | undefined, parent: ComparisonLevel, pe: PathElement | undefined, key: string): void {
    const node = this.#node(type, rhs !== undefined && rhs !== null ? rhs : lhs);
    // Identical subtrees add, modify and remove nothing: skip walking them (most of an object is
    // unchanged by a write).
    if (node.kind !== 'scalar' && lhs !== undefined && rhs !== undefined && sameJson(lhs, rhs)) return;
    let descended = false;
    if (node.kind === 'list') {
      const l = listOf(lhs);
      const r = listOf(rhs);
      if (l === false || r === false || node.relationship === 'atomic' || (isEmptyList(l) && isEmptyList(r))) {
        compareLeaf(lhs, rhs, parent, pe, key);
      } else {
        descended = true;
        const level = pe === undefined ? parent : new ComparisonLevel(parent.c, parent, pe, key);
        const left = new Map(this.#indexList(node, l, noPath).map((e) => [elementKey(e.pe), e]));
        const right = new Map(this.#indexList(node, r, noPath).map((e) => [elementKey(e.pe), e]));
        for (const [k, { pe: itemPe, item }] of left) this.#compareAt(item, right.get(k)?.item, node.items, level, itemPe, k);
        for (const [k, { pe: itemPe, item }] of right) if (!left.has(k)) this.#compareAt(undefined, item, node.items, level, itemPe, k);
      }
    } else if (node.kind === 'struct' || node.kind === 'map') {
      const l = mapOf(lhs);
      const r = mapOf(rhs);
      if (l === false || r === false || node.atomic || (isEmptyMap(l) && isEmptyMap(r))) {
        compareLeaf(lhs, rhs, parent, pe, key);
      } else {
        descended = true;
        const level = pe === undefined ? parent : new ComparisonLevel(parent.c, parent, pe, key);
        if (l) {
          for (const name of Object.keys(l)) {
            const field = fieldElement(name);
            this.#compareAt(l[name], r && Object.hasOwn(r, name) ? r[name] : undefined, this.#childType(node, name), level, field.pe, field.key);
          }
        }
        if (r) {
          for (const name of Object.keys(r)) {
            if (l && Object.hasOwn(l, name)) continue;
            const field = fieldElement(name);
            this.#compareAt(undefined, r[name], this.#childType(node, name), level, field.pe, field.key);
          }
        }
      }
    } else {
      compareLeaf(lhs, rhs, parent, pe, key);
    }
    // A whole map, list or item appearing or disappearing is itself added or removed (`.`).
    if (descended && pe !== undefined) {
      if (lhs === undefined) parent.added().addMember(pe, key);
      else if (rhs === undefined) parent.removed().addMember(pe, key);
    }
  }

  /** Merges an applied configuration into a live value; the configuration wins at leaves (TypedValue.Merge). */
  merge(lhs: unknown, rhs: unknown, type: FieldType | undefined): unknown {
    return this.#mergeAt(lhs, rhs, type, []);
  }

  #mergeAt(lhs: unknown, rhs: unknown, type: FieldType | undefined, path: Path): unknown {
    const leaf = (): unknown => (rhs !== undefined ? rhs : lhs);
    const node = this.#node(type, rhs !== undefined && rhs !== null ? rhs : lhs);
    if (node.kind === 'list') {
      const l = listOf(lhs);
      const r = listOf(rhs);
      if (l === false || r === false || node.relationship === 'atomic' || (isEmptyList(l) && isEmptyList(r))) return leaf();
      const out = this.#mergeListItems(node, l, r, path);
      return out.length > 0 ? out : undefined;
    }
    if (node.kind === 'struct' || node.kind === 'map') {
      const l = mapOf(lhs);
      const r = mapOf(rhs);
      if (l === false || r === false || node.atomic || (isEmptyMap(l) && isEmptyMap(r))) return leaf();
      const out: JsonMap = {};
      for (const key of Object.keys(l ?? {})) {
        const merged = this.#mergeAt(l![key], r && Object.hasOwn(r, key) ? r[key] : undefined, this.#childType(node, key), [...path, { field: key }]);
        if (merged !== undefined) setOwnProperty(out, key, merged);
      }
      for (const key of Object.keys(r ?? {})) {
        if (l && Object.hasOwn(l, key)) continue;
        const merged = this.#mergeAt(undefined, r![key], this.#childType(node, key), [...path, { field: key }]);
        if (merged !== undefined) setOwnProperty(out, key, merged);
      }
      return Object.keys(out).length > 0 ? out : undefined;
    }
    return leaf();
  }

  /**
   * Merges list items keeping the live order, except that items both sides share follow the
   * applied order, and applied-only items go after the shared item they follow.
   */
  #mergeListItems(node: ListNode, lhs: readonly unknown[] | null, rhs: readonly unknown[] | null, path: Path): unknown[] {
    const rhsItems = this.#indexList(node, rhs, path);
    const lhsItems = this.#indexList(node, lhs, path);
    const observedRHS = new Map(rhsItems.map((e) => [elementKey(e.pe), e.item]));
    const observedLHS = new Map(lhsItems.map((e) => [elementKey(e.pe), e.item]));
    const sharedOrder = rhsItems.map((e) => elementKey(e.pe)).filter((k) => observedLHS.has(k));
    let nextShared = sharedOrder.shift();
    const mergedRHS = new Set<string>();
    const out: unknown[] = [];
    const take = (pe: PathElement, l: unknown, r: unknown): void => {
      const merged = this.#mergeAt(l, r, node.items, [...path, pe]);
      if (merged !== undefined) out.push(merged);
    };
    let lI = 0;
    let rI = 0;
    while (lI < lhsItems.length || rI < rhsItems.length) {
      if (lI < lhsItems.length && rI < rhsItems.length) {
        const { pe } = lhsItems[lI]!;
        const key = elementKey(pe);
        if (key === elementKey(rhsItems[rI]!.pe)) {
          mergedRHS.add(key);
          take(pe, observedLHS.get(key), observedRHS.get(key));
          lI++;
          rI++;
          nextShared = sharedOrder.shift();
          continue;
        }
        if (observedRHS.has(key) && nextShared !== undefined && nextShared !== key) {
          // A shared item, but not the one due in this round.
          lI++;
          continue;
        }
      }
      if (lI < lhsItems.length) {
        const { pe, item } = lhsItems[lI]!;
        const key = elementKey(pe);
        if (!observedRHS.has(key)) {
          take(pe, item, undefined);
          lI++;
          continue;
        }
        if (mergedRHS.has(key)) {
          lI++;
          continue;
        }
      }
      if (rI < rhsItems.length) {
        const { pe } = rhsItems[rI]!;
        const key = elementKey(pe);
        mergedRHS.add(key);
        take(pe, observedLHS.get(key), observedRHS.get(key));
        rI++;
        if (nextShared === key) nextShared = sharedOrder.shift();
      }
    }
    return out;
  }

  /**
   * Removes the given paths (and everything under them) from a value (TypedValue.RemoveItems).
   * A map or list left empty by the removal becomes `undefined`, dropping its field.
   */
  removeItems(value: unknown, set: FieldSet, type: FieldType | undefined): unknown {
    const node = this.#node(type, value);
    if (node.kind === 'list') {
      if (!Array.isArray(value) || value.length === 0 || node.relationship === 'atomic') return value;
      const out: unknown[] = [];
      value.forEach((item, i) => {
        let pe: PathElement;
        try {
          pe = this.#itemElement(node, item, i);
        } catch {
          out.push(item);
          return;
        }
        if (set.has([pe])) return;
        const under = set.withPrefix(pe);
        out.push(under.isEmpty() ? item : (this.removeItems(item, under, node.items) ?? null));
      });
      return out.length > 0 ? out : undefined;
    }
    if (node.kind === 'struct' || node.kind === 'map') {
      if (!isMap(value) || Object.keys(value).length === 0 || node.atomic) return value;
      const out: JsonMap = {};
      for (const [key, child] of Object.entries(value)) {
        const pe = { field: key };
        if (set.has([pe])) continue;
        const under = set.withPrefix(pe);
        if (under.isEmpty()) {
          setOwnProperty(out, key, child);
        } else {
          const kept = this.removeItems(child, under, this.#childType(node, key));
          if (kept !== undefined) setOwnProperty(out, key, kept);
        }
      }
      return Object.keys(out).length > 0 ? out : undefined;
    }
    return value;
  }

  /** Adds, as members, the struct fields a set only has children under (Set.EnsureNamedFieldsAreMembers). */
  ensureNamedFieldsAreMembers(set: FieldSet, type: FieldType | undefined): FieldSet {
    const node = this.schema.resolve(type);
    const out = new FieldSet();
    for (const pe of set.memberElements()) out.insert([pe]);
    for (const { pe, set: child } of set.childElements()) {
      if ('field' in pe && this.#declared(node, pe.field)) out.insert([pe]);
      const childType = 'field' in pe ? (node.kind === 'struct' || node.kind === 'map' ? this.#childType(node, pe.field) : undefined) : node.kind === 'list' ? node.items : undefined;
      FieldSet.attach(out, pe, this.ensureNamedFieldsAreMembers(child, childType), false);
    }
    return out;
  }
}

const noPath: Path = [];

/** Records a value compared whole (a scalar, an atomic or empty value) at element `pe` of `parent`'s level. */
function compareLeaf(lhs: unknown, rhs: unknown, parent: ComparisonLevel, pe: PathElement | undefined, key: string): void {
  if (pe === undefined) return;
  if (lhs === undefined) parent.added().addMember(pe, key);
  else if (rhs === undefined) parent.removed().addMember(pe, key);
  else if (!deepEqual(lhs, rhs)) parent.modified().addMember(pe, key);
}

/**
 * One map or list a comparison walks into, with its part of the three sets, made when something
 * is first recorded under it: nothing is recorded under most of what a write leaves alone.
 */
class ComparisonLevel {
  #added: FieldSet | undefined;
  #modified: FieldSet | undefined;
  #removed: FieldSet | undefined;

  constructor(
    readonly c: Comparison,
    private readonly parent: ComparisonLevel | undefined,
    private readonly pe: PathElement | undefined,
    private readonly key: string,
  ) {}

  added(): FieldSet {
    return (this.#added ??= this.parent ? this.parent.added().childFor(this.pe!, this.key) : this.c.added);
  }

  modified(): FieldSet {
    return (this.#modified ??= this.parent ? this.parent.modified().childFor(this.pe!, this.key) : this.c.modified);
  }

  removed(): FieldSet {
    return (this.#removed ??= this.parent ? this.parent.removed().childFor(this.pe!, this.key) : this.c.removed);
  }
}

function scalarName(scalar: 'numeric' | 'string' | 'boolean' | 'untyped'): string {
  return scalar === 'numeric' ? 'numeric (int or float)' : scalar === 'untyped' ? 'any scalar' : scalar;
}

/** A list value, null for absent or null, false for a value of another shape. */
function listOf(v: unknown): unknown[] | null | false {
  if (v === undefined || v === null) return null;
  return Array.isArray(v) ? v : false;
}

function mapOf(v: unknown): JsonMap | null | false {
  if (v === undefined || v === null) return null;
  return isMap(v) ? v : false;
}

const isEmptyList = (l: unknown[] | null): boolean => l === null || l.length === 0;
function isEmptyMap(m: JsonMap | null): boolean {
  if (m === null) return true;
  for (const k in m) if (Object.hasOwn(m, k)) return false;
  return true;
}

/**
 * Whether two JSON values are the same, strictly: an `undefined` anywhere makes them differ, so
 * that a `true` answer means comparing them field by field would find no difference at all.
 */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === undefined || b === undefined) return false;
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameJson(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  // for-in, not Object.keys: this runs over most of an object on every write.
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  let count = 0;
  for (const k in left) {
    if (!Object.hasOwn(left, k)) continue;
    if (!Object.hasOwn(right, k) || !sameJson(left[k], right[k])) return false;
    count++;
  }
  for (const k in right) if (Object.hasOwn(right, k)) count--;
  return count === 0;
}
