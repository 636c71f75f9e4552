// Worker-thread entry of `trainOffThread` (triage-training.ts): trains and serialises the local model from the
// history it is given and posts the result back. No database, no clock: everything comes in `workerData`.
import { parentPort, workerData } from 'node:worker_threads';
import { serializeTriageModel, trainTriageModel } from './local-triage.js';
import type { TrainingRequest, TrainingResult } from './triage-training.js';

const request = workerData as TrainingRequest;
const model = trainTriageModel(request.examples, {
  categories: request.categories,
  trainedAt: new Date(request.trainedAt),
  teams: request.teams,
});
const result: TrainingResult = {
  serialized: serializeTriageModel(model),
  version: model.version,
  exampleCount: model.exampleCount,
  teamCount: model.teamIds.length,
};
parentPort?.postMessage(result);
