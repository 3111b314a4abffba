import type { Container, LabelSelector, ObjectMeta } from '@minik/types';

/*
 * The parts of apps/v1 StatefulSet and DaemonSet the printers read. @minik/types does not
 * re-export these models yet, so they are described structurally here.
 */

/** The pod template fields the printers read. */
interface PrintedPodTemplate {
  spec?: { containers?: Container[]; nodeSelector?: Record<string, string> };
}

/** apps/v1 StatefulSet, as far as its printer reads it. */
export interface StatefulSet {
  metadata?: ObjectMeta;
  spec?: { replicas?: number; template?: PrintedPodTemplate };
  status?: { readyReplicas?: number };
}

/** apps/v1 DaemonSet, as far as its printer reads it. */
export interface DaemonSet {
  metadata?: ObjectMeta;
  spec?: { selector?: LabelSelector; template?: PrintedPodTemplate };
  status?: {
    desiredNumberScheduled?: number;
    currentNumberScheduled?: number;
    numberReady?: number;
    updatedNumberScheduled?: number;
    numberAvailable?: number;
  };
}
