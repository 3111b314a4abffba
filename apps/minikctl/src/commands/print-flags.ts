import type { FlagSet } from '../cli/flag-set.js';
import { parseOutputFlag, type OutputChoice } from '../printers/output-choice.js';

/** The output flags kubectl's PrintFlags add (`-o`, `--template`, template and managed-fields options). */
export function addPrintFlags(f: FlagSet, outputUsage: string): void {
  f.bool(
    'allow-missing-template-keys',
    undefined,
    true,
    'If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats.',
  )
    .string('output', 'o', '', outputUsage)
    .bool('show-managed-fields', undefined, false, 'If true, keep the managedFields when printing objects in JSON or YAML format.')
    .string(
      'template',
      undefined,
      '',
      'Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview].',
    );
}

/** The output choice from `-o` and `--template`. */
export function outputChoice(f: FlagSet): OutputChoice {
  return parseOutputFlag(f.getString('output'), f.getString('template'));
}
