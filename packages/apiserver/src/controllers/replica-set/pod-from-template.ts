import type { KubeObject, OwnerReference, PodTemplateSpec } from '@minik/types';
import { nameIsDNSSubdomain } from '../../resources/strategies/name-validation.js';
import type { PodObject } from '../shared/object-types.js';
import { cloneJson } from '../../util/clone-json.js';

/**
 * controller.GetPodFromTemplate: a new pod with the template's labels, annotations, finalizers
 * and spec, named `<owner>-` plus five random characters by the API server, and the owner's
 * controller reference.
 */
export function podFromTemplate(template: PodTemplateSpec | undefined, owner: Readonly<KubeObject>, controllerRef: OwnerReference): PodObject {
  const ownerName = owner.metadata.name ?? '';
  // getPodsPrefix: the `name-` prefix, unless that would not be a valid pod name prefix.
  const prefix = nameIsDNSSubdomain(`${ownerName}-`, true).length === 0 ? `${ownerName}-` : ownerName;
  const meta = template?.metadata ?? {};
  const pod: PodObject = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { generateName: prefix, namespace: owner.metadata.namespace, ownerReferences: [controllerRef] },
    spec: cloneJson(template?.spec ?? { containers: [] }),
  };
  if (meta.labels) pod.metadata.labels = { ...meta.labels };
  if (meta.annotations) pod.metadata.annotations = { ...meta.annotations };
  if (meta.finalizers) pod.metadata.finalizers = [...meta.finalizers];
  return pod;
}
