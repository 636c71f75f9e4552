import type { IssuePriority } from '@argus/contracts';

/** The colour bar of a card: critical red, high orange, medium yellow, low grey. */
export const priorityColors: Record<IssuePriority, string> = {
  critical: '#D92D20',
  high: '#F79009',
  medium: '#FDB022',
  low: '#98A2B3',
};

const priorityWords: Record<IssuePriority, string> = {
  critical: 'Critical',
  high: 'High',
  medium: 'Medium',
  low: 'Low',
};

export interface CardFacts {
  issueId: string;
  key: string;
  title: string;
  priority: IssuePriority;
  status: string;
  team: string | null;
  assignees: { name: string; slackUserId: string | null }[];
  url: string;
}

/** Slack's markup treats <, > and & as control characters; user text must escape them. */
export function escapeSlackText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * The thread card of an issue: title with its key, priority (colour bar), team, assignees as mentions, and the
 * Acknowledge / Resolve / Reassign buttons while they apply, plus "View in Dashboard". Short lines, so it reads well on a phone; `text` is the notification fallback.
 */
export function buildIssueCard(facts: CardFacts): { text: string; attachments: unknown[] } {
  const people =
    facts.assignees.length > 0
      ? facts.assignees
          .map((person) => (person.slackUserId ? `<@${person.slackUserId}>` : escapeSlackText(person.name)))
          .join(', ')
      : 'nobody yet';
  const title = escapeSlackText(facts.title);
  return {
    text: `${facts.key} · ${priorityWords[facts.priority]} · ${facts.title}`,
    attachments: [
      {
        color: priorityColors[facts.priority],
        blocks: [
          { type: 'section', text: { type: 'mrkdwn', text: `*<${facts.url}|${facts.key}>* ${title}` } },
          {
            type: 'section',
            fields: [
              { type: 'mrkdwn', text: `*Priority*\n${priorityWords[facts.priority]}` },
              { type: 'mrkdwn', text: `*Team*\n${facts.team ? escapeSlackText(facts.team) : 'not set'}` },
              { type: 'mrkdwn', text: `*Assigned to*\n${people}` },
              { type: 'mrkdwn', text: `*Status*\n${facts.status.replace('_', ' ')}` },
            ],
          },
          {
            type: 'actions',
            elements: [
              ...(facts.status === 'open'
                ? [
                    {
                      type: 'button',
                      text: { type: 'plain_text', text: 'Acknowledge' },
                      action_id: 'acknowledge',
                      value: facts.issueId,
                      style: 'primary',
                    },
                  ]
                : []),
              ...(facts.status !== 'resolved' && facts.status !== 'closed'
                ? [
                    {
                      type: 'button',
                      text: { type: 'plain_text', text: 'Resolve' },
                      action_id: 'resolve',
                      value: facts.issueId,
                    },
                  ]
                : []),
              ...(facts.status !== 'resolved' && facts.status !== 'closed'
                ? [
                    {
                      type: 'button',
                      text: { type: 'plain_text', text: 'Reassign' },
                      action_id: 'reassign',
                      value: facts.issueId,
                    },
                  ]
                : []),
              {
                type: 'button',
                text: { type: 'plain_text', text: 'View in Dashboard' },
                url: facts.url,
                action_id: 'open_dashboard',
              },
            ],
          },
        ],
      },
    ],
  };
}
