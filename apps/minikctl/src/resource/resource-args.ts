import { CliError } from '../cli/cli-error.js';
import type { Factory } from '../client/factory.js';
import type { ResourceMapping } from '../client/resource-resolver.js';

/** One thing to fetch: a whole collection (names absent) or one named object. */
export interface ResourceRequest {
  mapping: ResourceMapping;
  name?: string;
}

/** What `TYPE[,TYPE…] [NAME…]` or `TYPE/NAME…` arguments ask for. */
export interface ResourceSelection {
  requests: ResourceRequest[];
  /** One object named in one way (`pod x`, `pod/x`): printed as itself, not as a List. */
  singleItemImplied: boolean;
  /** Whether names were given (else collections are listed with selectors). */
  named: boolean;
}

/** kubectl's error text names the program it runs as. */
const resourceNameFormMessage = (program: string): string =>
  `there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. '${program} get resource/<resource_name>' instead of '${program} get resource resource/<resource_name>'`;

/** Splits `pods,svc` into types, dropping duplicates (kubectl's SplitResourceArgument). */
function splitTypes(arg: string): string[] {
  const out: string[] = [];
  for (const part of arg.split(',')) if (part !== '' && !out.includes(part)) out.push(part);
  return out;
}

/** Resolves type names, expanding categories such as `all` (kubectl's ReplaceAliases + mapping). */
async function resolveTypes(factory: Factory, types: string[]): Promise<ResourceMapping[]> {
  const out: ResourceMapping[] = [];
  for (const type of types) {
    const members = type.includes('/') || type.includes('.') ? undefined : await factory.category(type);
    if (members && !(await factory.resolver()).find(type)) {
      for (const m of members) if (!out.some((o) => o.group === m.group && o.resource === m.resource)) out.push(m);
      continue;
    }
    out.push(await factory.mapping(type));
  }
  return out;
}

/**
 * kubectl's ResourceTypeOrNameArgs: `TYPE`, `TYPE1,TYPE2`, `TYPE NAME…`, or `TYPE/NAME…` pairs,
 * resolved through discovery.
 */
export async function selectResources(factory: Factory, args: readonly string[], program = 'minikctl'): Promise<ResourceSelection> {
  if (args.some((a) => a.includes('/'))) {
    const requests: ResourceRequest[] = [];
    for (const arg of args) {
      const slash = arg.indexOf('/');
      if (slash < 0) throw new CliError(resourceNameFormMessage(program));
      const type = arg.slice(0, slash);
      const name = arg.slice(slash + 1);
      if (type === '' || name === '') throw new CliError(`arguments in resource/name form must have a single resource and name`);
      requests.push({ mapping: await factory.mapping(type), name });
    }
    return { requests, singleItemImplied: requests.length === 1, named: true };
  }
  if (args.length === 0) return { requests: [], singleItemImplied: false, named: false };
  const mappings = await resolveTypes(factory, splitTypes(args[0]!));
  const names = args.slice(1);
  if (names.some((n) => n === '')) throw new CliError('resource name may not be empty');
  if (names.length === 0) return { requests: mappings.map((mapping) => ({ mapping })), singleItemImplied: false, named: false };
  const requests: ResourceRequest[] = [];
  for (const mapping of mappings) for (const name of names) requests.push({ mapping, name });
  return { requests, singleItemImplied: mappings.length === 1 && names.length === 1, named: true };
}
