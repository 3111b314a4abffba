import type { Report } from '../report.js';
import { coldStart } from './s1-cold-start.js';
import { inProcessStarts } from './s2-in-process.js';
import { rollout } from './s3-rollout.js';
import { schedulerThroughput } from './s4-scheduler.js';
import { memory } from './s5-memory.js';
import { lists } from './s6-lists.js';
import { watchLatency } from './s7-watch.js';
import { requestFloor } from './s8-request-floor.js';
import { cli } from './s9-cli.js';

/** Options every scenario gets. */
export interface ScenarioOptions {
  /** The short smoke run: smaller sizes, fewer repetitions, no targets that need full sizes. */
  quick: boolean;
}

/** A scenario: measures, and adds its figures to the report. */
export type Scenario = (report: Report, options: ScenarioOptions) => Promise<void>;

/** Every scenario by id, in the order they run. */
export const scenarios: Readonly<Record<string, Scenario>> = {
  s1: coldStart,
  s2: inProcessStarts,
  s3: rollout,
  s4: schedulerThroughput,
  s5: memory,
  s6: lists,
  s7: watchLatency,
  s8: requestFloor,
  s9: cli,
};

/**
 * Scenarios that measure the library as a test process uses it. The others measure a cluster's
 * server, and their process runs with the heap policy `minik start` gives its server process.
 */
export const libraryScenarios: ReadonlySet<string> = new Set(['s2']);
