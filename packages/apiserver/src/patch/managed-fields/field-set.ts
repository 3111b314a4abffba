import { isSharedFieldsTree } from '../../util/shared-field-sets.js';
import { compareElements, elementKey, parseElementKey, type Path, type PathElement } from './path-element.js';

interface Child {
  readonly pe: PathElement;
  readonly set: FieldSet;
}

/**
 * A set of field paths, as structured-merge-diff's fieldpath.Set: the paths that end here
 * (members) and the sub-sets under each element (children). A path can be both a member and a
 * parent, which FieldsV1 writes as `".": {}`.
 */
export class FieldSet {
  // Read through the shared empty maps until a first write: a create's set has a level per
  // object and list of the object, most of them with members only or children only.
  #members: ReadonlyMap<string, PathElement> = noMembers;
  #children: ReadonlyMap<string, Child> = noChildren;

  #writableMembers(): Map<string, PathElement> {
    if (this.#members === noMembers) this.#members = new Map();
    return this.#members as Map<string, PathElement>;
  }

  #writableChildren(): Map<string, Child> {
    if (this.#children === noChildren) this.#children = new Map();
    return this.#children as Map<string, Child>;
  }

  /** A set of the given paths. */
  static of(...paths: Path[]): FieldSet {
    const set = new FieldSet();
    for (const path of paths) set.insert(path);
    return set;
  }

  /** Adds a path; the empty path (the whole object) is not tracked, as upstream. */
  insert(path: Path): void {
    if (path.length === 0) return;
    let set: FieldSet = this;
    for (const pe of path.slice(0, -1)) set = set.#descend(pe);
    const last = path[path.length - 1]!;
    set.#writableMembers().set(elementKey(last), last);
  }

