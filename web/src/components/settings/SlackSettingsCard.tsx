import type { SlackStatusResponse } from '@argus/contracts';
import { useSlackStatus } from '../../api/slack';
import { RelativeTime } from '../RelativeTime';
import { ErrorState, Skeleton } from '../States';

/** How delivery is going: messages waiting, failing (with the last error) and the last one Slack accepted. */
function SlackDeliveryFacts({ status }: { status: SlackStatusResponse }) {
  const isFailing = status.failingDeliveries > 0;
  return (
    <dl className="panel-facts">
      <dt>Messages waiting</dt>
      <dd>{status.pendingDeliveries}</dd>
      <dt>Failing</dt>
      <dd className={isFailing ? 'slack-failing' : undefined}>{status.failingDeliveries}</dd>
      {isFailing && status.lastError && (
        <>
          <dt>Last error</dt>
          <dd className="panel-text slack-failing">{status.lastError}</dd>
        </>
      )}
      <dt>Last message sent</dt>
      <dd>
        {status.lastDeliveredAt ? (
          <RelativeTime at={status.lastDeliveredAt} />
        ) : (
          <span className="muted">Never</span>
        )}
      </dd>
      {status.apiUrl && (
        <>
          <dt>Slack API</dt>
          <dd className="panel-text">{status.apiUrl}</dd>
        </>
      )}
    </dl>
  );
}

/** "Slack": whether a workspace is connected and how Argus's messages to it are going, or how to connect one. */
export function SlackSettingsCard() {
  const status = useSlackStatus();
  return (
    <section className="card stack" aria-labelledby="slack-heading">
      <div className="row">
        <h2 id="slack-heading">Slack</h2>
        {status.data &&
          (status.data.configured ? (
            <span className="badge health-closed">Connected</span>
          ) : (
            <span className="badge health-unknown">Not configured</span>
          ))}
      </div>
      {status.isPending ? (
        <Skeleton rows={3} label="Loading the Slack status" />
      ) : status.isError ? (
        <ErrorState error={status.error} onRetry={() => void status.refetch()} />
      ) : status.data.configured ? (
        <SlackDeliveryFacts status={status.data} />
      ) : (
        <p className="hint">
          Set <code>SLACK_BOT_TOKEN</code> and <code>SLACK_SIGNING_SECRET</code>, then install the Slack app
          from <code>slack-app-manifest.yaml</code> (the README’s “Slack” section walks through it). People
          can then report issues by mentioning @Argus, and follow them in the thread.
        </p>
      )}
    </section>
  );
}
