import { isValidSlackRequest } from '@slack/bolt';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { SlackService } from './slack.service.js';
import { eventCallback, urlVerification } from './slack-event.js';

/** Reads a header that must appear once. */
function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return typeof value === 'string' ? value : undefined;
}

const fail = (reply: FastifyReply, status: number, code: string, message: string) =>
  reply.code(status).send({ error: { code, message } });

/**
 * Slack's Events API at POST /slack/events on Argus's own port. The raw body is kept for the signature (v0
 * HMAC-SHA256 with the signing secret, 5-minute replay window, checked by Bolt's verifier); a bad or stale
 * signature gets 401 and changes nothing. Events are stored and acknowledged at once; jobs do the work.
 */
export function registerSlackRoutes(
  app: FastifyInstance,
  deps: { slack: SlackService | undefined; signingSecret: string | undefined },
): void {
  app.register(async (scope) => {
    // The signature covers the exact bytes Slack sent, so this route reads its body as text.
    scope.addContentTypeParser(
      ['application/json', 'application/x-www-form-urlencoded'],
      { parseAs: 'string' },
      (_request, body, done) => done(null, body),
    );

    scope.post('/slack/events', { schema: { hide: true } }, async (request, reply) => {
      const { slack, signingSecret } = deps;
      if (!slack || !signingSecret)
        return fail(
          reply,
          404,
          'SLACK_NOT_CONFIGURED',
          'Slack is not configured: set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET.',
        );
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
      if (!isSigned)
        return fail(
          reply,
          401,
          'INVALID_SLACK_SIGNATURE',
          'The request is not signed by Slack with this signing secret, or its timestamp is older than 5 minutes.',
        );
      let body: unknown;
      try {
        body = JSON.parse(raw);
      } catch {
        return fail(reply, 400, 'MALFORMED_JSON', 'The event body is not JSON.');
      }
      const handshake = urlVerification.safeParse(body);
      if (handshake.success) return reply.send({ challenge: handshake.data.challenge });
      const delivery = eventCallback.safeParse(body);
      if (!delivery.success) {
        const problem = delivery.error.issues[0];
        return fail(
          reply,
          400,
          'VALIDATION_FAILED',
          `Not a Slack event: ${problem?.path.join('.') || 'body'} ${problem?.message ?? ''}`.trim(),
        );
      }
      await slack.receiveEvent(delivery.data.event_id, delivery.data.event.type, delivery.data.event);
      return reply.code(200).send();
    });
  });
}