  #descend(pe: PathElement): FieldSet {
    return this.childFor(pe, elementKey(pe));
  }

  /** Adds a member by its element and {@link elementKey} (builders that walk a value level by level). */
  addMember(pe: PathElement, key: string): void {
    this.#writableMembers().set(key, pe);
  }

  /** The sub-set under an element, by its element and key, made when missing (builders only: it may stay empty). */
  childFor(pe: PathElement, key: string): FieldSet {
    let child = this.#children.get(key);
    if (!child) {
      child = { pe, set: new FieldSet() };
      this.#writableChildren().set(key, child);
    }
    return child.set;
  }

  has(path: Path): boolean {
    if (path.length === 0) return false;
    let set: FieldSet | undefined = this;
    for (const pe of path.slice(0, -1)) {
      set = set.#children.get(elementKey(pe))?.set;
      if (!set) return false;
    }
    return set.#members.has(elementKey(path[path.length - 1]!));
  }

  isEmpty(): boolean {
    if (this.#members.size > 0) return false;
    for (const child of this.#children.values()) if (!child.set.isEmpty()) return false;
    return true;
  }

  /** The sub-set under one element (empty when there is none). */
  withPrefix(pe: PathElement): FieldSet {
    return this.#children.get(elementKey(pe))?.set ?? new FieldSet();
  }

  /** Members of this level. */
  memberElements(): PathElement[] {
    return [...this.#members.values()];
  }

  /** Children of this level. */
  childElements(): Child[] {
    return [...this.#children.values()];
  }

  /**
   * A copy of this level to change (children shared, empty ones left out). The operations below
   * look only at the smaller side of each level and copy a level only where the result differs:
   * a write's changed fields are a handful, the sets they are taken from a whole object's.
   */
  #copy(): FieldSet {
    const out = new FieldSet();
    // forEach: for-of and new Map(map) allocate an entry and an iterator result per entry.
    if (this.#members.size > 0) {
      const members = out.#writableMembers();
      this.#members.forEach((pe, k) => members.set(k, pe));
    }
    this.#children.forEach((child, k) => {
      if (!child.set.isEmpty()) out.#writableChildren().set(k, child);
    });
    return out;
  }

  /** This set with the other's members and children applied; `this` when they change nothing. */
  #with(removed: readonly string[] | undefined, added: readonly [string, PathElement][] | undefined, children: readonly [string, Child | undefined][] | undefined): FieldSet {
    if (removed === undefined && added === undefined && children === undefined) return this;
    const out = this.#copy();
    for (const k of removed ?? []) out.#writableMembers().delete(k);
    for (const [k, pe] of added ?? []) out.#writableMembers().set(k, pe);
    for (const [k, child] of children ?? []) {
      if (child === undefined || child.set.isEmpty()) out.#writableChildren().delete(k);
      else out.#writableChildren().set(k, child);
    }
    return out;
  }

  /** Keys of the members both sets have, walking the smaller side; undefined for none. */
  #sharedMembers(other: FieldSet): string[] | undefined {
    const few = this.#members.size <= other.#members.size ? this.#members : other.#members;
    const many = few === this.#members ? other.#members : this.#members;
    let shared: string[] | undefined;
    for (const k of few.keys()) if (many.has(k)) (shared ??= []).push(k);
    return shared;
  }

  union(other: FieldSet): FieldSet {
    if (this === other || (other.#members.size === 0 && other.#children.size === 0)) return this;
    // A create's changes are all added, none modified: the union is the added set.
    if (this.#members.size === 0 && this.#children.size === 0) return other;
    let added: [string, PathElement][] | undefined;
    for (const [k, pe] of other.#members) if (!this.#members.has(k)) (added ??= []).push([k, pe]);
    let children: [string, Child][] | undefined;
    for (const [k, theirs] of other.#children) {
      const mine = this.#children.get(k);
      if (mine === undefined) {
        if (!theirs.set.isEmpty()) (children ??= []).push([k, theirs]);
        continue;
      }
      const set = mine.set.union(theirs.set);
      if (set !== mine.set) (children ??= []).push([k, { pe: mine.pe, set }]);
    }
    return this.#with(undefined, added, children);
  }

  intersection(other: FieldSet): FieldSet {
    if (this === other) return this;
    const out = new FieldSet();
    for (const k of this.#sharedMembers(other) ?? []) out.#writableMembers().set(k, this.#members.get(k)!);
    let same = out.#members.size === this.#members.size;
    const fewer = this.#children.size <= other.#children.size ? this : other;
    for (const k of fewer.#children.keys()) {
      const mine = this.#children.get(k);
      const theirs = other.#children.get(k);
      if (mine === undefined || theirs === undefined) continue;
      const set = mine.set.intersection(theirs.set);
      if (set !== mine.set) same = false;
      if (!set.isEmpty()) out.#writableChildren().set(k, set === mine.set ? mine : { pe: mine.pe, set });
    }
    return same && out.#children.size === this.#children.size ? this : out;
  }

  /** Paths in this set and not in the other (a member of the other does not remove children). */
  difference(other: FieldSet): FieldSet {
    if (other.#members.size === 0 && other.#children.size === 0) return this;
    let children: [string, Child | undefined][] | undefined;
    const fewer = this.#children.size <= other.#children.size ? this : other;
    for (const k of fewer.#children.keys()) {
      const mine = this.#children.get(k);
      const theirs = other.#children.get(k);
      if (mine === undefined || theirs === undefined) continue;
      const set = mine.set.difference(theirs.set);
      if (set !== mine.set) (children ??= []).push([k, { pe: mine.pe, set }]);
    }
    return this.#with(this.#sharedMembers(other), undefined, children);
  }

  /** Like difference, but a member of the other set also removes everything under it. */
  recursiveDifference(other: FieldSet): FieldSet {
    if (other.#members.size === 0 && other.#children.size === 0) return this;
    let children: [string, Child | undefined][] | undefined;
    for (const k of other.#members.keys()) if (this.#children.has(k)) (children ??= []).push([k, undefined]);
    const fewer = this.#children.size <= other.#children.size ? this : other;
    for (const k of fewer.#children.keys()) {
      const mine = this.#children.get(k);
      const theirs = other.#children.get(k);
      if (mine === undefined || theirs === undefined || other.#members.has(k)) continue;
      const set = mine.set.recursiveDifference(theirs.set);
      if (set !== mine.set) (children ??= []).push([k, { pe: mine.pe, set }]);
    }
    return this.#with(this.#sharedMembers(other), undefined, children);
  }

  /** Every path of the set in upstream's iteration order: this level's members, then each child's paths. */
  iterate(prefix: Path = []): Path[] {
    const out: Path[] = [];
    const members = [...this.#members.values()].sort(compareElements);
    for (const pe of members) out.push([...prefix, pe]);
    const children = [...this.#children.values()].sort((a, b) => compareElements(a.pe, b.pe));
    for (const child of children) out.push(...child.set.iterate([...prefix, child.pe]));
    return out;
  }

  /** Whether every path of this set is in the other. */
  isSubsetOf(other: FieldSet): boolean {
    if (this === other) return true;
    for (const k of this.#members.keys()) if (!other.#members.has(k)) return false;
    for (const [k, child] of this.#children) {
      if (child.set.isEmpty()) continue;
      const theirs = other.#children.get(k);
      if (!theirs || !child.set.isSubsetOf(theirs.set)) return false;
    }
    return true;
  }

  /** Whether the sets share a path; walks the smaller side at each level. */
  overlaps(other: FieldSet): boolean {
    const few = this.#members.size <= other.#members.size ? this.#members : other.#members;
    const many = few === this.#members ? other.#members : this.#members;
    for (const k of few.keys()) if (many.has(k)) return true;
    const fewer = this.#children.size <= other.#children.size ? this.#children : other.#children;
    const more = fewer === this.#children ? other.#children : this.#children;
    for (const [k, child] of fewer) {
      const theirs = more.get(k);
      if (theirs && child.set.overlaps(theirs.set)) return true;
    }
    return false;
  }

  /** Whether both sets hold the same paths. */
  equals(other: FieldSet): boolean {
    if (this === other) return true;
    if (this.#members.size !== other.#members.size || this.#children.size !== other.#children.size) return false;
    for (const k of this.#members.keys()) if (!other.#members.has(k)) return false;
    for (const [k, child] of this.#children) {
      const theirs = other.#children.get(k);
      if (!theirs || !child.set.equals(theirs.set)) return false;
    }
    return true;
  }

  /**
   * The FieldsV1 form: `{"f:spec": {"f:replicas": {}}}`, keys in upstream's order. A set decoded
   * from a stored tree that reads the same gives that (frozen) tree back.
   */
  toFieldsV1(): Record<string, unknown> {
    return (storedTreeOf.get(this) as Record<string, unknown> | undefined) ?? this.#emit(false);
  }

  #emit(includeSelf: boolean): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    if (includeSelf && (this.#members.size > 0 || this.#children.size > 0)) out['.'] = {};
    const keys: string[] = [];
    let fieldsOnly = true;
    this.#members.forEach((_, k) => {
      keys.push(k);
      fieldsOnly &&= isFieldKey(k);
    });
    this.#children.forEach((_, k) => {
      if (this.#members.has(k)) return;
      keys.push(k);
      fieldsOnly &&= isFieldKey(k);
    });
    // Keys of field elements order as their names do; others need upstream's element order.
    if (keys.length < 2) {
      // Nothing to order (sort copies the array to work on even then).
    } else if (fieldsOnly) keys.sort();
    else keys.sort((a, b) => compareElements(this.#elementOf(a), this.#elementOf(b)));
    for (const k of keys) {
      const child = this.#children.get(k);
      out[k] = child ? child.set.#emit(this.#members.has(k)) : {};
    }
    return out;
  }

  #elementOf(key: string): PathElement {
    return this.#members.get(key) ?? this.#children.get(key)!.pe;
  }

  /** Parses FieldsV1; unknown key kinds are dropped as upstream does. */
  static fromFieldsV1(fields: unknown): FieldSet {
    if (!isSharedFieldsTree(fields)) return readFieldsV1(fields).children ?? new FieldSet();
    // A write decodes the managed fields of the object it replaces: most are trees decoded before.
    let set = setOfStoredTree.get(fields);
    if (set === undefined) {
      set = readFieldsV1(fields).children ?? new FieldSet();
      setOfStoredTree.set(fields, set);
      if (JSON.stringify(set.#emit(false)) === JSON.stringify(fields)) storedTreeOf.set(set, fields);
    }
    return set;
  }

  static #attach(parent: FieldSet, pe: PathElement, child: FieldSet | undefined, member: boolean): void {
    const key = elementKey(pe);
    if (member) parent.#writableMembers().set(key, pe);
    if (child && !child.isEmpty()) parent.#writableChildren().set(key, { pe, set: child });
  }

  /** @internal */
  static attach(parent: FieldSet, pe: PathElement, child: FieldSet | undefined, member: boolean): void {
    FieldSet.#attach(parent, pe, child, member);
  }
}

/** What every set reads as its members or children until it has some (never written). */
const noMembers: ReadonlyMap<string, PathElement> = new Map();
const noChildren: ReadonlyMap<string, Child> = new Map();

/** Decoded field sets of the store's shared trees; sets are never changed once built. */
const setOfStoredTree = new WeakMap<object, FieldSet>();
/** The stored tree a set was decoded from, when encoding the set gives the same text. */
const storedTreeOf = new WeakMap<FieldSet, object>();

/** Whether an element key is a field's (`f:name`). */
const isFieldKey = (key: string): boolean => key.charCodeAt(0) === 102 /* f */ && key.charCodeAt(1) === 58; /* : */

function readFieldsV1(node: unknown): { children: FieldSet | undefined; isMember: boolean } {
  let children: FieldSet | undefined;
  let isMember = false;
  if (node !== null && typeof node === 'object' && !Array.isArray(node)) {
    for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
      if (key === '.') {
        isMember = true;
        continue;
      }
      let pe: PathElement | undefined;
      try {
        pe = parseElementKey(key);
      } catch {
        pe = undefined;
      }
      if (!pe) continue;
      const grand = readFieldsV1(value);
      children ??= new FieldSet();
      FieldSet.attach(children, pe, grand.children, grand.isMember);
    }
  }
  if (children === undefined || children.isEmpty()) isMember = true;
  return { children: children?.isEmpty() ? undefined : children, isMember };
}
