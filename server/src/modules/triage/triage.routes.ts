import {
  aiStatusResponse,
  clientErrorResponses,
  issueIdParam,
  similarIssuesResponse,
} from '@argus/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../http/authenticate.js';
import type { IssueService } from '../issues/index.js';
import type { createAiStatusReader } from './ai-status.js';
import type { createSimilarIssueFinder } from './similar-issues.js';
import type { TriageService } from './triage.service.js';

const queued = z.object({ queued: z.literal(true) });

/** HTTP edge of triage: re-triage an issue, retrain the local model, and the AI status for the settings page. */
export function registerTriageRoutes(
  app: FastifyInstance,
  deps: {
    triage: TriageService;
    readAiStatus: ReturnType<typeof createAiStatusReader>;
    findSimilarIssues: ReturnType<typeof createSimilarIssueFinder>;
    issues: Pick<IssueService, 'getIssue'>;
  },
): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/api/issues/:id/similar',
    {
      schema: {
        tags: ['intelligence'],
        summary: 'The most similar past issues, with how they were resolved; open look-alikes are flagged',
        params: issueIdParam,
        response: { 200: similarIssuesResponse, ...clientErrorResponses },
      },
    },
    async (request) => {
      const issue = await deps.issues.getIssue(request.params.id);
      return { items: await deps.findSimilarIssues(issue.id) };
    },
  );

  api.post(
    '/api/issues/:id/triage',
    {
      schema: {
        tags: ['intelligence'],
        summary: 'Triage an issue again (what people set by hand stays)',
        params: issueIdParam,
        response: { 202: queued, ...clientErrorResponses },
      },
    },
    async (request, reply) => {
      await deps.triage.requestTriage(actorOf(request), request.params.id);
      return reply.code(202).send({ queued: true as const });
    },
  );

  api.post(
    '/api/ai/triage-model/retrain',
    {
      schema: {
        tags: ['intelligence'],
        summary: 'Relearn the local triage model from history now (admins)',
        response: { 202: queued, ...clientErrorResponses },
      },
    },
    async (request, reply) => {
      await deps.triage.requestRetrain(actorOf(request));
      return reply.code(202).send({ queued: true as const });
    },
  );

  api.get(
    '/api/ai/status',
    {
      schema: {
        tags: ['intelligence'],
        summary: 'Which AI paths are configured and active, and their health',
        response: { 200: aiStatusResponse, ...clientErrorResponses },
      },
    },
    async () => deps.readAiStatus(),
  );
}
