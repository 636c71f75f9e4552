/**
 * Records: a value beyond every value the series has had so far (a new high or low), that the deviation models
 * also find unusual, is an anomaly in its own right — "the highest latency this service has ever had". Scored
 * from RECORD_BASE up by how far it breaks the previous range (relative to the range's width); a record within
 * RECORD_COOLDOWN points of the previous one (a series climbing to new highs point after point) is damped.
 *
 * Cost: O(1) per point. Memory: four numbers.
 */
import type { StateReader, StateWriter } from './state.js';

const TAG = 0x52;
/** Score of a record that only just breaks the range; a break by the range's whole width or more scores 1. */
export const RECORD_BASE = 0.5;
/** Robust σ the value must also deviate by for a record to count. */
export const RECORD_MIN_SIGMA = 3;
const RECORD_COOLDOWN = 10;
const RECORD_DAMPING = 0.4;

export class RecordTracker {
  private low = Number.POSITIVE_INFINITY;
  private high = Number.NEGATIVE_INFINITY;
  private lastAt = -1;
  /** Direction of the last record scored by `update`: 1 high, −1 low, 0 none. */
  direction = 0;

  /** The record score of `value` (0 when it is within the range so far), then the range learns it. */
  update(value: number, unusual: boolean, index: number): number {
    let score = 0;
    this.direction = 0;
    if (this.high > this.low) {
      const width = this.high - this.low;
      const beyond =
        value > this.high ? (value - this.high) / width : value < this.low ? (this.low - value) / width : 0;
      if (beyond > 0 && unusual) {
        score = RECORD_BASE + (1 - RECORD_BASE) * Math.min(1, beyond);
        this.direction = value > this.high ? 1 : -1;
        if (this.lastAt >= 0 && index - this.lastAt <= RECORD_COOLDOWN) score *= RECORD_DAMPING;
        else this.lastAt = index;
      }
    }
    if (value < this.low) this.low = value;
    if (value > this.high) this.high = value;
    return score;
  }

  save(out: StateWriter): void {
    out.u8(TAG).f64(this.low).f64(this.high).f64(this.lastAt).f64(this.direction);
  }

  static restore(input: StateReader): RecordTracker {
    input.expect(TAG, 'records');
    const tracker = new RecordTracker();
    tracker.low = input.f64();
    tracker.high = input.f64();
    tracker.lastAt = input.f64();
    tracker.direction = input.f64();
    return tracker;
  }
}
