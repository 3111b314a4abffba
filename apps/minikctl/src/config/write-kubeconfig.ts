import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Changes one top-level field of a kubeconfig file in place, keeping its comments and layout
 * (kubectl rewrites the file; minikctl edits only what changed).
 */
export async function setKubeconfigField(path: string, key: string, value: string): Promise<void> {
  const { parseDocument, Document } = await (await import('../client/load-yaml.js')).loadYaml();
  let text = '';
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    // a new file
  }
  const doc = text.trim() === '' ? new Document({ apiVersion: 'v1', clusters: null, contexts: null, 'current-context': '', kind: 'Config', preferences: {}, users: null }) : parseDocument(text);
  doc.set(key, value);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, doc.toString({ indentSeq: false, lineWidth: 0 }), { mode: 0o600 });
}
