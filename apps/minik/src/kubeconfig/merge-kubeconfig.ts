import { readFile } from 'node:fs/promises';
import { Document, isMap, isScalar, isSeq, parseDocument, YAMLSeq, type YAMLMap } from 'yaml';
import { exitCodes } from '../exit-codes.js';
import { writeFileAtomic } from '../fs/write-file-atomic.js';
import { MinikError } from '../minik-error.js';

/** The cluster, user and context `minik` keeps in a kubeconfig, all under one name. */
export interface KubeconfigEntry {
  name: string;
  /** API server URL. */
  server: string;
  namespace: string;
}

const namedLists = ['clusters', 'contexts', 'users'] as const;
type NamedList = (typeof namedLists)[number];

// client-go writes keys in this order; a file we create looks like one kubectl wrote.
const emptyKubeconfig = {
  apiVersion: 'v1',
  clusters: [],
  contexts: [],
  'current-context': '',
  kind: 'Config',
  preferences: {},
  users: [],
};

// kubectl's layout: sequences not indented under their key, long values (certificates) never folded.
const stringifyOptions = { indentSeq: false, lineWidth: 0 } as const;

function invalid(source: string, reason: string): MinikError {
  return new MinikError(`${source} is not a valid kubeconfig: ${reason}`, exitCodes.programConfig, [
    '💡  Fix or move the file, or point $KUBECONFIG at another one.',
  ]);
}

/** Parses kubeconfig text; empty or missing text gives an empty config. Comments and styles are kept. */
function parseKubeconfig(text: string | undefined, source: string): Document {
  if (text === undefined || text.trim() === '') return new Document(emptyKubeconfig);
  const document = parseDocument(text);
  const [firstError] = document.errors;
  if (firstError) throw invalid(source, firstError.message);
  if (document.contents === null) return new Document(emptyKubeconfig);
  if (!isMap(document.contents)) throw invalid(source, 'the top level is not a mapping');
  return document;
}

function rootOf(document: Document): YAMLMap {
  if (!isMap(document.contents)) throw new Error('kubeconfig root is not a mapping');
  return document.contents;
}

/** The named list (clusters, contexts, users), created when missing or null as kubectl leaves it. */
function listOf(document: Document, key: NamedList, source: string): YAMLSeq {
  const root = rootOf(document);
  const node: unknown = root.get(key, true);
  if (isSeq(node)) return node;
  if (node === undefined || (isScalar(node) && node.value === null)) {
    const list = new YAMLSeq();
    root.set(key, list);
    return list;
  }
  throw invalid(source, `"${key}" is not a list`);
}

function nameOf(item: unknown): unknown {
  return isMap(item) ? item.get('name') : undefined;
}

/** Replaces the entry called `name` in place (keeping its position), or appends it. */
function upsert(document: Document, key: NamedList, name: string, value: object, source: string): void {
  const list = listOf(document, key, source);
  const node = document.createNode(value);
  const index = list.items.findIndex((item) => nameOf(item) === name);
  if (index >= 0) {
    list.items[index] = node;
    return;
  }
  // `users: []` would otherwise grow into a one-line flow list.
  if (list.items.length === 0) list.flow = false;
  list.items.push(node);
}

/**
 * Merges `entry` into kubeconfig text and makes it the current context. Every other cluster,
 * context, user and top-level key stays as it was, comments included. Pure: text in, text out.
 */
export function mergeKubeconfig(
  text: string | undefined,
  entry: KubeconfigEntry,
  source = 'kubeconfig',
): string {
  const document = parseKubeconfig(text, source);
  const { name } = entry;
  // client-node refuses plain http:// servers unless TLS verification is off; kubectl ignores it there.
  upsert(document, 'clusters', name, { cluster: { server: entry.server, 'insecure-skip-tls-verify': true }, name }, source);
  upsert(
    document,
    'contexts',
    name,
    { context: { cluster: name, namespace: entry.namespace, user: name }, name },
    source,
  );
  // The API server speaks plain HTTP and checks no credentials.
  upsert(document, 'users', name, { name, user: {} }, source);
  rootOf(document).set('current-context', name);
  return document.toString(stringifyOptions);
}

/**
 * Removes the cluster, context and user called `name`; clears current-context when it pointed at
 * that context (what minikube delete does). Returns the text unchanged when none was present.
 */
export function removeFromKubeconfig(text: string, name: string, source = 'kubeconfig'): string {
  if (text.trim() === '') return text;
  const document = parseKubeconfig(text, source);
  const root = rootOf(document);
  let changed = false;
  for (const key of namedLists) {
    const list: unknown = root.get(key, true);
    if (!isSeq(list)) continue;
    const kept = list.items.filter((item) => nameOf(item) !== name);
    if (kept.length !== list.items.length) {
      list.items = kept;
      changed = true;
    }
  }
  if (root.get('current-context') === name) {
    root.set('current-context', '');
    changed = true;
  }
  return changed ? document.toString(stringifyOptions) : text;
}

/** The server URL of the cluster called `name`, if the kubeconfig has one. */
export function kubeconfigServer(text: string | undefined, name: string): string | undefined {
  if (text === undefined) return undefined;
  const document = parseDocument(text);
  if (document.errors.length > 0 || !isMap(document.contents)) return undefined;
  const clusters: unknown = document.contents.get('clusters', true);
  if (!isSeq(clusters)) return undefined;
  const entry = clusters.items.find((item) => nameOf(item) === name);
  const server: unknown = isMap(entry) ? entry.getIn(['cluster', 'server']) : undefined;
  return typeof server === 'string' ? server : undefined;
}

/** Reads a kubeconfig file; undefined when it does not exist. */
export async function readKubeconfigFile(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * Rewrites a kubeconfig file through `update`, atomically; creates file and directory when
 * missing (mode 0600, as kubectl does) and skips the write when nothing changed (or `update`
 * returns undefined).
 */
export async function updateKubeconfigFile(
  path: string,
  update: (text: string | undefined) => string | undefined,
): Promise<void> {
  const before = await readKubeconfigFile(path);
  const after = update(before);
  if (after !== undefined && after !== before) await writeFileAtomic(path, after, { mode: 0o600 });
}
