/**
 * The perl one-liners of the Kubernetes docs: `perl -Mbignum=bpi -wle 'print bpi(2000)'` (the Job
 * example) prints π to that many digits; `print "text"` prints the text. Anything else is not
 * understood (undefined), so the container falls back to its image's app.
 */
export function perlOutput(args: readonly string[]): string[] | undefined {
  let script: string | undefined;
  let newline = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg.startsWith('-M')) continue;
    // Bundled switches: -wle, -le, -e; `l` ends each print with a newline.
    const m = /^-([wlnE]*)[eE]$/.exec(arg);
    if (!m) return undefined;
    newline ||= m[1]!.includes('l');
    script = args[i + 1];
    break;
  }
  if (script === undefined) return undefined;
  const lines: string[] = [];
  for (const statement of script.split(';').map((s) => s.trim()).filter((s) => s !== '')) {
    const pi = /^print\s+bpi\(\s*(\d+)\s*\)$/.exec(statement);
    const text = /^print\s+(["'])(.*)\1$/.exec(statement);
    if (pi) lines.push(piDigits(Math.min(Number(pi[1]), 100_000)));
    else if (text) lines.push(text[1] === '"' ? text[2]!.replace(/\\n$/, '') : text[2]!);
    else return undefined;
  }
  // Without -l, prints run together on one line.
  return newline ? lines : [lines.join('')];
}

/** π with `digits` significant digits, rounded as Math::BigFloat's bpi does (`3.14159…`). */
export function piDigits(digits: number): string {
  if (digits <= 0) return '';
  const guard = 10n;
  const scale = 10n ** (BigInt(digits) + guard);
  // Machin: π = 16·atan(1/5) − 4·atan(1/239).
  const atanInverse = (x: bigint): bigint => {
    let sum = 0n;
    let term = scale / x;
    const x2 = x * x;
    for (let n = 1n; term !== 0n; n += 2n) {
      sum += (n % 4n === 1n ? 1n : -1n) * (term / n);
      term /= x2;
    }
    return sum;
  };
  const pi = 16n * atanInverse(5n) - 4n * atanInverse(239n);
  const rounded = (pi / 10n ** guard + 5n) / 10n;
  const text = rounded.toString();
  return digits === 1 ? text : `${text[0]}.${text.slice(1)}`;
}
