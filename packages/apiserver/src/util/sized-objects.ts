/**
 * Plain objects sized for the properties they will get. An object literal `{}` reserves room for
 * four properties in the object and puts the rest in a separate array: an empty FieldsV1 leaf
 * took 56 bytes, an Event's top level two allocations. Objects made by a constructor get the
 * room their constructor's objects use, so one constructor per property count gives each stored
 * object exactly its size (a stored pod 6.5 -> 4.2 KB, an Event 1.1 -> 0.8 KB). The constructors'
 * prototype is Object.prototype: the objects are plain objects to every reader (prototype,
 * `constructor`, JSON, structuredClone, equality in tests).
 */

/**
 * V8 reserves room in a constructor's objects for the properties its body assigns, plus eight,
 * and after a few objects shrinks that to what they used. The body below assigns twenty under a
 * condition that is never true, so that constructors can size objects of up to this many
 * properties (a pod's spec has 13, an Event 14).
 */
const maxSized = 24;

type PlainConstructor = new () => Record<string, unknown>;

// Never set: see above.
let reserveRoom = false;

function plainConstructor(): PlainConstructor {
  const PlainObject = function PlainObject(this: Record<string, unknown>) {
    if (reserveRoom) {
      this.p0 = this.p1 = this.p2 = this.p3 = this.p4 = this.p5 = this.p6 = this.p7 = this.p8 = this.p9 = undefined;
      this.q0 = this.q1 = this.q2 = this.q3 = this.q4 = this.q5 = this.q6 = this.q7 = this.q8 = this.q9 = undefined;
    }
  } as unknown as PlainConstructor;
  PlainObject.prototype = Object.prototype;
  return PlainObject;
}

// A distinct constructor per count: V8 sizes the objects of a constructor by the largest it has seen.
const constructors: PlainConstructor[] = [];
for (let count = 0; count <= maxSized; count++) constructors.push(plainConstructor());

/** An empty plain object with room for `count` properties. */
export function sizedObject(count: number): Record<string, unknown> {
  return count <= maxSized ? new constructors[count]!() : {};
}
