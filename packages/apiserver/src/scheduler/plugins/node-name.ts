import type { FilterPlugin } from '../framework.js';
import { unresolvable } from '../framework.js';

/** NodeName: a pod that names its node fits only that node. */
export const nodeName: FilterPlugin = {
  name: 'NodeName',
  filter(pod, node) {
    const wanted = pod.spec?.nodeName;
    return wanted && wanted !== node.name ? unresolvable("node(s) didn't match the requested node name") : undefined;
  },
};
