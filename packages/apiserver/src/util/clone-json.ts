import { setOwnProperty } from '@minik/types';

/**
 * A mutable deep copy of JSON data (Kubernetes objects): plain objects and arrays are copied,
 * everything else is shared, as it is immutable; an object with toJSON (a Date) becomes what
 * JSON.stringify would make of it. Unlike structuredClone it does not keep aliases —
 * a value that appears twice in the source is copied twice, so stored objects may share frozen
 * parts with each other — and it is several times faster (a Running pod: 5 µs against 29 µs),
 * which counts on the write path where every controller and handler copies before it changes.
 */
export function cloneJson<T>(value: T): T {
  return copy(value) as T;
}

function copy(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    const out = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) out[i] = copy(value[i]);
    return out;
  }
  // What JSON.stringify would write (a Date's string), as the same object sent over HTTP becomes.
  const toJSON = (value as { toJSON?: unknown }).toJSON;
  if (typeof toJSON === 'function') return copy(toJSON.call(value));
  const out: Record<string, unknown> = {};
  for (const key in value) setOwnProperty(out, key, copy((value as Record<string, unknown>)[key]));
  return out;
}
