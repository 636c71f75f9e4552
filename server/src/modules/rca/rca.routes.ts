import { clientErrorResponses, issueIdParam, rcaResponse, startRcaRequest } from '@argus/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { actorOf } from '../../http/authenticate.js';
import type { RcaService } from './rca.service.js';

const tags = ['intelligence'];

/** HTTP edge of root-cause analysis: read the latest run with its steps, start or re-run one. */
export function registerRcaRoutes(app: FastifyInstance, deps: { rca: RcaService }): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/api/issues/:id/rca',
    {
      schema: {
        tags,
        summary: 'The latest root-cause analysis of an issue and its steps',
        params: issueIdParam,
        response: { 200: rcaResponse, ...clientErrorResponses },
      },
    },
    async (request) => deps.rca.getAnalysis(request.params.id),
  );

  api.post(
    '/api/issues/:id/rca',
    {
      schema: {
        tags,
        summary: 'Start a root-cause analysis (or re-run it); steps stream on /api/events as issue.rca',
        params: issueIdParam,
        body: startRcaRequest,
        response: { 202: rcaResponse, ...clientErrorResponses },
      },
    },
    async (request, reply) =>
      reply.code(202).send(
        await deps.rca.requestAnalysis(actorOf(request), request.params.id, {
          onlyIfMissing: request.body?.onlyIfMissing ?? false,
        }),
      ),
  );
}
