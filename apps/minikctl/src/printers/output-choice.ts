/** What `-o`/`--template` asked for. */
export interface OutputChoice {
  /** `''` (table), `wide`, `json`, `yaml`, `name`, `go-template`, `jsonpath`, `jsonpath-as-json`, `custom-columns`, … */
  format: string;
  /** The template or column spec (after `=`, or from --template / the file). */
  template?: string;
}

/** Splits `-o format=template` and applies `--template` the way kubectl's PrintFlags do. */
export function parseOutputFlag(output: string, templateFlag: string): OutputChoice {
  const eq = output.indexOf('=');
  let format = eq >= 0 ? output.slice(0, eq) : output;
  let template = eq >= 0 ? output.slice(eq + 1) : undefined;
  if (format === '' && templateFlag !== '') format = 'go-template';
  if (template === undefined && templateFlag !== '') template = templateFlag;
  if (format === 'template') format = 'go-template';
  if (format === 'templatefile') format = 'go-template-file';
  return { format, template };
}

/** Whether the choice is kubectl's human-readable (Table) output. */
export function isHumanReadable(choice: OutputChoice): boolean {
  return choice.format === '' || choice.format === 'wide';
}
