import {
  clientErrorResponses,
  closeIssueRequest,
  commentListResponse,
  commentResponse,
  createCommentRequest,
  createIssueRequest,
  historyListResponse,
  issueIdParam,
  issueListResponse,
  issueResponse,
  listIssuesQuery,
  markDuplicateRequest,
  reopenIssueRequest,
  resolveIssueRequest,
  setAssigneesRequest,
  updateIssueRequest,
} from '@argus/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { actorOf } from '../../http/authenticate.js';
import { toCommentResponse, toHistoryResponse, toIssueResponse } from './issue.mapper.js';
import type { IssueService } from './issue.service.js';

const errors = clientErrorResponses;
const tags = ['issues'];

/** HTTP edge of issues: parse, one service call, respond. Permissions are checked in the service. */
export function registerIssueRoutes(
  app: FastifyInstance,
  deps: { issues: IssueService; issueKeyPrefix: string },
): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { issues, issueKeyPrefix } = deps;
  const respond = (record: Parameters<typeof toIssueResponse>[0]) => toIssueResponse(record, issueKeyPrefix);

  api.get(
    '/api/issues',
    {
      schema: {
        tags,
        summary: 'List issues',
        querystring: listIssuesQuery,
        response: { 200: issueListResponse, ...errors },
      },
    },
    async (request) => {
      const { items, total, totalIsCapped } = await issues.listIssues(request.query, actorOf(request));
      return {
        items: items.map(respond),
        page: { page: request.query.page, pageSize: request.query.pageSize, total, totalIsCapped },
      };
    },
  );

  api.post(
    '/api/issues',
    {
      schema: {
        tags,
        summary: 'Create an issue',
        body: createIssueRequest,
        response: { 201: issueResponse, ...errors },
      },
    },
    async (request, reply) => {
      const record = await issues.createIssue(actorOf(request), request.body, {
        source: request.auth?.via === 'api_token' ? 'api' : 'manual',
      });
      return reply.code(201).send(respond(record));
    },
  );

  api.get(
    '/api/issues/:id',
    {
      schema: {
        tags,
        summary: 'Get an issue by id or key',
        params: issueIdParam,
        response: { 200: issueResponse, ...errors },
      },
    },
    async (request) => respond(await issues.getIssue(request.params.id)),
  );

  api.patch(
    '/api/issues/:id',
    {
      schema: {
        tags,
        summary: 'Change fields or status (open, acknowledged, in_progress)',
        params: issueIdParam,
        body: updateIssueRequest,
        response: { 200: issueResponse, ...errors },
      },
    },
    async (request) => respond(await issues.updateIssue(actorOf(request), request.params.id, request.body)),
  );

  api.post(
    '/api/issues/:id/resolve',
    {
      schema: {
        tags,
        summary: 'Resolve: how was this fixed?',
        params: issueIdParam,
        body: resolveIssueRequest,
        response: { 200: issueResponse, ...errors },
      },
    },
    async (request) =>
      respond(await issues.resolveIssue(actorOf(request), request.params.id, request.body.reason)),
  );

  api.post(
    '/api/issues/:id/close',
    {
      schema: {
        tags,
        summary: 'Close: why are you closing this?',
        params: issueIdParam,
        body: closeIssueRequest,
        response: { 200: issueResponse, ...errors },
      },
    },
    async (request) =>
      respond(await issues.closeIssue(actorOf(request), request.params.id, request.body.reason)),
  );

  api.post(
    '/api/issues/:id/reopen',
    {
      schema: {
        tags,
        summary: 'Reopen a resolved or closed issue',
        params: issueIdParam,
        body: reopenIssueRequest,
        response: { 200: issueResponse, ...errors },
      },
    },
    async (request) =>
      respond(await issues.reopenIssue(actorOf(request), request.params.id, request.body?.reason)),
  );

  api.post(
    '/api/issues/:id/assignees',
    {
      schema: {
        tags,
        summary: 'Add and remove assignees',
        params: issueIdParam,
        body: setAssigneesRequest,
        response: { 200: issueResponse, ...errors },
      },
    },
    async (request) => respond(await issues.setAssignees(actorOf(request), request.params.id, request.body)),
  );

  api.post(
    '/api/issues/:id/duplicate',
    {
      schema: {
        tags,
        summary: 'Close an issue as a duplicate of another ("Duplicate of ARG-n"), linking both',
        params: issueIdParam,
        body: markDuplicateRequest,
        response: { 200: issueResponse, ...errors },
      },
    },
    async (request) =>
      respond(
        await issues.markDuplicate(
          actorOf(request),
          request.params.id,
          request.body.duplicateOf,
          request.body.note,
        ),
      ),
  );

  api.get(
    '/api/issues/:id/history',
    {
      schema: {
        tags,
        summary: 'The audit trail of an issue',
        params: issueIdParam,
        response: { 200: historyListResponse, ...errors },
      },
    },
    async (request) => ({
      items: (await issues.listHistory(request.params.id)).map(toHistoryResponse),
    }),
  );

  api.get(
    '/api/issues/:id/comments',
    {
      schema: {
        tags,
        summary: 'Comments on an issue',
        params: issueIdParam,
        response: { 200: commentListResponse, ...errors },
      },
    },
    async (request) => ({
      items: (await issues.listComments(request.params.id)).map(toCommentResponse),
    }),
  );

  api.post(
    '/api/issues/:id/comments',
    {
      schema: {
        tags,
        summary: 'Comment on an issue',
        params: issueIdParam,
        body: createCommentRequest,
        response: { 201: commentResponse, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          toCommentResponse(await issues.addComment(actorOf(request), request.params.id, request.body.body)),
        ),
  );
}
