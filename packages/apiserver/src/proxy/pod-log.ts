import type { ContainerStatus, Pod } from '@minik/types';
import type { ConnectHandler } from '../api/api-handler.js';
import type { ApiContext } from '../api/api-context.js';
import type { ApiResponse } from '../api/request.js';
import { ApiError, badRequest, fieldErrors, invalid, notFound, type FieldError } from '../errors/index.js';
import { formatLogEntries, type LogReadOptions } from '../kubelet/container-log.js';
import { historyOf, type RuntimeContainer } from '../kubelet/container-runtime.js';
import type { NodeNetwork } from './node-network.js';

/** PodLogOptions as the query carries them. */
interface PodLogOptions extends LogReadOptions {
  container: string;
  follow: boolean;
  previous: boolean;
}

const podLogOptionsTarget = { group: '', plural: 'podlogoptions', kind: 'PodLogOptions' };

function flag(query: URLSearchParams, name: string): boolean {
  const value = query.get(name);
  return value === 'true' || value === '1' || value === '';
}

function integer(query: URLSearchParams, name: string): number | undefined {
  const value = query.get(name);
  if (value === null || value === '') return undefined;
  const n = Number(value);
  if (!Number.isInteger(n)) throw badRequest(`strconv.ParseInt: parsing "${value}": invalid syntax`);
  return n;
}

/** Parses and validates the options (ValidatePodLogOptions), 422 PodLogOptions on bad values. */
function parseOptions(query: URLSearchParams, podName: string, now: number): PodLogOptions {
  const tailLines = integer(query, 'tailLines');
  const limitBytes = integer(query, 'limitBytes');
  const sinceSeconds = integer(query, 'sinceSeconds');
  const sinceTime = query.get('sinceTime') ?? undefined;
  const errors: FieldError[] = [];
  if (tailLines !== undefined && tailLines < 0) errors.push(fieldErrors.invalid('tailLines', tailLines, 'must be greater than or equal to 0'));
  if (limitBytes !== undefined && limitBytes < 1) errors.push(fieldErrors.invalid('limitBytes', limitBytes, 'must be greater than 0'));
  if (sinceSeconds !== undefined && sinceTime !== undefined) errors.push(fieldErrors.forbidden('', 'at most one of `sinceTime` or `sinceSeconds` may be specified'));
  if (sinceSeconds !== undefined && sinceSeconds < 1) errors.push(fieldErrors.invalid('sinceSeconds', sinceSeconds, 'must be greater than 0'));
  if (errors.length > 0) throw invalid(podLogOptionsTarget, podName, errors);
  let since: number | undefined;
  if (sinceSeconds !== undefined) since = now - sinceSeconds * 1000;
  if (sinceTime !== undefined) {
    since = Date.parse(sinceTime);
    if (Number.isNaN(since)) throw badRequest(`parsing time "${sinceTime}" as "2006-01-02T15:04:05Z07:00": cannot parse "${sinceTime}" as "2006"`);
  }
  return {
    container: query.get('container') ?? '',
    follow: flag(query, 'follow'),
    previous: flag(query, 'previous'),
    timestamps: flag(query, 'timestamps'),
    ...(tailLines !== undefined ? { tailLines } : {}),
    ...(limitBytes !== undefined ? { limitBytes } : {}),
    ...(since !== undefined ? { since } : {}),
  };
}

/** validateContainer: the named container must exist; without a name, a pod of one container means that one. */
function resolveContainer(pod: Readonly<Pod>, container: string): string {
  const name = pod.metadata?.name ?? '';
  const all = [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? []), ...(pod.spec?.ephemeralContainers ?? [])].map((c) => c.name);
  if (container !== '') {
    if (!all.includes(container)) throw badRequest(`container ${container} is not valid for pod ${name}`);
    return container;
  }
  const containers = pod.spec?.containers ?? [];
  if (containers.length === 1) return containers[0]!.name;
  if (containers.length === 0) throw badRequest(`a container name must be specified for pod ${name}`);
  throw badRequest(`a container name must be specified for pod ${name}, choose one of: [${all.join(' ')}]`);
}

/** A 400 as the kubelet's refusal reaches the client through the API server (NewGenericServerResponse). */
function kubeletRefusal(podName: string, message: string): ApiError {
  return new ApiError('BadRequest', message, { name: podName, kind: 'pods/log', causes: [{ reason: 'UnexpectedServerResponse', message }] });
}

