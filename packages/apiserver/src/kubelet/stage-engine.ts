import type { ContainerSlot } from './pod-worker.js';
import type { Stage, StageContext } from './stage-context.js';

/** A stage the engine applied, for traces and golden tests. */
export interface AppliedStage {
  readonly stage: string;
  readonly container?: string;
  readonly at: number;
}

/** What one run of the engine did, and when it wants to run again. */
export interface StageRun {
  readonly applied: readonly AppliedStage[];
  /** The earliest time a pending stage falls due; undefined when nothing is pending. */
  readonly nextDue: number | undefined;
}

// A table whose stages keep enabling each other without time passing would loop forever.
const maxStagesPerRun = 1000;

/**
 * Applies due stages until none is due: in table order, the first stage whose condition holds
 * and whose delay (counted from the pod's or the container's phase start) has passed; then it
 * looks again from the top, so one run can carry a pod through several zero-delay stages.
 */
export function runStages(ctx: StageContext, stages: readonly Stage[]): StageRun {
  const applied: AppliedStage[] = [];
  for (let n = 0; n < maxStagesPerRun; n++) {
    let nextDue = Infinity;
    let fired: { stage: Stage; slot?: ContainerSlot } | undefined;
    for (const stage of stages) {
      if (stage.scope === 'pod') {
        if (!stage.when(ctx)) continue;
        const due = ctx.worker.since + stage.delay(ctx);
        if (due <= ctx.now) {
          fired = { stage };
          break;
        }
        nextDue = Math.min(nextDue, due);
        continue;
      }
      for (const slot of ctx.worker.slots) {
        if (!stage.when(ctx, slot)) continue;
        const due = slot.since + stage.delay(ctx, slot);
        if (due <= ctx.now) {
          fired = { stage, slot };
          break;
        }
        nextDue = Math.min(nextDue, due);
      }
      if (fired) break;
    }
    if (!fired) return { applied, nextDue: Number.isFinite(nextDue) ? nextDue : undefined };
    if (fired.stage.scope === 'pod') fired.stage.next(ctx);
    else fired.stage.next(ctx, fired.slot!);
    applied.push({ stage: fired.stage.name, ...(fired.slot ? { container: fired.slot.name } : {}), at: ctx.now });
  }
  throw new Error(`minik: the kubelet's stage table did not settle for pod ${ctx.pod.metadata?.namespace}/${ctx.pod.metadata?.name}`);
}
