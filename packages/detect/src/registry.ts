/** The detector kinds of the ensemble: how to create each one and how to restore it from saved state. */
import { ChangePointDetector } from './detectors/change-point.js';
import { ForecastDetector } from './detectors/forecast.js';
import { IsolationForestDetector } from './detectors/isolation-forest.js';
import { RobustZDetector } from './detectors/robust-z.js';
import { SeasonalDetector } from './detectors/seasonal.js';
import type { StateReader } from './state.js';
import type { Detector, DetectorKind } from './types.js';

export interface DetectorOptionsByKind {
  'robust-z': ConstructorParameters<typeof RobustZDetector>[0];
  seasonal: ConstructorParameters<typeof SeasonalDetector>[0];
  forecast: ConstructorParameters<typeof ForecastDetector>[0];
  'isolation-forest': ConstructorParameters<typeof IsolationForestDetector>[0];
  'change-point': ConstructorParameters<typeof ChangePointDetector>[0];
}

interface Entry {
  create(options: object | undefined): Detector;
  restore(input: StateReader): Detector;
}

const REGISTRY: Record<DetectorKind, Entry> = {
  'robust-z': { create: (o) => new RobustZDetector(o), restore: (i) => RobustZDetector.restore(i) },
  seasonal: { create: (o) => new SeasonalDetector(o), restore: (i) => SeasonalDetector.restore(i) },
  forecast: { create: (o) => new ForecastDetector(o), restore: (i) => ForecastDetector.restore(i) },
  'isolation-forest': {
    create: (o) => new IsolationForestDetector(o),
    restore: (i) => IsolationForestDetector.restore(i),
  },
  'change-point': {
    create: (o) => new ChangePointDetector(o),
    restore: (i) => ChangePointDetector.restore(i),
  },
};

export const DETECTOR_KINDS = Object.keys(REGISTRY) as DetectorKind[];

export function isDetectorKind(value: string): value is DetectorKind {
  return Object.hasOwn(REGISTRY, value);
}

export function createDetector(kind: DetectorKind, options?: object): Detector {
  return REGISTRY[kind].create(options);
}

export function restoreDetector(kind: DetectorKind, input: StateReader): Detector {
  return REGISTRY[kind].restore(input);
}
