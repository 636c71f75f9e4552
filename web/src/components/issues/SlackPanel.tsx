import type { IssueResponse, SlackDelivery } from '@argus/contracts';
import { slackDeliveryKindLabel } from '../../api/domain';
import { useSlackDeliveries } from '../../api/slack';
import { RelativeTime } from '../RelativeTime';
import { ErrorState, Skeleton } from '../States';

/** "waiting — 3 attempts, last error: ratelimited", or plain "waiting" before the first attempt. */
function waitingText(delivery: SlackDelivery): string {
  const attempts =
    delivery.attempts > 0
      ? ` — ${delivery.attempts} ${delivery.attempts === 1 ? 'attempt' : 'attempts'}`
      : '';
  const lastError = delivery.lastError ? `, last error: ${delivery.lastError}` : '';
  return `waiting${attempts}${lastError}`;
}

function SlackDeliveryItem({ delivery }: { delivery: SlackDelivery }) {
  const hasFailed = delivery.status === 'pending' && (delivery.attempts > 0 || delivery.lastError !== null);
  return (
    <li>
      <span className="slack-delivery-kind">{slackDeliveryKindLabel[delivery.kind]}</span>{' '}
      {delivery.status === 'sent' ? (
        <span className="hint">sent {delivery.sentAt ? <RelativeTime at={delivery.sentAt} /> : null}</span>
      ) : (
        <span className={hasFailed ? 'panel-text slack-failing' : 'hint'}>{waitingText(delivery)}</span>
      )}
    </li>
  );
}

/**
 * "Slack": where the issue was reported in Slack and the messages Argus owed Slack about it, sent or still
 * waiting. Renders nothing for an issue with no Slack thread and no messages.
 */
export function SlackPanel({ issue }: { issue: IssueResponse }) {
  const deliveries = useSlackDeliveries(issue.key);
  const hasDeliveries = (deliveries.data?.length ?? 0) > 0;
  // Without a Slack thread there is nothing to say until the list shows a message (e.g. a DM to an assignee).
  if (!issue.slack && !hasDeliveries) return null;
  return (
    <section className="card panel" aria-labelledby="slack-panel-heading">
      <h2 id="slack-panel-heading">Slack</h2>
      <div className="stack">
        {issue.slack && (
          <p>
            Reported in channel <code>{issue.slack.channelId}</code>
            {issue.slack.threadTs ? ', in a thread' : ''}.
          </p>
        )}
        {deliveries.isPending ? (
          <Skeleton rows={2} label="Loading the Slack messages" />
        ) : deliveries.isError ? (
          <ErrorState error={deliveries.error} onRetry={() => void deliveries.refetch()} />
        ) : hasDeliveries ? (
          <ul className="slack-deliveries" aria-label="Messages to Slack">
            {deliveries.data.map((delivery) => (
              <SlackDeliveryItem key={delivery.key} delivery={delivery} />
            ))}
          </ul>
        ) : (
          <p className="muted">No messages to Slack yet.</p>
        )}
      </div>
    </section>
  );
}
