import {
  clientErrorResponses,
  dashboardStatsResponse,
  recentActivityQuery,
  recentActivityResponse,
  teamStatsResponse,
} from '@argus/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ReportService } from './report.service.js';

const errors = clientErrorResponses;
const tags = ['dashboard'];

/** HTTP edge of the dashboard figures; every signed-in role may read them. */
export function registerReportRoutes(app: FastifyInstance, deps: { reports: ReportService }): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { reports } = deps;
  api.get(
    '/api/dashboard/stats',
    {
      schema: {
        tags,
        summary: 'Headline counts, MTTA and MTTR',
        response: { 200: dashboardStatsResponse, ...errors },
      },
    },
    () => reports.dashboardStats(),
  );
  api.get(
    '/api/dashboard/team-stats',
    {
      schema: {
        tags,
        summary: 'Open and resolved issues per team',
        response: { 200: teamStatsResponse, ...errors },
      },
    },
    async () => ({
      items: await reports.teamStats(),
    }),
  );
  api.get(
    '/api/dashboard/recent-activity',
    {
      schema: {
        tags,
        summary: 'Latest changes, as human-readable lines',
        querystring: recentActivityQuery,
        response: { 200: recentActivityResponse, ...errors },
      },
    },
    async (request) => ({ items: await reports.recentActivity(request.query.limit) }),
  );
}
