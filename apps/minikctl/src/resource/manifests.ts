import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { builtinSchemas, firstMetadataTypeError, jsonTypeErrorMessage } from '@minik/types';
import { CliError } from '../cli/cli-error.js';

/** One object read from `-f`, with where it came from (for `error when creating "x.yaml"`). */
export interface Manifest {
  source: string;
  object: Record<string, unknown>;
}

const extensions = new Set(['.json', '.yaml', '.yml']);

async function readStdin(stdin: NodeJS.ReadableStream | undefined): Promise<string> {
  if (!stdin) return '';
  const chunks: Buffer[] = [];
  for await (const chunk of stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

function filesIn(dir: string, recursive: boolean): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (recursive) out.push(...filesIn(path, recursive));
    } else if (extensions.has(extname(entry.name))) out.push(path);
  }
  return out;
}

/** Parses one source's text: JSON, or YAML with several `---` documents; `kind: List` items are expanded. */
export async function parseManifests(text: string, source: string): Promise<Manifest[]> {
  let documents: unknown[];
  const trimmed = text.trimStart();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      documents = [JSON.parse(text)];
    } catch (error) {
      throw new CliError(`error parsing ${source}: ${(error as Error).message}`);
    }
  } else {
    const { parseAllDocuments } = await (await import('../client/load-yaml.js')).loadYaml();
    documents = [];
    for (const doc of parseAllDocuments(text, { version: '1.1' })) {
      if (doc.errors.length > 0) throw new CliError(`error parsing ${source}: error converting YAML to JSON: yaml: ${doc.errors[0]!.message}`);
      documents.push(doc.toJSON());
    }
  }
  const out: Manifest[] = [];
  const add = (obj: unknown): void => {
    if (obj === null || obj === undefined) return;
    if (typeof obj !== 'object' || Array.isArray(obj)) throw new CliError(`error validating "${source}": error validating data: invalid object`);
    const record = obj as Record<string, unknown>;
    if (Object.keys(record).length === 0) return;
    if (typeof record['kind'] === 'string' && record['kind'].endsWith('List') && Array.isArray(record['items'])) {
      for (const item of record['items']) add(item);
      return;
    }
    if (!record['apiVersion'] || !record['kind']) {
      const missing = !record['apiVersion'] ? 'apiVersion' : 'kind';
      throw new CliError(`error validating "${source}": error validating data: ${missing} not set`);
    }
    // kubectl decodes each object's metadata as ObjectMeta before sending it.
    const typeError = firstMetadataTypeError(record['metadata'], builtinSchemas);
    if (typeError) throw new CliError(`unable to decode "${source}": ${jsonTypeErrorMessage(typeError)}`);
    out.push({ source, object: record });
  };
  for (const d of documents) add(d);
  return out;
}

/** Reads `-f` arguments: files, directories (`-R` to descend), `-` for stdin, and http(s) URLs. */
export async function readManifests(filenames: readonly string[], options: { recursive: boolean; stdin?: NodeJS.ReadableStream }): Promise<Manifest[]> {
  const out: Manifest[] = [];
  for (const name of filenames) {
    if (name === '-') {
      out.push(...(await parseManifests(await readStdin(options.stdin), 'STDIN')));
      continue;
    }
    if (/^https?:\/\//.test(name)) {
      const res = await fetch(name);
      if (!res.ok) throw new CliError(`unable to read URL "${name}", server reported ${res.status} ${res.statusText}, status code=${res.status}`);
      out.push(...(await parseManifests(await res.text(), name)));
      continue;
    }
    let stat;
    try {
      stat = statSync(name);
    } catch {
      throw new CliError(`the path "${name}" does not exist`);
    }
    const files = stat.isDirectory() ? filesIn(name, options.recursive) : [name];
    for (const file of files) out.push(...(await parseManifests(readFileSync(file, 'utf8'), file)));
  }
  if (filenames.length > 0 && out.length === 0) throw new CliError('no objects passed to apply');
  return out;
}
