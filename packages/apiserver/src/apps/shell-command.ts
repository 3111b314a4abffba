/**
 * A very small interpreter for the commands people give busybox-like containers
 * (`sleep 3600`, `sh -c "echo hi; sleep 5; exit 1"`, `while true; do echo tick; sleep 1; done`),
 * so such containers log, run and exit as they would. Anything it does not understand is
 * reported as not interpretable and the container simply keeps running.
 */
import { perlOutput } from './perl-one-liner.js';

/** What a command does over time. */
export interface CommandPlan {
  /** Lines written to stdout, each at its offset from the start (ms). */
  readonly output: readonly { readonly atMs: number; readonly line: string }[];
  /** When the command ends on its own; undefined when it runs until stopped. */
  readonly exit?: { readonly afterMs: number; readonly exitCode: number };
  /** A loop that keeps printing: these lines every `everyMs` after `startMs`. */
  readonly repeat?: { readonly startMs: number; readonly everyMs: number; readonly lines: readonly string[] };
}

const shells = new Set(['sh', 'bash', 'ash', 'dash', 'zsh']);
const simpleCommands = new Set(['sleep', 'echo', 'true', 'false', 'exit', 'date', 'env', 'printenv', 'hostname', 'tail', 'cat', ':', 'printf', 'perl']);

const basename = (path: string): string => path.slice(path.lastIndexOf('/') + 1);

/** Whether argv[0] is something the interpreter knows (a shell or a simple command). */
export function isInterpretable(argv: readonly string[]): boolean {
  const first = argv[0];
  if (first === undefined) return false;
  const name = basename(first);
  return shells.has(name) || simpleCommands.has(name);
}

/** Seconds as `sleep` reads them: `5`, `0.5`, `2m`, `1h`, `infinity`. */
function sleepMs(arg: string | undefined): number | undefined {
  if (arg === undefined) return 0;
  if (arg === 'infinity' || arg === 'inf') return Infinity;
  const m = /^(\d+(?:\.\d+)?)([smhd]?)$/.exec(arg);
  if (!m) return undefined;
  const unit = { '': 1, s: 1, m: 60, h: 3600, d: 86400 }[m[2] as '' | 's' | 'm' | 'h' | 'd'];
  return Number(m[1]) * unit * 1000;
}

/** Splits a shell word list, honouring single and double quotes. */
function words(text: string): string[] | undefined {
  const out: string[] = [];
  let current = '';
  let quote: '"' | "'" | undefined;
  let started = false;
  for (const ch of text) {
    if (quote) {
      if (ch === quote) quote = undefined;
      else current += ch;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      started = true;
    } else if (/\s/.test(ch)) {
      if (started || current !== '') out.push(current);
      current = '';
      started = false;
    } else {
      current += ch;
      started = true;
    }
  }
  if (quote) return undefined;
  if (started || current !== '') out.push(current);
  return out;
}

/** `$VAR` and `${VAR}` from the environment. */
function expand(word: string, env: Readonly<Record<string, string>>): string {
  return word.replace(/\$\{(\w+)\}|\$(\w+)/g, (_, a: string | undefined, b: string | undefined) => env[a ?? b ?? ''] ?? '');
}

interface Step {
  argv: string[];
  /** How this step joins the previous one. */
  join: ';' | '&&' | '||';
}

