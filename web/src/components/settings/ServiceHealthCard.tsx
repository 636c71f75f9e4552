import type { AiStatusResponse } from '@argus/contracts';
import type { ReactNode } from 'react';
import { RelativeTime } from '../RelativeTime';

type Circuit = NonNullable<AiStatusResponse['llm']['circuit']>;

/** The circuit breaker's state in plain words: "open" means Argus stopped calling after repeated failures. */
const healthLabel: Record<Circuit, string> = {
  closed: 'Healthy',
  open: 'Resting after failures',
  half_open: 'Trying again',
};

function HealthBadge({ circuit }: { circuit: Circuit | null }) {
  if (!circuit) return <span className="badge health-unknown">Not called yet</span>;
  return <span className={`badge health-${circuit}`}>{healthLabel[circuit]}</span>;
}

/** When an outside AI service last answered and last failed, and why. */
interface ServiceHealth {
  configured: boolean;
  circuit: Circuit | null;
  lastSuccessAt: string | null;
  lastFailureAt: string | null;
  lastError: string | null;
}

function When({ at }: { at: string | null }) {
  return at ? <RelativeTime at={at} /> : <span className="muted">Never</span>;
}

/** One outside AI service (the LLM or the investigation service): its settings and how it has been doing. */
export function ServiceHealthCard({
  title,
  health,
  notConfigured,
  children,
}: {
  title: string;
  health: ServiceHealth;
  /** One sentence: what to set to use this service. */
  notConfigured: ReactNode;
  /** Rows of the service's own settings (<dt>/<dd> pairs). */
  children: ReactNode;
}) {
  const headingId = `service-${title.replace(/\W+/g, '-').toLowerCase()}`;
  return (
    <section className="card stack" aria-labelledby={headingId}>
      <div className="row">
        <h3 id={headingId}>{title}</h3>
        {health.configured ? (
          <HealthBadge circuit={health.circuit} />
        ) : (
          <span className="badge health-unknown">Not configured</span>
        )}
      </div>
      {health.configured ? (
        <dl className="panel-facts">
          {children}
          <dt>Last success</dt>
          <dd>
            <When at={health.lastSuccessAt} />
          </dd>
          <dt>Last failure</dt>
          <dd>
            <When at={health.lastFailureAt} />
          </dd>
          {health.lastError && (
            <>
              <dt>Last error</dt>
              <dd className="panel-text">{health.lastError}</dd>
            </>
          )}
        </dl>
      ) : (
        <p className="hint">{notConfigured}</p>
      )}
    </section>
  );
}
