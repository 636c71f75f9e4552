import type { RcaResult } from '@argus/contracts';
import { investigatorLabel } from '../../api/domain';
import { RelativeTime } from '../RelativeTime';
import { ConfidenceMeter } from './ConfidenceMeter';
import { describeActionable, describeAttempts } from './rcaText';

/** A finished root-cause analysis: what happened, why, the evidence and what to do next. */
export function RcaResultView({ rca }: { rca: RcaResult }) {
  const actionable = describeActionable(rca.actionable);
  return (
    <div className="stack">
      {actionable && (
        <p className={`notice ${rca.actionable ? 'notice-warning' : 'notice-info'}`}>{actionable}</p>
      )}
      {rca.summary && <p className="panel-text rca-summary">{rca.summary}</p>}
      {rca.probableCause && (
        <div>
          <h3>Probable cause</h3>
          <p className="panel-text">{rca.probableCause}</p>
        </div>
      )}
      {rca.evidence.length > 0 && (
        <div>
          <h3>Evidence</h3>
          <ul className="panel-list">
            {rca.evidence.map((item, index) => (
              <li key={index}>{item}</li>
            ))}
          </ul>
        </div>
      )}
      {rca.nextSteps.length > 0 && (
        <div>
          <h3>Next steps</h3>
          <ol className="next-steps">
            {rca.nextSteps.map((item, index) => (
              <li key={index}>{item}</li>
            ))}
          </ol>
        </div>
      )}
      <dl className="panel-facts">
        {rca.confidence !== null && (
          <>
            <dt>Confidence</dt>
            <dd>
              <ConfidenceMeter confidence={rca.confidence} />
            </dd>
          </>
        )}
        {rca.investigator && (
          <>
            <dt>Answered by</dt>
            <dd>
              {investigatorLabel[rca.investigator]}
              {rca.finishedAt && (
                <>
                  {' · '}
                  <RelativeTime at={rca.finishedAt} />
                </>
              )}
            </dd>
          </>
        )}
        {rca.attempts.length > 0 && (
          <>
            <dt>Path</dt>
            <dd>{describeAttempts(rca.attempts)}</dd>
          </>
        )}
      </dl>
    </div>
  );
}
