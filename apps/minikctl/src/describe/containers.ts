import { rfc1123z } from './describe-format.js';
import { LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3, type PrefixWriter } from './prefix-writer.js';

/** The container fields describe prints. */
export interface ContainerItem {
  name: string;
  image?: string;
  command?: string[];
  args?: string[];
  ports?: { containerPort?: number; hostPort?: number; protocol?: string }[];
  env?: { name: string; value?: string; valueFrom?: Record<string, { name?: string; key?: string; fieldPath?: string; resource?: string; optional?: boolean } | undefined> }[];
  envFrom?: unknown[];
  resources?: { limits?: Record<string, string>; requests?: Record<string, string> };
  volumeMounts?: { name: string; mountPath: string; readOnly?: boolean; subPath?: string }[];
  livenessProbe?: Probe;
  readinessProbe?: Probe;
  startupProbe?: Probe;
}

interface Probe {
  httpGet?: { path?: string; port?: number | string; host?: string; scheme?: string };
  tcpSocket?: { port?: number | string; host?: string };
  exec?: { command?: string[] };
  grpc?: { port?: number; service?: string };
  initialDelaySeconds?: number;
  timeoutSeconds?: number;
  periodSeconds?: number;
  successThreshold?: number;
  failureThreshold?: number;
}

interface State {
  running?: { startedAt?: string };
  waiting?: { reason?: string; message?: string };
  terminated?: { reason?: string; message?: string; exitCode?: number; signal?: number; startedAt?: string; finishedAt?: string };
}

/** A container status, as describe reads it. */
export interface ContainerStatusItem {
  name: string;
  containerID?: string;
  imageID?: string;
  ready?: boolean;
  restartCount?: number;
  state?: State;
  lastState?: State;
}

function describeStatus(title: string, state: State | undefined, w: PrefixWriter): void {
  if (state?.running) {
    w.write(LEVEL_2, `${title}:\tRunning\n`);
    w.write(LEVEL_3, `Started:\t${rfc1123z(state.running.startedAt)}\n`);
  } else if (state?.waiting) {
    w.write(LEVEL_2, `${title}:\tWaiting\n`);
    if (state.waiting.reason) w.write(LEVEL_3, `Reason:\t${state.waiting.reason}\n`);
  } else if (state?.terminated) {
    const t = state.terminated;
    w.write(LEVEL_2, `${title}:\tTerminated\n`);
    if (t.reason) w.write(LEVEL_3, `Reason:\t${t.reason}\n`);
    if (t.message) w.write(LEVEL_3, `Message:\t${t.message}\n`);
    w.write(LEVEL_3, `Exit Code:\t${t.exitCode ?? 0}\n`);
    if ((t.signal ?? 0) > 0) w.write(LEVEL_3, `Signal:\t${t.signal}\n`);
    w.write(LEVEL_3, `Started:\t${rfc1123z(t.startedAt)}\n`);
    w.write(LEVEL_3, `Finished:\t${rfc1123z(t.finishedAt)}\n`);
  } else w.write(LEVEL_2, `${title}:\tWaiting\n`);
}

function describeProbe(probe: Probe): string {
  const attrs = `delay=${probe.initialDelaySeconds ?? 0}s timeout=${probe.timeoutSeconds ?? 1}s period=${probe.periodSeconds ?? 10}s #success=${probe.successThreshold ?? 1} #failure=${probe.failureThreshold ?? 3}`;
  if (probe.exec) return `exec [${(probe.exec.command ?? []).join(' ')}] ${attrs}`;
  if (probe.httpGet) {
    const scheme = (probe.httpGet.scheme ?? 'HTTP').toLowerCase();
    const host = probe.httpGet.host ?? '';
    return `http-get ${scheme}://${host}:${probe.httpGet.port ?? ''}${probe.httpGet.path ?? ''} ${attrs}`;
  }
  if (probe.tcpSocket) return `tcp-socket ${probe.tcpSocket.host ?? ''}:${probe.tcpSocket.port ?? ''} ${attrs}`;
  if (probe.grpc) return `grpc <pod>:${probe.grpc.port ?? ''} ${probe.grpc.service ?? ''} ${attrs}`;
  return `unknown ${attrs}`;
}

