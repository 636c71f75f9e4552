export { createMetrics, type Metrics } from './metrics.js';
export { registerOpsRoutes } from './ops.routes.js';
