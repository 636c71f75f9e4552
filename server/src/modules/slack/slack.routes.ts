import {
  clientErrorResponses,
  issueIdParam,
  slackDeliveryListResponse,
  slackStatusResponse,
} from '@argus/contracts';
import { isValidSlackRequest } from '@slack/bolt';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { SlackService } from './slack.service.js';
import { createSlackIntake, type IntakeAnswer, type SlackIntake } from './slack-intake.js';
import type { SlackStatusReader } from './slack-status.js';

/** Reads a header that must appear once. */
function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return typeof value === 'string' ? value : undefined;
}

const fail = (reply: FastifyReply, status: number, code: string, message: string) =>
  reply.code(status).send({ error: { code, message } });

/**
 * Slack's HTTP endpoints on Argus's own port: the Events API (POST /slack/events), slash commands
 * (/slack/commands) and interactivity (/slack/interactivity). The raw body is kept for the signature (v0
 * HMAC-SHA256 with the signing secret, 5-minute replay window, checked by Bolt's verifier); a bad or stale
 * signature gets 401 and changes nothing. Events are stored and acknowledged at once; jobs do the work.
 */
export function registerSlackRoutes(
  app: FastifyInstance,
  deps: { slack: SlackService | undefined; signingSecret: string | undefined; status: SlackStatusReader },
): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/api/slack/status',
    {
      schema: {
        tags: ['slack'],
        summary: 'Whether Slack is connected, and how message delivery is going',
        response: { 200: slackStatusResponse, ...clientErrorResponses },
      },
    },
    async () => deps.status.readStatus(),
  );
  api.get(
    '/api/issues/:id/slack-deliveries',
    {
      schema: {
        tags: ['slack'],
        summary: 'The messages Argus owed Slack about an issue, sent or still failing',
        params: issueIdParam,
        response: { 200: slackDeliveryListResponse, ...clientErrorResponses },
      },
    },
    async (request) => deps.status.listDeliveries(request.params.id),
  );

  app.register(async (scope) => {
    // The signature covers the exact bytes Slack sent, so this route reads its body as text.
    scope.addContentTypeParser(
      ['application/json', 'application/x-www-form-urlencoded'],
      { parseAs: 'string' },
      (_request, body, done) => done(null, body),
    );

    // One intake for the routes' lifetime; none when Slack is not configured.
    const intake = deps.slack ? createSlackIntake(deps.slack) : undefined;

    /** Checks Slack's signature on the raw body; answers 404/401 itself and returns undefined when it did. */
    function verified(
      request: FastifyRequest,
      reply: FastifyReply,
    ): { intake: SlackIntake; raw: string } | undefined {
      const { signingSecret } = deps;
      if (!intake) {
        fail(
          reply,
          404,
          'SLACK_NOT_CONFIGURED',
          'Slack is not configured: set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET.',
        );
        return undefined;
      }
      if (!signingSecret) {
        fail(
          reply,
          404,
          'SLACK_HTTP_DISABLED',
          'Slack reaches this Argus over Socket Mode; set SLACK_SIGNING_SECRET to accept HTTP callbacks too.',
        );
        return undefined;
      }
      const raw = typeof request.body === 'string' ? request.body : '';
      const signature = header(request, 'x-slack-signature');
      const timestamp = Number(header(request, 'x-slack-request-timestamp'));
      const isSigned =
        signature !== undefined &&
        Number.isFinite(timestamp) &&
        isValidSlackRequest({
          signingSecret,
          body: raw,
          headers: { 'x-slack-signature': signature, 'x-slack-request-timestamp': timestamp },
        });
      if (!isSigned) {
        fail(
          reply,
          401,
          'INVALID_SLACK_SIGNATURE',
          'The request is not signed by Slack with this signing secret, or its timestamp is older than 5 minutes.',
        );
        return undefined;
      }
      return { intake, raw };
    }

    /** Sends what the intake answered: its body (empty when none), or the refusal with its code. */
    const send = (reply: FastifyReply, result: IntakeAnswer) =>
      result.ok
        ? reply.code(200).send(result.body ?? '')
        : fail(reply, result.status, result.code, result.message);

    scope.post('/slack/events', { schema: { hide: true } }, async (request, reply) => {
      const checked = verified(request, reply);
      if (!checked) return reply;
      let body: unknown;
      try {
        body = JSON.parse(checked.raw);
      } catch {
        return fail(reply, 400, 'MALFORMED_JSON', 'The event body is not JSON.');
      }
      return send(reply, await checked.intake.receiveEnvelope(body));
    });

    scope.post('/slack/commands', { schema: { hide: true } }, async (request, reply) => {
      const checked = verified(request, reply);
      if (!checked) return reply;
      const fields = Object.fromEntries(new URLSearchParams(checked.raw));
      return send(reply, await checked.intake.runSlashCommand(fields));
    });

    scope.post('/slack/interactivity', { schema: { hide: true } }, async (request, reply) => {
      const checked = verified(request, reply);
      if (!checked) return reply;
      let payload: unknown;
      try {
        payload = JSON.parse(new URLSearchParams(checked.raw).get('payload') ?? '');
      } catch {
        return fail(reply, 400, 'MALFORMED_JSON', 'The payload field is not JSON.');
      }
      return send(reply, await checked.intake.handleInteraction(payload));
    });
  });
}