/** describeContainers: every container with its image, ports, state, resources, environment and mounts. */
export function describeContainers(label: string, containers: ContainerItem[] | undefined, statuses: ContainerStatusItem[] | undefined, w: PrefixWriter, space: string): void {
  const byName = new Map((statuses ?? []).map((s) => [s.name, s]));
  const list = containers ?? [];
  w.write(LEVEL_0, list.length === 0 ? `${space}${label}: <none>\n` : `${space}${label}:\n`);
  for (const c of list) {
    const status = statuses ? byName.get(c.name) : undefined;
    w.write(LEVEL_1, `${space ? ' ' : ''}${c.name}:\n`);
    if (status) w.write(LEVEL_2, `Container ID:\t${status.containerID ?? ''}\n`);
    w.write(LEVEL_2, `Image:\t${c.image ?? ''}\n`);
    if (status) w.write(LEVEL_2, `Image ID:\t${status.imageID ?? ''}\n`);
    const ports = (c.ports ?? []).map((p) => `${p.containerPort ?? 0}/${p.protocol ?? ''}`).join(',');
    w.write(LEVEL_2, ports.includes(',') ? `Ports:\t${ports}\n` : `Port:\t${ports || '<none>'}\n`);
    const hostPorts = (c.ports ?? []).map((p) => `${p.hostPort ?? 0}/${p.protocol ?? ''}`).join(',');
    w.write(LEVEL_2, hostPorts.includes(',') ? `Host Ports:\t${hostPorts}\n` : `Host Port:\t${hostPorts || '<none>'}\n`);
    if (c.command && c.command.length > 0) {
      w.write(LEVEL_2, 'Command:\n');
      for (const part of c.command) for (const line of part.split('\n')) w.write(LEVEL_3, `${line}\n`);
    }
    if (c.args && c.args.length > 0) {
      w.write(LEVEL_2, 'Args:\n');
      for (const part of c.args) for (const line of part.split('\n')) w.write(LEVEL_3, `${line}\n`);
    }
    if (status) {
      describeStatus('State', status.state, w);
      if (status.lastState?.terminated) describeStatus('Last State', status.lastState, w);
      w.write(LEVEL_2, `Ready:\t${status.ready ? 'True' : 'False'}\n`);
      w.write(LEVEL_2, `Restart Count:\t${status.restartCount ?? 0}\n`);
    }
    for (const [kind, values] of [
      ['Limits', c.resources?.limits],
      ['Requests', c.resources?.requests],
    ] as const) {
      const keys = Object.keys(values ?? {}).sort();
      if (keys.length === 0) continue;
      w.write(LEVEL_2, `${kind}:\n`);
      for (const key of keys) w.write(LEVEL_3, `${key}:\t${values![key]}\n`);
    }
    if (c.livenessProbe) w.write(LEVEL_2, `Liveness:\t${describeProbe(c.livenessProbe)}\n`);
    if (c.readinessProbe) w.write(LEVEL_2, `Readiness:\t${describeProbe(c.readinessProbe)}\n`);
    if (c.startupProbe) w.write(LEVEL_2, `Startup:\t${describeProbe(c.startupProbe)}\n`);
    const env = c.env ?? [];
    w.write(LEVEL_2, `Environment:${env.length === 0 ? '\t<none>' : ''}\n`);
    for (const e of env) {
      if (!e.valueFrom) {
        (e.value ?? '').split('\n').forEach((line, i) => w.write(LEVEL_3, i === 0 ? `${e.name}:\t${line}\n` : `\t${line}\n`));
        continue;
      }
      const vf = e.valueFrom;
      if (vf['fieldRef']) w.write(LEVEL_3, `${e.name}:\t (v1:${vf['fieldRef'].fieldPath})\n`);
      else if (vf['resourceFieldRef']) w.write(LEVEL_3, `${e.name}:\t (${vf['resourceFieldRef'].resource})\n`);
      else if (vf['secretKeyRef']) w.write(LEVEL_3, `${e.name}:\t<set to the key '${vf['secretKeyRef'].key}' in secret '${vf['secretKeyRef'].name}'>\tOptional: ${Boolean(vf['secretKeyRef'].optional)}\n`);
      else if (vf['configMapKeyRef']) w.write(LEVEL_3, `${e.name}:\t<set to the key '${vf['configMapKeyRef'].key}' of config map '${vf['configMapKeyRef'].name}'>\tOptional: ${Boolean(vf['configMapKeyRef'].optional)}\n`);
    }
    const mounts = [...(c.volumeMounts ?? [])].sort((a, b) => (a.mountPath < b.mountPath ? -1 : a.mountPath > b.mountPath ? 1 : 0));
    w.write(LEVEL_2, `Mounts:${mounts.length === 0 ? '\t<none>' : ''}\n`);
    for (const m of mounts) {
      const flags = [m.readOnly ? 'ro' : 'rw'];
      if (m.subPath) flags.push(`path=${JSON.stringify(m.subPath)}`);
      w.write(LEVEL_3, `${m.mountPath} from ${m.name} (${flags.join(',')})\n`);
    }
  }
}

