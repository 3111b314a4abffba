import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { CliError } from '../cli/cli-error.js';
import { parseBlockYaml, UnsupportedYaml } from './block-yaml.js';

/** A kubeconfig `clusters[].cluster`. */
export interface KubeCluster {
  server?: string;
  'certificate-authority'?: string;
  'certificate-authority-data'?: string;
  'insecure-skip-tls-verify'?: boolean;
  'tls-server-name'?: string;
  'proxy-url'?: string;
  [key: string]: unknown;
}

/** A kubeconfig `users[].user`. */
export interface KubeUser {
  token?: string;
  tokenFile?: string;
  username?: string;
  password?: string;
  'client-certificate'?: string;
  'client-certificate-data'?: string;
  'client-key'?: string;
  'client-key-data'?: string;
  exec?: ExecConfig;
  [key: string]: unknown;
}

/** A client-go credential plugin (`users[].user.exec`). */
export interface ExecConfig {
  command: string;
  args?: string[];
  env?: { name: string; value: string }[];
  apiVersion?: string;
  [key: string]: unknown;
}

/** A kubeconfig `contexts[].context`. */
export interface KubeContext {
  cluster?: string;
  user?: string;
  namespace?: string;
  [key: string]: unknown;
}

interface Named<T> {
  name: string;
  value: T;
}

/** The merged kubeconfig: named entries in the order first seen, plus where each came from. */
export interface Kubeconfig {
  clusters: Named<KubeCluster>[];
  users: Named<KubeUser>[];
  contexts: Named<KubeContext>[];
  currentContext: string;
  preferences: Record<string, unknown>;
  /** The files read, in precedence order. */
  files: string[];
  /** The file a kubeconfig edit (`config use-context`) writes to. */
  destination: string;
}

/** Where kubeconfigs come from: `--kubeconfig`, else `$KUBECONFIG` (several paths), else `~/.kube/config`. */
export interface KubeconfigSources {
  explicitPath?: string;
  env: Readonly<Record<string, string | undefined>>;
  homeDir: string;
}

/** The list of files client-go's loading rules consider, in precedence order. */
export function kubeconfigPaths(sources: KubeconfigSources): { paths: string[]; explicit: boolean } {
  if (sources.explicitPath) return { paths: [sources.explicitPath], explicit: true };
  const fromEnv = sources.env['KUBECONFIG'];
  if (fromEnv !== undefined && fromEnv !== '') {
    const separator = process.platform === 'win32' ? ';' : ':';
    const seen = new Set<string>();
    const paths = fromEnv.split(separator).filter((p) => p !== '' && !seen.has(p) && seen.add(p));
    return { paths, explicit: false };
  }
  return { paths: [join(sources.homeDir, '.kube', 'config')], explicit: false };
}

/** Parses one kubeconfig's text (YAML or JSON). */
export async function parseKubeconfigText(text: string, path: string): Promise<Record<string, unknown>> {
  let parsed: unknown;
  const trimmed = text.trimStart();
  try {
    if (trimmed.startsWith('{')) parsed = JSON.parse(text);
    else parsed = parseBlockYaml(text);
  } catch (error) {
    if (!(error instanceof UnsupportedYaml) && !(error instanceof SyntaxError)) throw error;
    const { parse } = await (await import('./load-yaml.js')).loadYaml();
    try {
      parsed = parse(text);
    } catch (yamlError) {
      throw new CliError(`error loading config file "${path}": ${(yamlError as Error).message}`);
    }
  }
  if (parsed === null || parsed === undefined) return {};
  if (typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new CliError(`error loading config file "${path}": couldn't get version/kind; json parse error: the document is not a mapping`);
  }
  return parsed as Record<string, unknown>;
}

/** File paths inside a kubeconfig are relative to the file that names them (client-go ResolvePaths). */
function resolvePaths<T extends Record<string, unknown>>(entry: T, keys: readonly string[], base: string): T {
  const out: Record<string, unknown> = { ...entry };
  for (const key of keys) {
    const value = out[key];
    if (typeof value === 'string' && value !== '' && !isAbsolute(value)) out[key] = resolve(base, value);
  }
  return out as T;
}

function namedList<T extends Record<string, unknown>>(raw: unknown, field: string, pathKeys: readonly string[], base: string): Named<T>[] {
  if (!Array.isArray(raw)) return [];
  const out: Named<T>[] = [];
  for (const item of raw) {
    if (typeof item !== 'object' || item === null) continue;
    const record = item as Record<string, unknown>;
    const name = record['name'];
    if (typeof name !== 'string') continue;
    const value = (record[field] ?? {}) as T;
    out.push({ name, value: resolvePaths(value, pathKeys, base) });
  }
  return out;
}

/**
 * Loads and merges kubeconfig files as client-go does: for every named cluster, user and
 * context and for `current-context`, the first file that sets it wins; missing files in
 * $KUBECONFIG are skipped, a missing `--kubeconfig` file is an error.
 */
export async function loadKubeconfig(sources: KubeconfigSources): Promise<Kubeconfig> {
  const { paths, explicit } = kubeconfigPaths(sources);
  const merged: Kubeconfig = {
    clusters: [],
    users: [],
    contexts: [],
    currentContext: '',
    preferences: {},
    files: [],
    destination: paths[0] ?? join(sources.homeDir, '.kube', 'config'),
  };
  for (const path of paths) {
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT' && !explicit) continue;
      throw new CliError(`stat ${path}: no such file or directory`);
    }
    merged.files.push(path);
    const doc = await parseKubeconfigText(text, path);
    const base = dirname(resolve(path));
    const add = <T>(target: Named<T>[], items: Named<T>[]): void => {
      for (const item of items) if (!target.some((t) => t.name === item.name)) target.push(item);
    };
    add(merged.clusters, namedList<KubeCluster>(doc['clusters'], 'cluster', ['certificate-authority'], base));
    add(merged.users, namedList<KubeUser>(doc['users'], 'user', ['client-certificate', 'client-key', 'tokenFile'], base));
    add(merged.contexts, namedList<KubeContext>(doc['contexts'], 'context', [], base));
    const current = doc['current-context'];
    if (merged.currentContext === '' && typeof current === 'string') merged.currentContext = current;
  }
  // client-go writes edits to the first existing file of $KUBECONFIG, else the last one listed.
  if (!explicit && merged.files.length > 0) merged.destination = merged.files[0]!;
  else if (!explicit && paths.length > 0) merged.destination = paths[paths.length - 1]!;
  return merged;
}

/** Finds a named entry. */
export function findNamed<T>(list: readonly Named<T>[], name: string): T | undefined {
  return list.find((entry) => entry.name === name)?.value;
}
