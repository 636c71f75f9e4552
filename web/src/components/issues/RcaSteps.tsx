import type { RcaStep } from '@argus/contracts';
import { investigatorLabel } from '../../api/domain';
import { RelativeTime } from '../RelativeTime';

/**
 * The steps of an investigation, oldest first. The list is a polite live region: steps streamed in while
 * the page is open are read out as they appear.
 */
export function RcaSteps({ steps }: { steps: RcaStep[] }) {
  return (
    <ol className="rca-steps" aria-label="Investigation steps" aria-live="polite" aria-relevant="additions">
      {steps.map((step) => (
        <li key={step.seq} className={`rca-step rca-step-${step.kind}`}>
          <span className="tag">{investigatorLabel[step.investigator]}</span>{' '}
          <span className="rca-step-message">{step.message}</span>{' '}
          <span className="hint">
            <RelativeTime at={step.at} />
          </span>
        </li>
      ))}
    </ol>
  );
}
