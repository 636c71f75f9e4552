import type { IssueRecord } from '../issues/index.js';
import type { SlackServiceDeps } from './slack.types.js';
import { escapeSlackText } from './slack-card.js';
import { ARGUS_HELP, parseArgusCommand } from './slack-commands.js';
import { personForSlackUser } from './slack-people.js';

/** One-click answers to "How was this fixed?", as in the dashboard's resolve dialog. */
export const RESOLUTION_TEMPLATES = [
  'Fixed in production',
  'Not an issue',
  'Duplicate',
  'Transient — recovered on its own',
];

/** What Slack shows the person who acted: only them (ephemeral) unless said otherwise. */
export interface SlackReply {
  response_type: 'ephemeral';
  text: string;
}

const reply = (text: string): SlackReply => ({ response_type: 'ephemeral', text });

type ActionDeps = Pick<SlackServiceDeps, 'issues' | 'users' | 'slack' | 'loadActor' | 'keyOf' | 'publicUrl'>;

/** Reading an Argus account off a Slack user without creating one: assignees must already be Argus people. */
async function findArgusPerson(deps: ActionDeps, slackUserId: string) {
  const known = await deps.users.findPersonBySlackId(slackUserId);
  if (known) return known;
  const profile = await deps.slack.findUser(slackUserId);
  const byEmail = profile.email ? await deps.users.findUserByEmail(profile.email) : undefined;
  if (!byEmail) return { missing: profile.name };
  await deps.users.rememberSlackId(byEmail.id, slackUserId);
  return { id: byEmail.id, name: byEmail.name, slackUserId };
}

/**
 * `/argus` and the buttons on the issue card. The Slack user becomes their Argus person (matched by e-mail) and
 * acts with that person's roles, so Slack obeys the same permission table as the API; a refusal is explained.
 */
export function createSlackActions(deps: ActionDeps) {
  async function actorFor(slackUserId: string) {
    const person = await personForSlackUser(deps, slackUserId);
    return deps.loadActor(person.id);
  }

  const link = (issue: IssueRecord) => {
    const key = deps.keyOf(issue.number);
    return `<${deps.publicUrl}/issues/${key}|${key}>`;
  };

  /** Runs the action and turns an Argus refusal (not found, not allowed, a rule) into its plain message. */
  async function explainFailures(run: () => Promise<SlackReply>): Promise<SlackReply> {
    try {
      return await run();
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (typeof code === 'string' && /^[A-Z_]+$/.test(code))
        return reply(`:warning: ${(error as Error).message}`);
      throw error;
    }
  }

  return {
    /** Answers `/argus …` within Slack's 3 seconds, visible only to the person who typed it. */
    async runCommand(input: { slackUserId: string; text: string }): Promise<SlackReply> {
      const command = parseArgusCommand(input.text);
      if (command.kind === 'help') return reply(ARGUS_HELP);
      if (command.kind === 'invalid') return reply(command.message);
      return explainFailures(async () => {
        const actor = await actorFor(input.slackUserId);
        if (command.kind === 'list') {
          const { items } = await deps.issues.listIssues(
            {
              page: 1,
              pageSize: 10,
              assignee: ['me'],
              status: ['open', 'acknowledged', 'in_progress'],
              sort: '-priority',
            },
            actor,
          );
          if (items.length === 0) return reply('You have no open issues. :tada:');
          return reply(
            [
              `*Your open issues* (${items.length}${items.length === 10 ? '+' : ''})`,
              ...items.map(
                (issue) =>
                  `• ${link(issue)} ${issue.priority} · ${issue.status.replace('_', ' ')} · ${escapeSlackText(issue.title)}`,
              ),
            ].join('\n'),
          );
        }
        if (command.kind === 'status') {
          const issue = await deps.issues.getIssue(command.reference);
          const people = issue.assignees.map((person) => person.name).join(', ') || 'nobody';
          return reply(
            `${link(issue)} *${escapeSlackText(issue.title)}*\n${issue.priority} · ${issue.status.replace('_', ' ')} · ${issue.team?.name ?? 'no team'} · assigned to ${escapeSlackText(people)}`,
          );
        }
        const resolved = await deps.issues.resolveIssue(actor, command.reference, command.reason);
        return reply(`:white_check_mark: Resolved ${link(resolved)}: ${escapeSlackText(command.reason)}`);
      });
    },

    /** A button on the card: Acknowledge changes the status; Resolve opens the modal asking how it was fixed. */
    async clickButton(input: {
      slackUserId: string;
      actionId: string;
      issueId: string;
      triggerId: string;
    }): Promise<SlackReply | null> {
      return explainFailures(async () => {
        const actor = await actorFor(input.slackUserId);
        const issue = await deps.issues.getIssue(input.issueId);
        if (input.actionId === 'acknowledge') {
          const updated = await deps.issues.updateIssue(actor, issue.id, { status: 'acknowledged' });
          return reply(`:eyes: You acknowledged ${link(updated)}.`);
        }
        if (input.actionId === 'reassign') {
          const slackIds = await deps.users.listSlackIds(issue.assignees.map((person) => person.id));
          await deps.slack.openView(
            input.triggerId,
            reassignModal(issue, deps.keyOf(issue.number), [...slackIds.values()]),
          );
          return reply('');
        }
        if (input.actionId === 'resolve') {
          await deps.slack.openView(input.triggerId, resolveModal(issue, deps.keyOf(issue.number)));
          return reply('');
        }
        return reply(`:warning: Unknown action "${input.actionId}".`);
      }).then((answer) => (answer.text ? answer : null));
    },

    /** The reassign modal was submitted: the chosen people become the assignees, through the permission table. */
    async submitReassign(input: {
      slackUserId: string;
      issueId: string;
      slackUserIds: string[];
    }): Promise<{ response_action: 'errors'; errors: Record<string, string> } | null> {
      const people = await Promise.all(input.slackUserIds.map((id) => findArgusPerson(deps, id)));
      const missing = people.flatMap((person) => ('missing' in person ? [person.missing] : []));
      if (missing.length > 0)
        return {
          response_action: 'errors',
          errors: { assignees: `No Argus account with the Slack e-mail of ${missing.join(', ')}.` },
        };
      if (people.length === 0)
        return { response_action: 'errors', errors: { assignees: 'Pick at least one person.' } };
      const chosen = people.flatMap((person) => ('id' in person ? [person.id] : []));
      const answer = await explainFailures(async () => {
        const actor = await actorFor(input.slackUserId);
        const issue = await deps.issues.getIssue(input.issueId);
        const current = issue.assignees.map((person) => person.id);
        await deps.issues.setAssignees(actor, issue.id, {
          add: chosen.filter((id) => !current.includes(id)),
          remove: current.filter((id) => !chosen.includes(id)),
        });
        return reply('');
      });
      return answer.text
        ? { response_action: 'errors', errors: { assignees: answer.text.replace(':warning: ', '') } }
        : null;
    },

    /**
     * The resolve modal was submitted: a reason (typed or a template) is required; returns Slack's field errors when
     * missing, nothing when done.
     */
    async submitResolve(input: {
      slackUserId: string;
      issueId: string;
      reason: string;
      template: string | null;
    }): Promise<{ response_action: 'errors'; errors: Record<string, string> } | null> {
      const reason = input.reason.trim() || input.template?.trim() || '';
      if (!reason)
        return { response_action: 'errors', errors: { reason: 'Say how it was fixed, or pick a template.' } };
      const answer = await explainFailures(async () => {
        const actor = await actorFor(input.slackUserId);
        await deps.issues.resolveIssue(actor, input.issueId, reason);
        return reply('');
      });
      return answer.text
        ? { response_action: 'errors', errors: { reason: answer.text.replace(':warning: ', '') } }
        : null;
    },
  };
}

