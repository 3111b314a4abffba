/** What decides when a streaming client counts as stalled. */
export interface StallPolicy {
  /** Unsent bytes a stream may hold before its client is watched for progress. */
  allowanceBytes: number;
  /** Bytes the client must take for the backlog to count as moving. */
  progressBytes: number;
  /** How long a backlog over the allowance may go without progress. */
  stallMs: number;
}

/**
 * Upstream's watch cache gives each watcher a small buffer and closes a watcher that stays full
 * past a short budget ("Forcing watcher close due to unresponsiveness"); the client re-watches
 * from its last resourceVersion. A megabyte and a second is the same idea at the socket: generous
 * for a reader that is busy, fatal for one that stopped, and the backlog of a stopped reader never
 * grows big enough to weigh on the heap (or on the other watchers' latency).
 */
export const defaultStallPolicy: StallPolicy = { allowanceBytes: 1024 * 1024, progressBytes: 64 * 1024, stallMs: 1_000 };

/**
 * Tells, write by write, whether the client of a streaming response stopped reading: its unsent
 * backlog stays over the allowance and no bytes leave it for the stall period. Progress is what
 * left the backlog since the last mark (the backlog then, plus what was written since, minus the
 * backlog now), so a large burst written at once — a watch's initial events — is not a stall
 * while the client keeps taking it. Costs nothing per write while the backlog is small.
 */
export class StallDetector {
  private markedBacklog = -1;
  private markedAt = 0;
  private writtenSinceMark = 0;

  constructor(
    private readonly now: () => number,
    private readonly policy: StallPolicy = defaultStallPolicy,
  ) {}

  /**
   * Called before a chunk is written, with the unsent bytes at that moment; true when the client
   * is stalled and the stream should be dropped.
   */
  beforeWrite(chunk: string, backlog: number): boolean {
    if (backlog <= this.policy.allowanceBytes) {
      this.markedBacklog = -1;
      return false;
    }
    const now = this.now();
    if (this.markedBacklog < 0 || this.markedBacklog + this.writtenSinceMark - backlog >= this.policy.progressBytes) {
      this.markedBacklog = backlog;
      this.markedAt = now;
      this.writtenSinceMark = Buffer.byteLength(chunk);
      return false;
    }
    if (now - this.markedAt > this.policy.stallMs) return true;
    this.writtenSinceMark += Buffer.byteLength(chunk);
    return false;
  }
}