/** The container id the kubelet reads logs of (validateContainerLogStatus), or its refusal. */
function logContainerID(pod: Readonly<Pod>, container: string, previous: boolean): string {
  const podName = pod.metadata?.name ?? '';
  const statuses: ContainerStatus[] = [...(pod.status?.initContainerStatuses ?? []), ...(pod.status?.containerStatuses ?? [])];
  const status = statuses.find((s) => s.name === container);
  if (!status) throw kubeletRefusal(podName, `container "${container}" in pod "${podName}" is waiting to start - no logs yet`);
  const last = status.lastState?.terminated;
  const { running, terminated, waiting } = status.state ?? {};
  if (previous) {
    if (!last?.containerID) throw kubeletRefusal(podName, `previous terminated container "${container}" in pod "${podName}" not found`);
    return last.containerID;
  }
  if (running) return status.containerID ?? '';
  if (terminated) {
    if (terminated.containerID) return terminated.containerID;
    if (last?.containerID) return last.containerID;
    throw kubeletRefusal(podName, `container "${container}" in pod "${podName}" is terminated`);
  }
  if (last) {
    if (!last.containerID) throw kubeletRefusal(podName, `container "${container}" in pod "${podName}" is terminated`);
    return last.containerID;
  }
  if (waiting) {
    switch (waiting.reason) {
      case 'ErrImagePull':
        throw kubeletRefusal(podName, `container "${container}" in pod "${podName}" is waiting to start: image can't be pulled`);
      case 'ImagePullBackOff':
        throw kubeletRefusal(podName, `container "${container}" in pod "${podName}" is waiting to start: trying and failing to pull image`);
      default:
        throw kubeletRefusal(podName, `container "${container}" in pod "${podName}" is waiting to start: ${waiting.reason ?? ''}`);
    }
  }
  throw kubeletRefusal(podName, `container "${container}" in pod "${podName}" is waiting to start - no logs yet`);
}

function limit(text: string, limitBytes: number | undefined): string {
  if (limitBytes === undefined) return text;
  const bytes = Buffer.from(text);
  return bytes.length <= limitBytes ? text : bytes.subarray(0, limitBytes).toString();
}

/**
 * `GET pods/{name}/log`: what the container wrote, as the kubelet serves it (text/plain), with
 * container, follow, previous, timestamps, tailLines, sinceSeconds/sinceTime and limitBytes.
 * With follow the response stays open and ends when the container stops.
 */
export function podLogHandler(ctx: ApiContext, network: NodeNetwork): ConnectHandler {
  return (req, target): ApiResponse => {
    const name = target.name;
    const stored = ctx.store.get(target.def, target.namespace ?? '', name);
    if (!stored) throw notFound(target.def, name);
    const pod = stored.object as Readonly<Pod>;
    const options = parseOptions(req.query, name, ctx.clock.now());
    const container = resolveContainer(pod, options.container);
    const headers = { 'content-type': 'text/plain' };
    // A pod without a node has no logs anywhere: an empty answer (LogLocation returns no location).
    const nodeName = pod.spec?.nodeName;
    if (!nodeName) return { status: 200, headers, body: '' };
    const kubelet = network.kubelet(nodeName);
    if (!kubelet || !kubelet.running) {
      const node = ctx.store.get({ group: '', plural: 'nodes' }, '', nodeName)?.object as { status?: { addresses?: { type: string; address: string }[] } } | undefined;
      const ip = node?.status?.addresses?.find((a) => a.type === 'InternalIP')?.address ?? nodeName;
      throw new ApiError('InternalError', `Get "https://${ip}:10250/containerLogs/${pod.metadata?.namespace}/${name}/${container}": dial tcp ${ip}:10250: connect: no route to host`);
    }
    const containerID = logContainerID(pod, container, options.previous);
    const sandbox = kubelet.runtime.sandbox(pod.metadata?.uid ?? '');
    const record: RuntimeContainer | undefined = historyOf(sandbox, container)?.find((c) => c.containerID === containerID);
    if (!record) throw kubeletRefusal(name, `container "${container}" in pod "${name}" is not available`);
    const text = formatLogEntries(record.log.read(options), options.timestamps ?? false);
    if (!options.follow || record.log.closed) return { status: 200, headers, body: limit(text, options.limitBytes) };
    return {
      status: 200,
      headers,
      stream(sink) {
        let written = 0;
        const write = (chunk: string): boolean => {
          if (options.limitBytes === undefined) {
            sink.write(chunk);
            return true;
          }
          const room = options.limitBytes - written;
          const part = limit(chunk, room);
          written += Buffer.byteLength(part);
          if (part) sink.write(part);
          return written < options.limitBytes;
        };
        if (text && !write(text)) {
          sink.end();
          return () => {};
        }
        let stop: () => void = () => {};
        stop = record.log.follow(
          (entry) => {
            if (!write(formatLogEntries([entry], options.timestamps ?? false))) {
              stop();
              sink.end();
            }
          },
          () => sink.end(),
        );
        return () => stop();
      },
    };
  };
}
