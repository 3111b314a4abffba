import { describeContainers, describeVolumes, type ContainerItem } from './containers.js';
import { printAnnotationsMultiline, printLabelsMultiline, printTolerationsMultiline } from './describe-format.js';
import { LEVEL_0, LEVEL_1, PrefixWriter } from './prefix-writer.js';

/** A pod template, as describe reads it. */
export interface PodTemplateItem {
  metadata?: { labels?: Record<string, string>; annotations?: Record<string, string> };
  spec?: {
    serviceAccountName?: string;
    initContainers?: ContainerItem[];
    containers?: ContainerItem[];
    volumes?: Record<string, unknown>[];
    priorityClassName?: string;
    nodeSelector?: Record<string, string>;
    tolerations?: Record<string, unknown>[];
  };
}

/** DescribePodTemplate into a writer. */
export function writePodTemplate(template: PodTemplateItem, w: PrefixWriter): void {
  w.write(LEVEL_0, 'Pod Template:\n');
  printLabelsMultiline(w, '  Labels', template.metadata?.labels);
  if (Object.keys(template.metadata?.annotations ?? {}).length > 0) printAnnotationsMultiline(w, '  Annotations', template.metadata?.annotations);
  const spec = template.spec ?? {};
  if (spec.serviceAccountName) w.write(LEVEL_1, `Service Account:\t${spec.serviceAccountName}\n`);
  if ((spec.initContainers ?? []).length > 0) describeContainers('Init Containers', spec.initContainers, undefined, w, '  ');
  describeContainers('Containers', spec.containers, undefined, w, '  ');
  describeVolumes(spec.volumes, w, '  ');
  if (spec.priorityClassName) w.write(LEVEL_1, `Priority Class Name:\t${spec.priorityClassName}\n`);
  printLabelsMultiline(w, '  Node-Selectors', spec.nodeSelector);
  printTolerationsMultiline(w, '  Tolerations', spec.tolerations, '');
}

/** A pod template on its own, unaligned as `rollout history --revision` prints it. */
export function describePodTemplate(template: unknown): string {
  const w = new PrefixWriter(true);
  writePodTemplate(template as PodTemplateItem, w);
  return w.text();
}