/** describeVolumes for the common volume types. */
export function describeVolumes(volumes: Record<string, unknown>[] | undefined, w: PrefixWriter, space: string): void {
  if (!volumes || volumes.length === 0) {
    w.write(LEVEL_0, `${space}Volumes:\t<none>\n`);
    return;
  }
  w.write(LEVEL_0, `${space}Volumes:\n`);
  for (const v of volumes) {
    w.write(LEVEL_1, `${space ? ' ' : ''}${String(v['name'])}:\n`);
    const source = <T,>(key: string): T | undefined => v[key] as T | undefined;
    const configMap = source<{ name?: string; optional?: boolean }>('configMap');
    const secret = source<{ secretName?: string; optional?: boolean }>('secret');
    const emptyDir = source<{ medium?: string; sizeLimit?: string }>('emptyDir');
    const hostPath = source<{ path?: string; type?: string }>('hostPath');
    const projected = source<{ sources?: Record<string, unknown>[] }>('projected');
    if (hostPath) w.write(LEVEL_2, `Type:\tHostPath (bare host directory volume)\n    Path:\t${hostPath.path ?? ''}\n    HostPathType:\t${hostPath.type ?? ''}\n`);
    else if (emptyDir) w.write(LEVEL_2, `Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)\n    Medium:\t${emptyDir.medium ?? ''}\n    SizeLimit:\t${emptyDir.sizeLimit ?? '<unset>'}\n`);
    else if (configMap) w.write(LEVEL_2, `Type:\tConfigMap (a volume populated by a ConfigMap)\n    Name:\t${configMap.name ?? ''}\n    Optional:\t${Boolean(configMap.optional)}\n`);
    else if (secret) w.write(LEVEL_2, `Type:\tSecret (a volume populated by a Secret)\n    SecretName:\t${secret.secretName ?? ''}\n    Optional:\t${Boolean(secret.optional)}\n`);
    else if (projected) {
      w.write(LEVEL_2, 'Type:\tProjected (a volume that contains injected data from multiple sources)\n');
      for (const s of projected.sources ?? []) {
        if (s['serviceAccountToken']) {
          w.write(LEVEL_2, `TokenExpirationSeconds:\t${(s['serviceAccountToken'] as { expirationSeconds?: number }).expirationSeconds ?? 3607}\n`);
        } else if (s['configMap']) {
          const cm = s['configMap'] as { name?: string; optional?: boolean };
          w.write(LEVEL_2, `ConfigMapName:\t${cm.name ?? ''}\n    ConfigMapOptional:\t${cm.optional === undefined ? '<nil>' : cm.optional}\n`);
        } else if (s['downwardAPI']) w.write(LEVEL_2, 'DownwardAPI:\ttrue\n');
        else if (s['secret']) {
          const se = s['secret'] as { name?: string; optional?: boolean };
          w.write(LEVEL_2, `SecretName:\t${se.name ?? ''}\n    SecretOptionalName:\t${se.optional === undefined ? '<nil>' : se.optional}\n`);
        }
      }
    } else w.write(LEVEL_1, '<unknown>\n');
  }
}
