import type { z } from 'zod';
import type { SlackService } from './slack.service.js';
import { blockActions, eventCallback, slashCommand, urlVerification, viewSubmission } from './slack-event.js';

/** What to answer Slack: a body to send back, or a refusal naming the problem. */
export type IntakeAnswer =
  | { ok: true; body: unknown }
  | { ok: false; status: 400; code: string; message: string };

const answer = (body: unknown): IntakeAnswer => ({ ok: true, body });
const refuse = (code: string, message: string): IntakeAnswer => ({ ok: false, status: 400, code, message });

function describeIssue(error: z.ZodError): string {
  const problem = error.issues[0];
  return `${problem?.path.join('.') || 'body'} ${problem?.message ?? ''}`.trim();
}

/**
 * Slack's three kinds of callbacks, whatever carried them (signed HTTP requests or a Socket Mode connection):
 * each is parsed, handed to the service, and answered with what Slack expects back.
 */
export function createSlackIntake(slack: SlackService) {
  return {
    /** An Events API envelope: the URL handshake, or an event stored for its job (acknowledged at once). */
    async receiveEnvelope(body: unknown): Promise<IntakeAnswer> {
      const handshake = urlVerification.safeParse(body);
      if (handshake.success) return answer({ challenge: handshake.data.challenge });
      const delivery = eventCallback.safeParse(body);
      if (!delivery.success)
        return refuse('VALIDATION_FAILED', `Not a Slack event: ${describeIssue(delivery.error)}`);
      const botUserId = delivery.data.authorizations?.find((grant) => grant.user_id)?.user_id;
      await slack.receiveEvent(delivery.data.event_id, delivery.data.event.type, {
        ...delivery.data.event,
        ...(botUserId ? { argus_bot_user_id: botUserId } : {}),
      });
      return answer(null);
    },

    /** A `/argus` slash command: answered right away, visible only to its author. */
    async runSlashCommand(fields: Record<string, unknown>): Promise<IntakeAnswer> {
      const form = slashCommand.safeParse(fields);
      if (!form.success)
        return refuse('VALIDATION_FAILED', `Not a slash command: ${describeIssue(form.error)}`);
      return answer(await slack.runCommand({ slackUserId: form.data.user_id, text: form.data.text }));
    },

    /** A button click or a submitted modal; other interactions need nothing from Argus. */
    async handleInteraction(payload: unknown): Promise<IntakeAnswer> {
      const click = blockActions.safeParse(payload);
      if (click.success) {
        const action = click.data.actions[0]!;
        return answer(
          await slack.clickButton({
            slackUserId: click.data.user.id,
            actionId: action.action_id,
            issueId: action.value ?? '',
            triggerId: click.data.trigger_id,
          }),
        );
      }
      const submission = viewSubmission.safeParse(payload);
      if (!submission.success) return answer(null);
      const { view, user } = submission.data;
      const values = view.state.values;
      return answer(
        view.callback_id === 'reassign_issue'
          ? await slack.submitReassign({
              slackUserId: user.id,
              issueId: view.private_metadata,
              slackUserIds: values.assignees?.value?.selected_users ?? [],
            })
          : await slack.submitResolve({
              slackUserId: user.id,
              issueId: view.private_metadata,
              reason: values.reason?.value?.value ?? '',
              template: values.template?.value?.selected_option?.value ?? null,
            }),
      );
    },
  };
}

export type SlackIntake = ReturnType<typeof createSlackIntake>;
