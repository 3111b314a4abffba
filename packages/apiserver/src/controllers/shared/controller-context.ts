import type { InProcessClient } from '../../client/in-process-client.js';
import type { Clock } from '../../util/clock.js';
import type { EventBroadcaster } from '../events/event-recorder.js';
import type { ControllerTiming } from './controller-timing.js';

/** What every controller is built from: the API, the clock, the event sink and the timing knobs. */
export interface ControllerContext {
  readonly client: InProcessClient;
  readonly clock: Clock;
  readonly events: EventBroadcaster;
  readonly timing: ControllerTiming;
  /** Where failed reconciles are reported (they are retried either way). */
  readonly onError?: (controller: string, key: string, error: unknown) => void;
}