/** The "Reassign ARG-n" modal: pick the people (Slack users with an Argus account) who should hold the issue. */
export function reassignModal(
  issue: IssueRecord,
  key: string,
  currentSlackIds: string[],
): Record<string, unknown> {
  return {
    type: 'modal',
    callback_id: 'reassign_issue',
    private_metadata: issue.id,
    title: { type: 'plain_text', text: `Reassign ${key}` },
    submit: { type: 'plain_text', text: 'Save' },
    close: { type: 'plain_text', text: 'Cancel' },
    blocks: [
      {
        type: 'input',
        block_id: 'assignees',
        label: { type: 'plain_text', text: 'Assigned to' },
        element: {
          type: 'multi_users_select',
          action_id: 'value',
          ...(currentSlackIds.length > 0 ? { initial_users: currentSlackIds } : {}),
        },
      },
    ],
  };
}

/** The "Resolve ARG-n" modal: a required reason, with the quick templates to pick from. */
export function resolveModal(issue: IssueRecord, key: string): Record<string, unknown> {
  return {
    type: 'modal',
    callback_id: 'resolve_issue',
    private_metadata: issue.id,
    title: { type: 'plain_text', text: `Resolve ${key}` },
    submit: { type: 'plain_text', text: 'Resolve' },
    close: { type: 'plain_text', text: 'Cancel' },
    blocks: [
      {
        type: 'input',
        block_id: 'template',
        optional: true,
        label: { type: 'plain_text', text: 'Quick answer' },
        element: {
          type: 'static_select',
          action_id: 'value',
          placeholder: { type: 'plain_text', text: 'Pick a common answer' },
          options: RESOLUTION_TEMPLATES.map((text) => ({ text: { type: 'plain_text', text }, value: text })),
        },
      },
      {
        type: 'input',
        block_id: 'reason',
        optional: true,
        label: { type: 'plain_text', text: 'How was this fixed?' },
        element: { type: 'plain_text_input', action_id: 'value', multiline: true, max_length: 2000 },
      },
    ],
  };
}
