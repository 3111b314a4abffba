import { CliError } from '../cli/cli-error.js';
import type { ApiResourceEntry, DiscoveryData } from './discovery.js';

/** A resource a name resolved to (client-go's RESTMapping, flattened). */
export interface ResourceMapping {
  group: string;
  version: string;
  /** Plural, e.g. `deployments`. */
  resource: string;
  singular: string;
  kind: string;
  namespaced: boolean;
  verbs: readonly string[];
  shortNames: readonly string[];
  categories: readonly string[];
}

/** `apps/v1` or `v1`. */
export function apiVersionOf(mapping: Pick<ResourceMapping, 'group' | 'version'>): string {
  return mapping.group === '' ? mapping.version : `${mapping.group}/${mapping.version}`;
}

/** `deployments.apps` or `pods`, as upstream names a resource in messages. */
export function qualifiedResource(mapping: Pick<ResourceMapping, 'group' | 'resource'>): string {
  return mapping.group === '' ? mapping.resource : `${mapping.resource}.${mapping.group}`;
}

/** `deployment.apps` or `pod`: the prefix kubectl prints before names (`deployment.apps/web`). */
export function kindPrefix(mapping: Pick<ResourceMapping, 'group' | 'kind'>): string {
  const kind = mapping.kind.toLowerCase();
  return mapping.group === '' ? kind : `${kind}.${mapping.group}`;
}

/** The API path of a collection or object. */
export function resourcePath(mapping: ResourceMapping, namespace: string | undefined, name?: string, subresource?: string): string {
  const prefix = mapping.group === '' ? `/api/${mapping.version}` : `/apis/${mapping.group}/${mapping.version}`;
  const ns = mapping.namespaced && namespace ? `/namespaces/${encodeURIComponent(namespace)}` : '';
  const obj = name !== undefined ? `/${encodeURIComponent(name)}` : '';
  const sub = subresource ? `/${subresource}` : '';
  return `${prefix}${ns}/${mapping.resource}${obj}${sub}`;
}

/**
 * Resolves what users type (`po`, `pods`, `pod`, `Pod`, `deploy.apps`, `deployments.v1.apps`,
 * category `all`) to resources, through discovery, like kubectl's shortcut expander, category
 * expander and RESTMapper together.
 */
export class ResourceResolver {
  readonly #mappings: ResourceMapping[] = [];

  constructor(data: DiscoveryData) {
    for (const group of data.groups) {
      // Preferred version first, so it wins when a name exists in several versions.
      for (const version of group.versions) {
        const gv = group.name === '' ? version : `${group.name}/${version}`;
        for (const entry of data.resources.get(gv) ?? []) {
          if (entry.name.includes('/')) continue;
          this.#mappings.push(toMapping(group.name, version, entry));
        }
      }
    }
  }

  /** Every top-level resource, in discovery order. */
  get all(): readonly ResourceMapping[] {
    return this.#mappings;
  }

  /** The resources of a category (`all`), in discovery order; empty when no resource has it. */
  category(name: string): ResourceMapping[] {
    const seen = new Set<string>();
    return this.#mappings.filter((m) => {
      if (!m.categories.includes(name)) return false;
      const key = `${m.group}/${m.resource}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  }

  /** The mapping for a kind in a group-version (`apps/v1`, `Deployment`), as objects from files name it. */
  forKind(apiVersion: string, kind: string): ResourceMapping | undefined {
    const [group, version] = apiVersion.includes('/') ? apiVersion.split('/', 2) : ['', apiVersion];
    return (
      this.#mappings.find((m) => m.group === group && m.version === version && m.kind === kind) ??
      this.#mappings.find((m) => m.group === group && m.kind === kind)
    );
  }

  /** Resolves one resource name, or undefined when discovery has no such resource. */
  find(arg: string): ResourceMapping | undefined {
    const candidates: { resource: string; group?: string; version?: string }[] = [];
    const parts = arg.split('.');
    if (parts.length >= 3) candidates.push({ resource: parts[0]!, version: parts[1]!, group: parts.slice(2).join('.') });
    if (parts.length >= 2) candidates.push({ resource: parts[0]!, group: parts.slice(1).join('.') });
    candidates.push({ resource: arg });
    for (const candidate of candidates) {
      const found = this.#match(candidate);
      if (found) return found;
    }
    return undefined;
  }

  #match(query: { resource: string; group?: string; version?: string }): ResourceMapping | undefined {
    const inScope = (m: ResourceMapping): boolean =>
      (query.group === undefined || m.group === query.group) && (query.version === undefined || m.version === query.version);
    // Short names first (the shortcut expander runs before the RESTMapper).
    const short = this.#mappings.find((m) => inScope(m) && m.shortNames.includes(query.resource));
    if (short) return short;
    const lower = query.resource.toLowerCase();
    return (
      this.#mappings.find((m) => inScope(m) && m.resource === lower) ??
      this.#mappings.find((m) => inScope(m) && m.singular === lower) ??
      this.#mappings.find((m) => inScope(m) && m.kind.toLowerCase() === lower)
    );
  }
}

function toMapping(group: string, version: string, entry: ApiResourceEntry): ResourceMapping {
  return {
    group,
    version,
    resource: entry.name,
    singular: entry.singularName || entry.kind.toLowerCase(),
    kind: entry.kind,
    namespaced: entry.namespaced,
    verbs: entry.verbs ?? [],
    shortNames: entry.shortNames ?? [],
    categories: entry.categories ?? [],
  };
}

/** kubectl's error for a name discovery does not know. */
export function unknownResourceError(arg: string): CliError {
  return new CliError(`the server doesn't have a resource type "${arg.split('.')[0]}"`);
}
