import type { AiStatusResponse } from '@argus/contracts';
import { RelativeTime } from '../RelativeTime';

/** The triage model Argus trains on what people chose for past issues; admins can retrain it now. */
export function LocalModelCard({
  model,
  canRetrain,
  isRetraining,
  onRetrain,
}: {
  model: AiStatusResponse['localModel'];
  canRetrain: boolean;
  isRetraining: boolean;
  onRetrain: () => void;
}) {
  return (
    <section className="card stack" aria-labelledby="local-model-heading">
      <h3 id="local-model-heading">Local model</h3>
      <dl className="panel-facts">
        <dt>Trained</dt>
        <dd>
          {model.trainedAt ? <RelativeTime at={model.trainedAt} /> : <span className="muted">Not yet</span>}
        </dd>
        <dt>Learned from</dt>
        <dd>
          {model.exampleCount === 1 ? '1 issue' : `${model.exampleCount} issues`},{' '}
          {model.teamCount === 1 ? '1 team' : `${model.teamCount} teams`}
        </dd>
        {model.version && (
          <>
            <dt>Version</dt>
            <dd>
              <code>{model.version}</code>
            </dd>
          </>
        )}
      </dl>
      {canRetrain && (
        <div className="row">
          <button type="button" className="button small" disabled={isRetraining} onClick={onRetrain}>
            {isRetraining ? 'Retraining…' : 'Retrain now'}
          </button>
          {isRetraining && (
            <span className="hint" role="status">
              The figures above update when the new model is ready.
            </span>
          )}
        </div>
      )}
    </section>
  );
}
