import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { APIGroupDiscoveryList } from '@minik/types';
import type { Logger } from './klog.js';
import type { RestClient } from './rest-client.js';

/** One entry of an APIResourceList (`pods`, `pods/log`, …), in upstream's field order. */
export interface ApiResourceEntry {
  name: string;
  singularName: string;
  namespaced: boolean;
  group?: string;
  version?: string;
  kind: string;
  verbs: string[];
  shortNames?: string[];
  categories?: string[];
}

/** A group and its versions, preferred version first. */
export interface ApiGroupEntry {
  name: string;
  versions: string[];
  preferredVersion: string;
}

/** What discovery knows: groups in server order (core first) and each group-version's resources. */
export interface DiscoveryData {
  groups: ApiGroupEntry[];
  /** Keyed by group-version (`v1`, `apps/v1`). */
  resources: Map<string, ApiResourceEntry[]>;
  /** Whether this came from the server in this run (rather than from the cache). */
  fresh: boolean;
}

/** kubectl keeps discovery for 6 hours. */
const cacheTtlMs = 6 * 60 * 60 * 1000;

const aggregatedAccept =
  'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json';

/** client-go's computeDiscoverCacheDir: the host with anything unusual replaced by `_`. */
export function discoveryCacheDir(cacheDir: string, server: string): string {
  const schemeless = server.replace('https://', '').replace('http://', '');
  return join(cacheDir, 'discovery', schemeless.replace(/[^(\w/.)]/g, '_'));
}

const groupVersion = (group: string, version: string): string => (group === '' ? version : `${group}/${version}`);

/**
 * Discovery with kubectl's disk cache: `servergroups.json` and `<group>/<version>/serverresources.json`
 * under `<cache-dir>/discovery/<host_port>/`, in the same format, so kubectl and minikctl share it.
 */
export class Discovery {
  #data: DiscoveryData | undefined;

  constructor(
    private readonly client: RestClient,
    private readonly cacheDir: string | undefined,
    private readonly logger: Logger,
    private readonly now: () => number = Date.now,
  ) {}

  /** Cached data when fresh, otherwise fetched from the server (and cached). */
  async get(): Promise<DiscoveryData> {
    if (this.#data) return this.#data;
    const cached = this.#readCache();
    if (cached) return (this.#data = cached);
    return this.refresh();
  }

  /** Fetches everything again (after a name was not found in cached data). */
  async refresh(): Promise<DiscoveryData> {
    const data = await this.#fetch();
    this.#writeCache(data);
    this.#data = data;
    return data;
  }

  async #fetch(): Promise<DiscoveryData> {
    const [core, groups] = await Promise.all([
      this.#getDiscoveryDocument('/api', true),
      this.#getDiscoveryDocument('/apis', false),
    ]);
    const data: DiscoveryData = { groups: [], resources: new Map(), fresh: true };
    const legacyFetches: Promise<void>[] = [];
    for (const doc of [core, groups]) {
      if (!doc) continue;
      if (doc.aggregated) {
        for (const item of doc.aggregated.items) {
          const name = item.metadata.name ?? '';
          const versions = item.versions.filter((v) => v.freshness === undefined || v.freshness === 'Current');
          if (versions.length === 0) continue;
          data.groups.push({ name, versions: versions.map((v) => v.version), preferredVersion: versions[0]!.version });
          for (const version of versions) {
            const entries: ApiResourceEntry[] = [];
            for (const r of version.resources) {
              if (!r.responseKind?.kind) continue;
              entries.push(
                compact({
                  name: r.resource,
                  singularName: r.singularResource,
                  namespaced: r.scope === 'Namespaced',
                  kind: r.responseKind.kind,
                  verbs: r.verbs,
                  shortNames: r.shortNames,
                  categories: r.categories,
                }),
              );
              for (const sub of r.subresources ?? []) {
                entries.push(
                  compact({
                    name: `${r.resource}/${sub.subresource}`,
                    singularName: r.singularResource,
                    namespaced: r.scope === 'Namespaced',
                    group: sub.responseKind?.group || undefined,
                    version: sub.responseKind?.version || undefined,
                    kind: sub.responseKind?.kind ?? '',
                    verbs: sub.verbs,
                  }),
                );
              }
            }
            data.resources.set(groupVersion(name, version.version), entries);
          }
        }
      } else if (doc.legacy) {
        const legacy = doc.legacy as { versions?: string[]; groups?: { name: string; versions: { version: string }[]; preferredVersion?: { version: string } }[] };
        const listed = legacy.versions
          ? [{ name: '', versions: legacy.versions, preferredVersion: legacy.versions[0] ?? 'v1' }]
          : (legacy.groups ?? []).map((g) => ({
              name: g.name,
              versions: g.versions.map((v) => v.version),
              preferredVersion: g.preferredVersion?.version ?? g.versions[0]?.version ?? '',
            }));
        for (const group of listed) {
          // The preferred version first, as client-go orders them.
          group.versions = [group.preferredVersion, ...group.versions.filter((v) => v !== group.preferredVersion)];
          data.groups.push(group);
          for (const version of group.versions) {
            const gv = groupVersion(group.name, version);
            const path = group.name === '' ? `/api/${version}` : `/apis/${gv}`;
            legacyFetches.push(
              this.client.json<{ resources?: ApiResourceEntry[] }>({ path, query: { timeout: '32s' } }).then(
                (list) => void data.resources.set(gv, list.resources ?? []),
                () => void data.resources.set(gv, []),
              ),
            );
          }
        }
      }
    }
    await Promise.all(legacyFetches);
    return data;
  }

  async #getDiscoveryDocument(path: string, notFoundIsEmpty: boolean): Promise<{ aggregated?: APIGroupDiscoveryList; legacy?: unknown } | undefined> {
    const res = await this.client.raw({ path, query: { timeout: '32s' }, accept: aggregatedAccept });
    if (res.status === 404 && notFoundIsEmpty) return undefined;
    if (res.status < 200 || res.status > 299) {
      const { responseError } = await import('./rest-client.js');
      throw responseError(res, 'GET', undefined);
    }
    const contentType = String(res.headers['content-type'] ?? '');
    const body = JSON.parse(res.body.toString('utf8')) as unknown;
    if (contentType.includes('as=APIGroupDiscoveryList') && contentType.includes('g=apidiscovery.k8s.io')) {
      return { aggregated: body as APIGroupDiscoveryList };
    }
    return { legacy: body };
  }

