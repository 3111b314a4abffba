import { readFileSync } from 'node:fs';
import { CliError } from '../cli/cli-error.js';
import type { Output } from '../cli/command.js';
import { goJsonStringify } from './go-json.js';
import { goYamlStringify } from './go-yaml.js';
import type { OutputChoice } from './output-choice.js';

export { isHumanReadable, parseOutputFlag, type OutputChoice } from './output-choice.js';

/** A printer for whole objects (everything but the human-readable table). */
export interface ResourcePrinter {
  /** Prints an object or a List. */
  print(obj: Record<string, unknown>, out: Output): void;
  /** Flushes anything buffered (custom columns align across objects). */
  flush?(out: Output): void;
}

const allowedFormats =
  'custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml';

function readTemplateFile(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new CliError(`error reading --template ${path}, ${(error as Error).message}`);
  }
}

/** kubectl drops managedFields from what it prints unless --show-managed-fields. */
export function withoutManagedFields(obj: Record<string, unknown>): Record<string, unknown> {
  const strip = (o: Record<string, unknown>): Record<string, unknown> => {
    const meta = o['metadata'];
    if (!meta || typeof meta !== 'object' || !('managedFields' in meta)) return o;
    const { managedFields: _, ...rest } = meta as Record<string, unknown>;
    return { ...o, metadata: rest };
  };
  const out = strip(obj);
  if (Array.isArray(out['items'])) out['items'] = (out['items'] as Record<string, unknown>[]).map(strip);
  return out;
}

/** The kubectl NamePrinter: `pod/web`, `deployment.apps/web` (with an operation: `pod/web created`). */
export function namePrinter(operation?: string): ResourcePrinter {
  return {
    print(obj, out) {
      const items = Array.isArray(obj['items']) ? (obj['items'] as Record<string, unknown>[]) : [obj];
      for (const item of items) {
        const kind = String(item['kind'] ?? '').toLowerCase();
        const apiVersion = String(item['apiVersion'] ?? '');
        const group = apiVersion.includes('/') ? apiVersion.split('/')[0]! : '';
        const name = String((item['metadata'] as { name?: string } | undefined)?.name ?? '');
        const prefix = kind === '' ? '' : group ? `${kind}.${group}/` : `${kind}/`;
        out.write(operation ? `${prefix}${name} ${operation}\n` : `${prefix}${name}\n`);
      }
    },
  };
}

/** Options shared by the template and column printers. */
export interface PrinterOptions {
  noHeaders?: boolean;
  /** Print JSON in Go struct order (typed objects) rather than sorted (unstructured objects). */
  typedJson?: boolean;
  /** `--allow-missing-template-keys` (default true). */
  allowMissingKeys?: boolean;
  showManagedFields?: boolean;
}

/**
 * Builds the printer for a non-table output format, or throws kubectl's error for an unknown one.
 * Heavy printers (templates, JSONPath) are loaded only when asked for.
 */
export async function createResourcePrinter(choice: OutputChoice, options: PrinterOptions = {}): Promise<ResourcePrinter> {
  const strip = (p: ResourcePrinter): ResourcePrinter =>
    options.showManagedFields ? p : { print: (obj, out) => p.print(withoutManagedFields(obj), out), flush: p.flush?.bind(p) };
  switch (choice.format) {
    case 'json':
      if (options.typedJson) {
        const { typedJson } = await import('./typed-json.js');
        return strip({ print: (obj, out) => out.write(`${typedJson(obj)}\n`) });
      }
      return strip({ print: (obj, out) => out.write(`${goJsonStringify(obj)}\n`) });
    case 'yaml': {
      let count = 0;
      return strip({
        print: (obj, out) => {
          if (count++ > 0) out.write('---\n');
          out.write(goYamlStringify(obj));
        },
      });
    }
    case 'name':
      return namePrinter();
    case 'go-template':
    case 'go-template-file': {
      if (!choice.template) throw new CliError('template format specified but no template given');
      const text = choice.format === 'go-template-file' ? readTemplateFile(choice.template) : choice.template;
      const { goTemplatePrinter } = await import('./template-printers.js');
      return strip(goTemplatePrinter(text, options.allowMissingKeys ?? true));
    }
    case 'jsonpath':
    case 'jsonpath-file':
    case 'jsonpath-as-json': {
      if (!choice.template) throw new CliError('template format specified but no template given');
      const text = choice.format === 'jsonpath-file' ? readTemplateFile(choice.template) : choice.template;
      const { jsonPathPrinter } = await import('./template-printers.js');
      return strip(jsonPathPrinter(text, options.allowMissingKeys ?? true, choice.format === 'jsonpath-as-json'));
    }
    case 'custom-columns':
    case 'custom-columns-file': {
      const { customColumnsPrinter, parseCustomColumnsFile } = await import('./custom-columns-printer.js');
      if (choice.format === 'custom-columns-file') {
        if (!choice.template) throw new CliError('custom-columns-file format specified but no custom columns file given');
        return customColumnsPrinter(parseCustomColumnsFile(readTemplateFile(choice.template)), options.noHeaders ?? false);
      }
      if (!choice.template) throw new CliError('custom-columns format specified but no custom columns given');
      const { parseCustomColumns } = await import('./custom-columns-printer.js');
      return customColumnsPrinter(parseCustomColumns(choice.template), options.noHeaders ?? false);
    }
    default:
      throw new CliError(`unable to match a printer suitable for the output format "${choice.format}", allowed formats are: ${allowedFormats}`);
  }
}
