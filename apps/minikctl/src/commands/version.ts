import { CliError } from '../cli/cli-error.js';
import type { Command, Output } from '../cli/command.js';
import type { Factory } from '../client/factory.js';
import { clientVersion } from '../version.js';

/** version.Info fields in upstream's order (the JSON output keeps it). */
const infoFields = [
  'major',
  'minor',
  'emulationMajor',
  'emulationMinor',
  'minCompatibilityMajor',
  'minCompatibilityMinor',
  'gitVersion',
  'gitCommit',
  'gitTreeState',
  'buildDate',
  'goVersion',
  'compiler',
  'platform',
] as const;
const alwaysPresent = new Set(['major', 'minor', 'gitVersion', 'gitCommit', 'gitTreeState', 'buildDate', 'goVersion', 'compiler', 'platform']);

function normaliseInfo(info: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const field of infoFields) {
    const value = info[field];
    if (typeof value === 'string' && value !== '') out[field] = value;
    else if (alwaysPresent.has(field)) out[field] = '';
  }
  return out;
}

/** JSON with 2-space indentation in the given key order (Go's MarshalIndent of a struct). */
function orderedJson(value: Record<string, unknown>, goJsonStringify: (v: unknown, indent: string) => string, indent = ''): string {
  const inner = `${indent}  `;
  const entries = Object.entries(value).map(([k, v]) => {
    const text = typeof v === 'object' && v !== null ? orderedJson(v as Record<string, unknown>, goJsonStringify, inner) : goJsonStringify(v, '');
    return `${inner}${goJsonStringify(k, '')}: ${text}`;
  });
  return `{\n${entries.join(',\n')}\n${indent}}`;
}

/** Options of `version`. */
export interface VersionOptions {
  client: boolean;
  output: string;
}

/** kubectl version: the client's version and, unless --client, the server's (with a skew warning). */
export async function runVersion(options: VersionOptions, deps: { factory: Factory; out: Output; err: Output }): Promise<void> {
  if (options.output !== '' && options.output !== 'yaml' && options.output !== 'json') {
    throw new CliError("--output must be 'yaml' or 'json'");
  }
  const result: Record<string, unknown> = { clientVersion: normaliseInfo(clientVersion) };
  let serverError: unknown;
  if (!options.client) {
    try {
      const client = await deps.factory.client();
      const info = await client.json<Record<string, unknown>>({ path: '/version', query: { timeout: '32s' }, accept: 'application/json, */*' });
      result['serverVersion'] = normaliseInfo(info);
    } catch (error) {
      serverError = error;
    }
  }
  const server = result['serverVersion'] as Record<string, string> | undefined;
  switch (options.output) {
    case 'json': {
      const { goJsonStringify } = await import('../printers/go-json.js');
      deps.out.write(`${orderedJson(result, goJsonStringify)}\n`);
      break;
    }
    case 'yaml': {
      const { goYamlStringify } = await import('../printers/go-yaml.js');
      deps.out.write(`${goYamlStringify(result)}\n`);
      break;
    }
    default:
      deps.out.write(`Client Version: ${clientVersion.gitVersion}\n`);
      if (server) deps.out.write(`Server Version: ${server['gitVersion']}\n`);
  }
  if (server) {
    const clientMinor = Number.parseInt(clientVersion.minor, 10);
    const serverMinor = Number.parseInt(server['minor'] ?? '', 10);
    if (server['major'] === clientVersion.major && Number.isFinite(serverMinor) && Math.abs(clientMinor - serverMinor) > 1) {
      deps.err.write(
        `WARNING: version difference between client (${clientVersion.major}.${clientMinor}) and server (${server['major']}.${serverMinor}) exceeds the supported minor version skew of +/-1\n`,
      );
    }
  }
  if (serverError) throw serverError;
}

/** `minikctl version`. */
export const versionCommand: Command = {
  name: 'version',
  group: 'Other Commands:',
  short: 'Print the client and server version information',
  long: 'Print the client and server version information for the current context.',
  example: `  # Print the client and server versions for the current context
  minikctl version
  
  # Print only the client version, without contacting a server
  minikctl version --client`,
  use: 'version [flags]',
  flags(f) {
    f.bool('client', undefined, false, 'If true, shows client version only (no server required).').string('output', 'o', '', "One of 'yaml' or 'json'.");
  },
  async run(ctx) {
    await runVersion(
      { client: ctx.flags.getBool('client'), output: ctx.flags.getString('output') },
      { factory: ctx.factory, out: ctx.streams.out, err: ctx.streams.err },
    );
  },
};
