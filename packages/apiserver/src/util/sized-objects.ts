/**
 * Plain objects sized for the properties they will get. An object literal `{}` reserves room for
 * four properties in the object and puts the rest in a separate array: an empty FieldsV1 leaf
 * took 56 bytes, an Event's top level two allocations. Objects made by a constructor get the
 * room their constructor's objects use, so one constructor per property count gives each stored
 * object exactly its size (a stored pod 6.5 -> 4.2 KB, an Event 1.1 -> 0.8 KB). The constructors'
 * prototype is Object.prototype: the objects are plain objects to every reader (prototype,
 * `constructor`, JSON, structuredClone, equality in tests).
 */

/** V8 reserves room for at most about ten properties in constructed objects; larger counts gain nothing. */
const maxSized = 10;

type PlainConstructor = new () => Record<string, unknown>;

// A distinct function per count: V8 sizes the objects of a constructor by the largest it has seen.
const constructors: PlainConstructor[] = [];
for (let count = 0; count <= maxSized; count++) {
  const PlainObject = function PlainObject() {} as unknown as PlainConstructor;
  PlainObject.prototype = Object.prototype;
  constructors.push(PlainObject);
}

/** An empty plain object with room for `count` properties. */
export function sizedObject(count: number): Record<string, unknown> {
  return count <= maxSized ? new constructors[count]!() : {};
}
