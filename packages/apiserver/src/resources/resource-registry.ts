import type { ResourceDefinition } from '@minik/types';
import { groupVersionOf } from '@minik/types';

/** The served resources, looked up the ways the request pipeline and controllers need. */
export class ResourceRegistry {
  readonly definitions: readonly ResourceDefinition[];
  readonly #byPath = new Map<string, ResourceDefinition>();
  readonly #byKind = new Map<string, ResourceDefinition>();

  constructor(definitions: readonly ResourceDefinition[]) {
    this.definitions = definitions;
    for (const def of definitions) {
      this.#byPath.set(`${def.group}/${def.version}/${def.plural}`, def);
      // The first definition of a group/kind wins (core Event before events.k8s.io Event).
      const kindKey = `${groupVersionOf(def)}/${def.kind}`;
      if (!this.#byKind.has(kindKey)) this.#byKind.set(kindKey, def);
    }
  }

  /** The resource served at `/apis/{group}/{version}/{plural}`. */
  lookup(group: string, version: string, plural: string): ResourceDefinition | undefined {
    return this.#byPath.get(`${group}/${version}/${plural}`);
  }

  /** The resource for an `apiVersion` and `kind` pair. */
  byKind(apiVersion: string, kind: string): ResourceDefinition | undefined {
    return this.#byKind.get(`${apiVersion}/${kind}`);
  }

  /** Whether a group/version is served at all (unknown ones answer 404 on every path). */
  servesGroupVersion(group: string, version: string): boolean {
    return this.definitions.some((d) => d.group === group && d.version === version);
  }
}