/** Splits a script into simple commands joined by `;`, `&&`, `||` and newlines (no pipes, no subshells). */
function steps(script: string): Step[] | undefined {
  const out: Step[] = [];
  let join: Step['join'] = ';';
  for (const part of script.split(/(;|&&|\|\||\n)/)) {
    if (part === ';' || part === '\n') join = ';';
    else if (part === '&&' || part === '||') join = part;
    else {
      if (/[|<>`(){}]/.test(part.replace(/\$\{\w+\}/g, ''))) return undefined;
      const argv = words(part.trim());
      if (argv === undefined) return undefined;
      if (argv.length > 0) out.push({ argv, join });
      join = ';';
    }
  }
  return out;
}

/** The plan of a command line, or undefined when the interpreter cannot follow it. */
export function planCommand(argv: readonly string[], env: Readonly<Record<string, string>>, now: () => number): CommandPlan | undefined {
  const first = argv[0];
  if (first === undefined) return undefined;
  if (shells.has(basename(first))) {
    const c = argv.indexOf('-c');
    // A shell without a script reads stdin; with none attached it ends at once (busybox's `sh`).
    if (c < 0) return argv.length === 1 ? { output: [], exit: { afterMs: 0, exitCode: 0 } } : undefined;
    const script = argv[c + 1];
    return script === undefined ? undefined : planScript(script, env, now);
  }
  return planSteps([{ argv: [...argv], join: ';' }], env, now);
}

function planScript(script: string, env: Readonly<Record<string, string>>, now: () => number): CommandPlan | undefined {
  const loop = /^\s*(?:while\s+(?:true|:)\s*;?\s*do|for\s*\(\(\s*;\s*;\s*\)\)\s*;?\s*do)\s*([\s\S]*?)\s*;?\s*done\s*$/.exec(script);
  if (loop) {
    const body = steps(loop[1]!);
    if (!body) return undefined;
    const plan = planSteps(body, env, now);
    if (!plan || plan.exit === undefined || plan.exit.afterMs === Infinity) return plan && { output: plan.output };
    const everyMs = Math.max(plan.exit.afterMs, 1);
    return { output: plan.output, repeat: { startMs: everyMs, everyMs, lines: plan.output.map((o) => o.line) } };
  }
  const parsed = steps(script);
  return parsed ? planSteps(parsed, env, now) : undefined;
}

function planSteps(list: readonly Step[], env: Readonly<Record<string, string>>, now: () => number): CommandPlan | undefined {
  const output: { atMs: number; line: string }[] = [];
  let t = 0;
  let status = 0;
  for (const step of list) {
    if (step.join === '&&' && status !== 0) continue;
    if (step.join === '||' && status === 0) continue;
    const [name = '', ...args] = step.argv.map((w) => expand(w, env));
    switch (basename(name)) {
      case 'echo': {
        const noNewline = args[0] === '-n';
        output.push({ atMs: t, line: (noNewline ? args.slice(1) : args).join(' ') });
        status = 0;
        break;
      }
      case 'printf':
        output.push({ atMs: t, line: (args[0] ?? '').replace(/\\n$/, '') });
        status = 0;
        break;
      case 'sleep': {
        const ms = sleepMs(args[0]);
        if (ms === undefined) return undefined;
        t += ms;
        status = 0;
        break;
      }
      case 'true':
      case ':':
        status = 0;
        break;
      case 'false':
        status = 1;
        break;
      case 'exit':
        return { output, exit: { afterMs: t, exitCode: Number(args[0] ?? status) & 255 } };
      case 'date':
        output.push({ atMs: t, line: new Date(now() + t).toUTCString().replace('GMT', 'UTC') });
        status = 0;
        break;
      case 'hostname':
        output.push({ atMs: t, line: env['HOSTNAME'] ?? '' });
        status = 0;
        break;
      case 'env':
      case 'printenv':
        for (const [k, v] of Object.entries(env)) output.push({ atMs: t, line: `${k}=${v}` });
        status = 0;
        break;
      case 'tail':
      case 'cat':
        // `tail -f /dev/null` and a bare `cat` block forever: the usual keep-alive commands.
        if ((name === 'tail' && args.includes('-f')) || (name === 'cat' && args.length === 0)) t = Infinity;
        else return undefined;
        break;
      case 'perl': {
        const lines = perlOutput(args);
        if (!lines) return undefined;
        for (const line of lines) output.push({ atMs: t, line });
        status = 0;
        break;
      }
      default:
        return undefined;
    }
    if (t === Infinity) break;
  }
  if (t === Infinity) return { output };
  return { output, exit: { afterMs: t, exitCode: status } };
}
