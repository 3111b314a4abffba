import { CliError } from '../cli/cli-error.js';
import type { Output } from '../cli/command.js';
import { goSprint } from './go-format.js';
import { JsonPath, relaxedJsonPathExpression } from './jsonpath/jsonpath.js';
import type { ResourcePrinter } from './resource-printer.js';
import { TabWriter } from './tab-writer.js';

/** One `HEADER:.json.path` column. */
export interface CustomColumn {
  header: string;
  fieldSpec: string;
}

/** Parses `-o custom-columns=NAME:.metadata.name,IMAGE:.spec.containers[0].image`. */
export function parseCustomColumns(spec: string): CustomColumn[] {
  if (spec.length === 0) throw new CliError('custom-columns format specified but no custom columns given');
  return spec.split(',').map((part) => {
    const colon = part.indexOf(':');
    if (colon < 0) throw new CliError(`unexpected custom-columns spec: ${part}, expected <header>:<json-path-expr>`);
    const header = part.slice(0, colon);
    let fieldSpec: string;
    try {
      fieldSpec = relaxedJsonPathExpression(part.slice(colon + 1));
    } catch (error) {
      throw new CliError((error as Error).message);
    }
    return { header, fieldSpec };
  });
}

/** A custom-columns file: a header line and a line of JSONPath expressions, whitespace separated. */
export function parseCustomColumnsFile(text: string): CustomColumn[] {
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  if (lines.length !== 2) throw new CliError(`unexpected lines in custom columns file: ${lines.length}, expected 2`);
  const headers = lines[0]!.trim().split(/\s+/);
  const specs = lines[1]!.trim().split(/\s+/);
  if (headers.length !== specs.length) {
    throw new CliError(`number of headers (${headers.length}) and field specifications (${specs.length}) don't match`);
  }
  return headers.map((header, i) => ({ header, fieldSpec: relaxedJsonPathExpression(specs[i]!) }));
}

/** kubectl's CustomColumnsPrinter: one tab-aligned row per object, `<none>` for nothing found. */
export function customColumnsPrinter(columns: CustomColumn[], noHeaders: boolean): ResourcePrinter {
  const paths = columns.map((c) => new JsonPath(c.fieldSpec, true));
  let writer: TabWriter | undefined;
  let headerPrinted = false;
  const row = (obj: unknown): string =>
    paths
      .map((path) => {
        const values = path.results(obj);
        const strings: string[] = [];
        if (values.length === 0 || values[0]!.length === 0) strings.push('<none>');
        for (const group of values) for (const v of group) strings.push(escapeTerminal(goSprint(v)));
        return strings.join(',');
      })
      .join('\t');
  return {
    print(obj, out: Output) {
      writer ??= new TabWriter(out);
      if (!noHeaders && !headerPrinted) {
        writer.write(`${columns.map((c) => c.header).join('\t')}\n`);
        headerPrinted = true;
      }
      const items = Array.isArray(obj['items']) ? (obj['items'] as unknown[]) : [obj];
      for (const item of items) writer.write(`${row(item)}\n`);
      writer.flush();
    },
  };
}

function escapeTerminal(text: string): string {
  return text.replace(/\x1b/g, '^[').replace(/\r/g, '\\r');
}
