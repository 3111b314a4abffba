import { UsageError } from './cli-error.js';

/** The value kinds kubectl's flags have (spf13/pflag types). */
export type FlagType = 'bool' | 'string' | 'int' | 'duration' | 'stringArray' | 'stringSlice';

/** One flag, as pflag describes it. */
export interface FlagDef {
  name: string;
  shorthand?: string;
  type: FlagType;
  default: boolean | string | number | string[];
  usage: string;
  /** Value used when the flag is given without `=value` (pflag's NoOptDefVal), e.g. `--dry-run`. */
  noOptDefault?: string;
  hidden?: boolean;
  /** Printed as `Flag --x has been deprecated, <text>` when used. */
  deprecated?: string;
}

type FlagValue = boolean | string | number | string[];

/**
 * A set of flags with pflag's grammar: `--name=value`, `--name value`, `-n value`, `-nvalue`,
 * `-n=value`, grouped boolean shorthands (`-wA`), `--bool=false`, and `--` ending flag parsing.
 */
export class FlagSet {
  readonly #defs = new Map<string, FlagDef>();
  readonly #short = new Map<string, FlagDef>();
  readonly #values = new Map<string, FlagValue>();
  readonly #changed = new Set<string>();

  /** Declares a flag; a later declaration of the same name replaces the earlier one. */
  add(def: FlagDef): this {
    this.#defs.set(def.name, def);
    if (def.shorthand) this.#short.set(def.shorthand, def);
    return this;
  }

  bool(name: string, shorthand: string | undefined, def: boolean, usage: string): this {
    return this.add({ name, shorthand, type: 'bool', default: def, usage });
  }

  string(name: string, shorthand: string | undefined, def: string, usage: string): this {
    return this.add({ name, shorthand, type: 'string', default: def, usage });
  }

  int(name: string, shorthand: string | undefined, def: number, usage: string): this {
    return this.add({ name, shorthand, type: 'int', default: def, usage });
  }

  /** A Go duration (`30s`, `5m0s`); read back in milliseconds. */
  duration(name: string, shorthand: string | undefined, defMs: number, usage: string): this {
    return this.add({ name, shorthand, type: 'duration', default: defMs, usage });
  }

  /** A repeatable flag; each use adds one value (pflag StringArray). */
  stringArray(name: string, shorthand: string | undefined, def: string[], usage: string): this {
    return this.add({ name, shorthand, type: 'stringArray', default: def, usage });
  }

  /** A repeatable flag whose values are also split on commas (pflag StringSlice). */
  stringSlice(name: string, shorthand: string | undefined, def: string[], usage: string): this {
    return this.add({ name, shorthand, type: 'stringSlice', default: def, usage });
  }

  lookup(name: string): FlagDef | undefined {
    return this.#defs.get(name);
  }

  lookupShort(shorthand: string): FlagDef | undefined {
    return this.#short.get(shorthand);
  }

