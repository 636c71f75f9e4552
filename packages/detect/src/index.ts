export { ChangePointDetector } from './detectors/change-point.js';
export { ForecastDetector } from './detectors/forecast.js';
export { IsolationForestDetector } from './detectors/isolation-forest.js';
export { RobustZDetector } from './detectors/robust-z.js';
export { SeasonalDetector } from './detectors/seasonal.js';
export {
  AnomalyDetector,
  type Assessment,
  DEFAULT_OPTIONS,
  type EnsembleOptions,
  type FeedbackOptions,
  type FeedbackResult,
} from './ensemble.js';
export { type AnomalyKind, type Explanation, formatDuration } from './explain.js';
export { createDetector, DETECTOR_KINDS, restoreDetector } from './registry.js';
export { StateError, StateReader, StateWriter } from './state.js';
export { AdaptiveThreshold, type ThresholdOptions } from './threshold.js';
export type { Detector, DetectorKind, Reading } from './types.js';
