/**
 * Forecast detector: Holt's linear exponential smoothing with a damped trend (Holt 1957, "Forecasting seasonals
 * and trends by exponentially weighted moving averages", reprinted in Int. J. Forecasting 20(1), 2004; damping
 * after Gardner & McKenzie 1985, see Gardner, "Exponential smoothing: the state of the art — Part II",
 * Int. J. Forecasting 22(4), 2006), in error-correction form. Each point is scored against the one-step forecast
 * made before it is seen:
 *
 *   forecast = ℓ + φ·b    e = v − forecast    scale = max(1.2533 · m, 1e-9 · |ℓ|, 1e-12)
 *   deviation = e / scale    score = deviationScore(deviation)    band = forecast ± 3 · scale
 *
 * then the model learns the point with the residual clipped Huber-style at ±`clip`·scale (once ready), so one
 * outlier moves the level by at most α·clip·scale:
 *
 *   ℓ ← forecast + α·e'    b ← φ·b + α·β·e'    m ← m + w·(|e'| − m)    where e' = clamp(e, ±clip·scale)
 *
 * m is the exponentially weighted mean absolute (clipped) residual; 1.2533 = √(π/2) turns it into a standard
 * deviation for normal residuals. Its weight w is 1/n for the n-th residual until that falls below `scaleAlpha`,
 * so the warm-up gives a plain mean. A lasting level shift would be learned only at α·clip·scale per point, so
 * when `shiftAfter` residuals in a row fall beyond the clip on the same side the level is re-seeded at the value
 * and the trend reset to 0: the shift is reported for those points and then accepted as the new normal.
 *
 * Steps are points, not time: gaps and irregular timestamps are ignored. Cost: O(1) per point, a few doubles of
 * state.
 */

import { ABS_TO_SIGMA, flooredScale } from '../math.js';
import type { StateReader, StateWriter } from '../state.js';
import {
  bandReading,
  type Detector,
  invalidPoint,
  NOT_READY,
  type Reading,
  skippedReading,
} from '../types.js';

const TAG = 0x46;

export interface ForecastOptions {
  /** Level smoothing α in (0, 1] (default 0.3). */
  alpha: number;
  /** Trend smoothing β in [0, 1], relative to α as in Holt's component form (default 0.05). */
  beta: number;
  /** Trend damping φ in [0, 1]: 1 is Holt's undamped trend, 0 no trend (default 0.9). */
  phi: number;
  /** EW weight of the newest absolute residual in the scale, in (0, 1] (default 0.02: a memory of ~50 points). */
  scaleAlpha: number;
  /** Residuals are clipped at ± this many scales before the model learns them, > 0 (default 4). */
  clip: number;
  /** Residuals beyond the clip on the same side, in a row, that re-seed the level at the value (default 5; 0 never). */
  shiftAfter: number;
  /** Points learned before the detector gives readings, at least 2 (default 20). */
  minPoints: number;
}

export const DEFAULT_FORECAST: ForecastOptions = {
  alpha: 0.3,
  beta: 0.05,
  phi: 0.9,
  scaleAlpha: 0.02,
  clip: 4,
  shiftAfter: 5,
  minPoints: 20,
};

export class ForecastDetector implements Detector {
  readonly kind = 'forecast' as const;
  readonly options: ForecastOptions;

  private lastT = Number.NaN;
  /** Points learned. */
  private count = 0;
  private level = 0;
  private trend = 0;
  /** EW mean absolute clipped residual. */
  private meanAbs = 0;
  /** Residuals beyond the clip in a row: +n above, −n below, 0 none. */
  private run = 0;

  constructor(options: Partial<ForecastOptions> = {}) {
    const o = { ...DEFAULT_FORECAST, ...options };
    const check = (key: keyof ForecastOptions, ok: boolean, what: string) => {
      if (!ok) throw new RangeError(`forecast.${key} must be ${what} (got ${o[key]})`);
    };
    check('alpha', o.alpha > 0 && o.alpha <= 1, 'in (0, 1]');
    check('beta', o.beta >= 0 && o.beta <= 1, 'in [0, 1]');
    check('phi', o.phi >= 0 && o.phi <= 1, 'in [0, 1]');
    check('scaleAlpha', o.scaleAlpha > 0 && o.scaleAlpha <= 1, 'in (0, 1]');
    check('clip', o.clip > 0, 'a number > 0 (Infinity: no clipping)');
    check(
      'shiftAfter',
      Number.isInteger(o.shiftAfter) && o.shiftAfter >= 0 && o.shiftAfter <= 0xffffffff,
      'an integer >= 0',
    );
    check(
      'minPoints',
      Number.isInteger(o.minPoints) && o.minPoints >= 2 && o.minPoints <= 0xffffffff,
      'an integer >= 2',
    );
    this.options = o;
  }

  update(t: number, v: number): Reading {
    const reason = invalidPoint(t, v, this.lastT);
    if (reason) return skippedReading(reason);
    this.lastT = t;
    const o = this.options;
    if (this.count === 0) {
      this.level = v;
      this.count = 1;
      return { ...NOT_READY };
    }
    const forecast = this.level + o.phi * this.trend;
    const scale = flooredScale(ABS_TO_SIGMA * this.meanAbs, this.level);
    const error = v - forecast;
    const ready = this.count >= o.minPoints;
    let reading: Reading;
    if (ready) {
      reading = bandReading(v, forecast, scale);
    } else reading = { ...NOT_READY };

    // Learn v.
    let clipped = error;
    if (ready) {
      const limit = o.clip * scale;
      if (error > limit) {
        clipped = limit;
        this.run = this.run > 0 ? this.run + 1 : 1;
      } else if (error < -limit) {
        clipped = -limit;
        this.run = this.run < 0 ? this.run - 1 : -1;
      } else this.run = 0;
    }
    if (o.shiftAfter > 0 && Math.abs(this.run) >= o.shiftAfter) {
      this.level = v;
      this.trend = 0;
      this.run = 0;
    } else {
      this.level = forecast + o.alpha * clipped;
      this.trend = o.phi * this.trend + o.alpha * o.beta * clipped;
    }
    const weight = Math.max(1 / this.count, o.scaleAlpha);
    this.meanAbs += weight * (Math.abs(clipped) - this.meanAbs);
    this.count++;
    return reading;
  }

  save(out: StateWriter): void {
    const o = this.options;
    out
      .u8(TAG)
      .f64(o.alpha)
      .f64(o.beta)
      .f64(o.phi)
      .f64(o.scaleAlpha)
      .f64(o.clip)
      .u32(o.shiftAfter)
      .u32(o.minPoints);
    out.f64(this.lastT).f64(this.count).f64(this.level).f64(this.trend).f64(this.meanAbs).f64(this.run);
  }

  static restore(input: StateReader): ForecastDetector {
    input.expect(TAG, 'forecast detector');
    const detector = new ForecastDetector({
      alpha: input.f64(),
      beta: input.f64(),
      phi: input.f64(),
      scaleAlpha: input.f64(),
      clip: input.f64(),
      shiftAfter: input.u32(),
      minPoints: input.u32(),
    });
    detector.lastT = input.f64();
    detector.count = input.f64();
    detector.level = input.f64();
    detector.trend = input.f64();
    detector.meanAbs = input.f64();
    detector.run = input.f64();
    return detector;
  }
}