  /** Every declared flag, sorted by name as kubectl's help lists them. */
  definitions(): FlagDef[] {
    return [...this.#defs.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  /** Whether the user set the flag (pflag's `Changed`). */
  changed(name: string): boolean {
    return this.#changed.has(name);
  }

  getBool(name: string): boolean {
    return this.#get(name, 'bool') as boolean;
  }

  getString(name: string): string {
    return this.#get(name, 'string') as string;
  }

  getInt(name: string): number {
    return this.#get(name, 'int') as number;
  }

  /** A duration flag's value in milliseconds. */
  getDuration(name: string): number {
    return this.#get(name, 'duration') as number;
  }

  getStrings(name: string): string[] {
    const def = this.#defs.get(name);
    if (!def || (def.type !== 'stringArray' && def.type !== 'stringSlice')) throw new Error(`flag accessed but not defined: ${name}`);
    return [...((this.#values.get(name) ?? def.default) as string[])];
  }

  #get(name: string, type: FlagType): FlagValue {
    const def = this.#defs.get(name);
    if (!def || def.type !== type) throw new Error(`flag accessed but not defined: ${name}`);
    return this.#values.get(name) ?? def.default;
  }

  /** Sets a flag from its text form, as the parser does. */
  set(def: FlagDef, text: string): void {
    switch (def.type) {
      case 'bool': {
        const value = parseGoBool(text);
        if (value === undefined) {
          throw new UsageError(`invalid argument "${text}" for "${shortAndLong(def)}" flag: strconv.ParseBool: parsing "${text}": invalid syntax`);
        }
        this.#values.set(def.name, value);
        break;
      }
      case 'int': {
        if (!/^[+-]?(0|[1-9][0-9]*|0[xX][0-9a-fA-F]+|0[0-7]+)$/.test(text)) {
          throw new UsageError(`invalid argument "${text}" for "${shortAndLong(def)}" flag: strconv.ParseInt: parsing "${text}": invalid syntax`);
        }
        this.#values.set(def.name, Number(text));
        break;
      }
      case 'duration': {
        const ms = parseGoDuration(text);
        if (ms === undefined) {
          throw new UsageError(`invalid argument "${text}" for "${shortAndLong(def)}" flag: time: invalid duration "${text}"`);
        }
        this.#values.set(def.name, ms);
        break;
      }
      case 'string':
        this.#values.set(def.name, text);
        break;
      case 'stringArray':
      case 'stringSlice': {
        const previous = this.#changed.has(def.name) ? ((this.#values.get(def.name) as string[] | undefined) ?? []) : [];
        const added = def.type === 'stringSlice' ? splitCsv(text) : [text];
        this.#values.set(def.name, [...previous, ...added]);
        break;
      }
    }
    this.#changed.add(def.name);
  }
}

/** `-o, --output` as pflag names a flag in its error messages. */
function shortAndLong(def: FlagDef): string {
  return def.shorthand ? `-${def.shorthand}, --${def.name}` : `--${def.name}`;
}

/** Go's strconv.ParseBool. */
export function parseGoBool(text: string): boolean | undefined {
  if (['1', 't', 'T', 'true', 'TRUE', 'True'].includes(text)) return true;
  if (['0', 'f', 'F', 'false', 'FALSE', 'False'].includes(text)) return false;
  return undefined;
}

/** pflag splits StringSlice values as CSV records (quotes allowed). */
function splitCsv(text: string): string[] {
  if (text === '') return [];
  const out: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        current += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else current += ch;
    } else if (ch === '"' && current === '') quoted = true;
    else if (ch === ',') {
      out.push(current);
      current = '';
    } else current += ch;
  }
  out.push(current);
  return out;
}

/** The default of a flag as kubectl's help prints it: `=false`, `=''`, `=[]`, `=0`. */
export function formatDefault(def: FlagDef): string {
  switch (def.type) {
    case 'bool':
    case 'int':
      return String(def.default);
    case 'duration':
      return formatGoDuration(def.default as number);
    case 'string':
      return `'${String(def.default)}'`;
    case 'stringArray':
    case 'stringSlice':
      return `[${(def.default as string[]).join(',')}]`;
  }
}

const durationUnits: Record<string, number> = { ns: 1e-6, us: 1e-3, 'µs': 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** Go's time.ParseDuration, in milliseconds (`1h30m`, `2.5s`, `0`). */
export function parseGoDuration(text: string): number | undefined {
  let rest = text;
  let sign = 1;
  if (rest.startsWith('-') || rest.startsWith('+')) {
    if (rest.startsWith('-')) sign = -1;
    rest = rest.slice(1);
  }
  if (rest === '0') return 0;
  if (rest === '') return undefined;
  let total = 0;
  while (rest !== '') {
    const m = /^([0-9]*(?:\.[0-9]*)?)(ns|us|µs|ms|s|m|h)/.exec(rest);
    if (!m || m[1] === '' || m[1] === '.') return undefined;
    total += Number(m[1]) * durationUnits[m[2]!]!;
    rest = rest.slice(m[0].length);
  }
  return sign * total;
}

/** Go's time.Duration.String for whole milliseconds: `0s`, `30s`, `5m0s`, `1h0m0s`, `1.5s`. */
export function formatGoDuration(ms: number): string {
  if (ms === 0) return '0s';
  const sign = ms < 0 ? '-' : '';
  let rest = Math.abs(ms);
  if (rest < 1000) return `${sign}${rest}ms`;
  const hours = Math.floor(rest / 3_600_000);
  rest -= hours * 3_600_000;
  const minutes = Math.floor(rest / 60_000);
  rest -= minutes * 60_000;
  const seconds = rest / 1000;
  let out = `${seconds}s`;
  if (hours > 0 || minutes > 0) out = `${minutes}m${out}`;
  if (hours > 0) out = `${hours}h${out}`;
  return sign + out;
}
