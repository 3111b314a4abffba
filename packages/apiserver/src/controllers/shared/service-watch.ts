import type { KubeObject } from '@minik/types';
import type { InProcessClient } from '../../client/in-process-client.js';
import { objectKey } from '../runtime/index.js';
import { kinds } from './kinds.js';
import type { ServiceObject } from './object-types.js';
import { selectedBy } from './service-endpoints.js';

/**
 * getPodServiceMemberships: the keys of the Services in a pod's namespace whose selector matches
 * the pod now or matched it before this change.
 */
export function servicesForPod(client: InProcessClient, pod: Readonly<KubeObject>, previous: Readonly<KubeObject> | undefined): string[] {
  const namespace = pod.metadata.namespace ?? '';
  const keys = new Set<string>();
  for (const svc of client.list<ServiceObject>(kinds.service, namespace)) {
    if (selectedBy(svc, pod) || (previous && selectedBy(svc, previous))) keys.add(objectKey(namespace, svc.metadata.name ?? ''));
  }
  return [...keys];
}
