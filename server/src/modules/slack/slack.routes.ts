import {
  clientErrorResponses,
  issueIdParam,
  slackDeliveryListResponse,
  slackStatusResponse,
} from '@argus/contracts';
import { isValidSlackRequest } from '@slack/bolt';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import type { SlackService } from './slack.service.js';
import { blockActions, eventCallback, slashCommand, urlVerification, viewSubmission } from './slack-event.js';
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

    /** Checks Slack's signature on the raw body; answers 404/401 itself and returns undefined when it did. */
    function verified(
      request: FastifyRequest,
      reply: FastifyReply,
    ): { slack: SlackService; raw: string } | undefined {
      const { slack, signingSecret } = deps;
      if (!slack || !signingSecret) {
        fail(
          reply,
          404,
          'SLACK_NOT_CONFIGURED',
          'Slack is not configured: set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET.',
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
      return { slack, raw };
    }

    scope.post('/slack/events', { schema: { hide: true } }, async (request, reply) => {
      const checked = verified(request, reply);
      if (!checked) return reply;
      let body: unknown;
      try {
        body = JSON.parse(checked.raw);
      } catch {
        return fail(reply, 400, 'MALFORMED_JSON', 'The event body is not JSON.');
      }
      const handshake = urlVerification.safeParse(body);
      if (handshake.success) return reply.send({ challenge: handshake.data.challenge });
      const delivery = eventCallback.safeParse(body);
      if (!delivery.success)
        return fail(reply, 400, 'VALIDATION_FAILED', `Not a Slack event: ${describeIssue(delivery.error)}`);
      const botUserId = delivery.data.authorizations?.find((grant) => grant.user_id)?.user_id;
      await checked.slack.receiveEvent(delivery.data.event_id, delivery.data.event.type, {
        ...delivery.data.event,
        ...(botUserId ? { argus_bot_user_id: botUserId } : {}),
      });
      return reply.code(200).send();
    });

    scope.post('/slack/commands', { schema: { hide: true } }, async (request, reply) => {
      const checked = verified(request, reply);
      if (!checked) return reply;
      const form = slashCommand.safeParse(Object.fromEntries(new URLSearchParams(checked.raw)));
      if (!form.success)
        return fail(reply, 400, 'VALIDATION_FAILED', `Not a slash command: ${describeIssue(form.error)}`);
      return reply.send(
        await checked.slack.runCommand({ slackUserId: form.data.user_id, text: form.data.text }),
      );
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
      const click = blockActions.safeParse(payload);
      if (click.success) {
        const action = click.data.actions[0]!;
        const answer = await checked.slack.clickButton({
          slackUserId: click.data.user.id,
          actionId: action.action_id,
          issueId: action.value ?? '',
          triggerId: click.data.trigger_id,
        });
        return reply.send(answer ?? '');
      }
      const submission = viewSubmission.safeParse(payload);
      if (submission.success) {
        const { view, user } = submission.data;
        const values = view.state.values;
        const answer =
          view.callback_id === 'reassign_issue'
            ? await checked.slack.submitReassign({
                slackUserId: user.id,
                issueId: view.private_metadata,
                slackUserIds: values.assignees?.value?.selected_users ?? [],
              })
            : await checked.slack.submitResolve({
                slackUserId: user.id,
                issueId: view.private_metadata,
                reason: values.reason?.value?.value ?? '',
                template: values.template?.value?.selected_option?.value ?? null,
              });
        return reply.send(answer ?? '');
      }
      // Other interactions (a link button, a closed modal) need nothing from Argus.
      return reply.code(200).send();
    });
  });
}

function describeIssue(error: z.ZodError): string {
  const problem = error.issues[0];
  return `${problem?.path.join('.') || 'body'} ${problem?.message ?? ''}`.trim();
}
