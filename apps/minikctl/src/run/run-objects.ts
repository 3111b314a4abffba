import { CliError } from '../cli/cli-error.js';

/** The container `run` puts in its pod template. */
export interface ContainerSpec {
  name: string;
  image: string;
  port?: number;
  env: { name: string; value: string }[];
  command?: string[];
  args?: string[];
  imagePullPolicy?: string;
  privileged?: boolean;
}

// docker/distribution's reference grammar, as kubectl validates --image.
const referencePattern =
  /^((?:(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])(?:\.(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]))*(?::[0-9]+)?\/)?[a-z0-9]+(?:(?:[._]|__|[-]*)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|[-]*)[a-z0-9]+)*)*)(?::([\w][\w.-]{0,127}))?(?:@([A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*[:][0-9A-Fa-f]{32,}))?$/;

/** kubectl's image check: `Invalid image name "x": invalid reference format`. */
export function validateImage(image: string): void {
  if (!referencePattern.test(image)) throw new CliError(`Invalid image name ${JSON.stringify(image)}: invalid reference format`);
}

/** `a=b,c=d` into labels (kubectl's ParseLabels). */
export function parseLabels(spec: string): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const pair of spec.split(',')) {
    const parts = pair.split('=');
    if (parts.length !== 2 || parts[0] === '') throw new CliError(`invalid label spec: ${pair}`);
    labels[parts[0]!] = parts[1]!;
  }
  return labels;
}

/** `--env K=V` values (kubectl's ParseEnv, without `-` removals). */
export function parseEnv(specs: string[]): { name: string; value: string }[] {
  return specs.map((spec) => {
    const eq = spec.indexOf('=');
    if (eq <= 0) throw new CliError(`invalid env: ${spec}`);
    return { name: spec.slice(0, eq), value: spec.slice(eq + 1) };
  });
}

/** A container in Go struct field order (name, image, command, args, ports, env, resources, …). */
function container(spec: ContainerSpec): Record<string, unknown> {
  const c: Record<string, unknown> = { name: spec.name, image: spec.image };
  if (spec.command && spec.command.length > 0) c['command'] = spec.command;
  if (spec.args && spec.args.length > 0) c['args'] = spec.args;
  if (spec.port !== undefined) c['ports'] = [{ containerPort: spec.port }];
  if (spec.env.length > 0) c['env'] = spec.env;
  c['resources'] = {};
  if (spec.imagePullPolicy) c['imagePullPolicy'] = spec.imagePullPolicy;
  if (spec.privileged) c['securityContext'] = { privileged: true };
  return c;
}

function objectMeta(name: string, labels: Record<string, string>, annotations: Record<string, string>): Record<string, unknown> {
  const meta: Record<string, unknown> = { name, creationTimestamp: null, labels };
  if (Object.keys(annotations).length > 0) meta['annotations'] = annotations;
  return meta;
}

/** The Pod today's `kubectl run` sends. */
export function buildPod(o: { name: string; labels: Record<string, string>; annotations: Record<string, string>; restartPolicy: string; container: ContainerSpec }): Record<string, unknown> {
  return {
    kind: 'Pod',
    apiVersion: 'v1',
    metadata: objectMeta(o.name, o.labels, o.annotations),
    spec: { containers: [container(o.container)], restartPolicy: o.restartPolicy, dnsPolicy: 'ClusterFirst' },
    status: {},
  };
}

/** The Deployment the legacy `deployment/apps.v1` generator of `kubectl run` sent. */
export function buildDeployment(o: { name: string; labels: Record<string, string>; annotations: Record<string, string>; replicas: number; container: ContainerSpec }): Record<string, unknown> {
  const template: Record<string, unknown> = { metadata: objectMeta(o.name, o.labels, o.annotations), spec: { containers: [container(o.container)] } };
  delete (template['metadata'] as Record<string, unknown>)['name'];
  return {
    kind: 'Deployment',
    apiVersion: 'apps/v1',
    metadata: { name: o.name, creationTimestamp: null, labels: o.labels },
    spec: { replicas: o.replicas, selector: { matchLabels: o.labels }, template, strategy: {} },
    status: {},
  };
}

/** The ClusterIP Service `--expose` adds. */
export function buildService(o: { name: string; labels: Record<string, string>; selector: Record<string, string>; port: number }): Record<string, unknown> {
  return {
    kind: 'Service',
    apiVersion: 'v1',
    metadata: { name: o.name, creationTimestamp: null, labels: o.labels },
    spec: { ports: [{ protocol: 'TCP', port: o.port, targetPort: o.port }], selector: o.selector },
    status: { loadBalancer: {} },
  };
}
