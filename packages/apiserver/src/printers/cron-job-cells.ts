import { containerCells } from './container-cells.js';
import { formatLabelSelector } from '../selectors/index.js';
import { ageOf } from './human-duration.js';
import type { CronJob } from './workload-types.js';

/**
 * All cells of a cron job row: Name, Schedule, Timezone, Suspend, Active, Last Schedule, Age,
 * Containers, Images, Selector (upstream's printCronJob).
 */
export function cronJobCells(cronJob: CronJob, now: number): unknown[] {
  const spec = cronJob.spec;
  const jobSpec = spec?.jobTemplate?.spec;
  const lastSchedule = cronJob.status?.lastScheduleTime;
  return [
    cronJob.metadata?.name ?? '',
    spec?.schedule ?? '',
    spec?.timeZone ?? '<none>',
    // printBoolPtr: the defaulted suspend prints True/False, an absent one <unset>.
    typeof spec?.suspend === 'boolean' ? (spec.suspend ? 'True' : 'False') : '<unset>',
    cronJob.status?.active?.length ?? 0,
    lastSchedule ? ageOf(lastSchedule, now) : '<none>',
    ageOf(cronJob.metadata?.creationTimestamp, now),
    ...containerCells(jobSpec?.template?.spec?.containers),
    formatLabelSelector(jobSpec?.selector),
  ];
}