  #dir(): string | undefined {
    return this.cacheDir ? discoveryCacheDir(this.cacheDir, this.client.host) : undefined;
  }

  #readFresh(path: string): unknown {
    const stat = statSync(path);
    if (this.now() - stat.mtimeMs > cacheTtlMs) return undefined;
    return JSON.parse(readFileSync(path, 'utf8'));
  }

  #readCache(): DiscoveryData | undefined {
    const dir = this.#dir();
    if (!dir) return undefined;
    try {
      const groupList = this.#readFresh(join(dir, 'servergroups.json')) as
        | { groups?: { name: string; versions: { version: string }[]; preferredVersion?: { version: string } }[] }
        | undefined;
      if (!groupList?.groups) return undefined;
      const data: DiscoveryData = { groups: [], resources: new Map(), fresh: false };
      for (const g of groupList.groups) {
        const versions = g.versions.map((v) => v.version);
        data.groups.push({ name: g.name, versions, preferredVersion: g.preferredVersion?.version ?? versions[0] ?? '' });
        for (const version of versions) {
          const gv = groupVersion(g.name, version);
          const list = this.#readFresh(join(dir, gv, 'serverresources.json')) as { resources?: ApiResourceEntry[] } | undefined;
          if (!list) return undefined;
          data.resources.set(gv, list.resources ?? []);
        }
      }
      this.logger.info(10, 'cached_discovery.go:88', `returning cached discovery info from ${join(dir, 'servergroups.json')}`);
      return data;
    } catch {
      return undefined;
    }
  }

  #writeCache(data: DiscoveryData): void {
    const dir = this.#dir();
    if (!dir) return;
    try {
      const groups = data.groups.map((g) => ({
        name: g.name,
        versions: g.versions.map((v) => ({ groupVersion: groupVersion(g.name, v), version: v })),
        preferredVersion: { groupVersion: groupVersion(g.name, g.preferredVersion), version: g.preferredVersion },
      }));
      writeAtomic(join(dir, 'servergroups.json'), JSON.stringify({ kind: 'APIGroupList', apiVersion: 'v1', groups }));
      for (const [gv, resources] of data.resources) {
        writeAtomic(
          join(dir, gv, 'serverresources.json'),
          JSON.stringify({ kind: 'APIResourceList', apiVersion: 'v1', groupVersion: gv, resources }),
        );
      }
    } catch (error) {
      this.logger.info(3, 'cached_discovery.go:106', `failed to write cache: ${(error as Error).message}`);
    }
  }
}

/** Drops undefined and empty-list fields (Go's omitempty), keeping the field order. */
function compact(entry: ApiResourceEntry): ApiResourceEntry {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(entry)) {
    if (value === undefined) continue;
    if ((key === 'shortNames' || key === 'categories') && Array.isArray(value) && value.length === 0) continue;
    out[key] = value;
  }
  return out as unknown as ApiResourceEntry;
}

function writeAtomic(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o750 });
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, text, { mode: 0o660 });
  renameSync(temp, path);
}
