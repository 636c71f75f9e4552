export { summarizeActivity } from './activity-summary.js';
export { registerReportRoutes } from './report.routes.js';
export { createReportService, type ReportService } from './report.service.js';
