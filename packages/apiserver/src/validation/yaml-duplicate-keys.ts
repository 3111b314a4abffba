import { isMap, isScalar, LineCounter, parseAllDocuments, visit } from 'yaml';

/**
 * Duplicate mapping keys of a YAML body, in the words of upstream's YAMLToJSONStrict (go-yaml):
 * `error converting YAML to JSON: yaml: unmarshal errors:\n  line 4: key "name" already set in map`.
 * Undefined when there are none (or the text is not YAML at all).
 */
export function yamlDuplicateKeys(text: string): string | undefined {
  const lineCounter = new LineCounter();
  let docs;
  try {
    docs = parseAllDocuments(text, { lineCounter, uniqueKeys: false });
  } catch {
    return undefined;
  }
  if (!Array.isArray(docs)) return undefined;
  const lines: string[] = [];
  for (const doc of docs) {
    visit(doc, {
      Map(_, map) {
        if (!isMap(map)) return;
        const seen = new Set<string>();
        for (const pair of map.items) {
          if (!isScalar(pair.key)) continue;
          const key = String(pair.key.value);
          if (seen.has(key)) {
            const offset = pair.key.range?.[0] ?? 0;
            lines.push(`  line ${lineCounter.linePos(offset).line}: key ${JSON.stringify(key)} already set in map`);
          }
          seen.add(key);
        }
      },
    });
  }
  return lines.length > 0 ? `error converting YAML to JSON: yaml: unmarshal errors:\n${lines.join('\n')}` : undefined;
}

/**
 * The warnings one strict error becomes under fieldValidation=Warn: a YAML duplicate-keys error
 * yields one warning per line (upstream's parseYAMLWarnings), anything else itself.
 */
export function strictErrorWarnings(message: string): string[] {
  for (const prefix of ['error converting YAML to JSON: yaml: unmarshal errors:\n', 'yaml: unmarshal errors:\n']) {
    if (message.startsWith(prefix)) {
      return message
        .slice(prefix.length)
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line !== '');
    }
  }
  return [message];
}
