import type { AiStatusResponse, TriageSource } from '@argus/contracts';
import { useState } from 'react';
import { investigatorLabel, triageSourceLabel } from '../../api/domain';
import {
  isAwaitingNewModel,
  type RetrainRequest,
  useAiStatus,
  useRetrainTriageModel,
} from '../../api/intelligence';
import { ErrorState, Skeleton } from '../States';
import { LocalModelCard } from './LocalModelCard';
import { ServiceHealthCard } from './ServiceHealthCard';

const activePathHint: Record<TriageSource, string> = {
  llm: 'New issues are triaged by the LLM; when it cannot answer, the local model or keywords take over.',
  local:
    'New issues are triaged by the model Argus trained on the teams, priorities and categories people chose for past issues.',
  rules:
    'New issues are triaged by severity words in their text and the teams’ routing keywords, until the local model is trained.',
};

function AiStatusView({
  status,
  canRetrain,
  isRetraining,
  onRetrain,
}: {
  status: AiStatusResponse;
  canRetrain: boolean;
  isRetraining: boolean;
  onRetrain: () => void;
}) {
  const { llm, investigator } = status;
  return (
    <div className="stack">
      <div className="card stack">
        <p className="active-path">
          Triage now uses: <strong>{triageSourceLabel[status.activeTriagePath]}</strong>
        </p>
        <p className="hint">{activePathHint[status.activeTriagePath]}</p>
        {!llm.configured && !investigator.configured && (
          <p>
            Argus triages and investigates on its own, with no outside service. To add an LLM, set{' '}
            <code>AI_API_BASE</code> to any OpenAI-compatible endpoint; to hand investigations to your own
            service, set <code>INVESTIGATOR_URL</code>. The README describes both.
          </p>
        )}
      </div>
      <div className="settings-grid">
        <ServiceHealthCard
          title="LLM"
          health={llm}
          notConfigured={
            <>
              Set <code>AI_API_BASE</code> (and the models) to triage and investigate with an LLM.
            </>
          }
        >
          <dt>Base URL</dt>
          <dd className="panel-text">{llm.baseUrl ?? '—'}</dd>
          <dt>Model</dt>
          <dd>{llm.model ?? '—'}</dd>
          <dt>Fast model</dt>
          <dd>{llm.fastModel ?? '—'}</dd>
        </ServiceHealthCard>
        <ServiceHealthCard
          title="Investigation service"
          health={investigator}
          notConfigured={
            <>
              Set <code>INVESTIGATOR_URL</code> to have your own service investigate root causes first.
            </>
          }
        >
          <dt>URL</dt>
          <dd className="panel-text">{investigator.url ?? '—'}</dd>
          <dt>Time limit</dt>
          <dd>{investigator.timeoutSeconds} s</dd>
        </ServiceHealthCard>
        <LocalModelCard
          model={status.localModel}
          canRetrain={canRetrain}
          isRetraining={isRetraining}
          onRetrain={onRetrain}
        />
        <section className="card stack" aria-labelledby="investigators-heading">
          <h3 id="investigators-heading">Root-cause investigators</h3>
          <p className="hint">Tried in this order until one answers.</p>
          <ol className="panel-list">
            {status.activeInvestigators.map((kind) => (
              <li key={kind}>{investigatorLabel[kind]}</li>
            ))}
          </ol>
        </section>
      </div>
      <section className="card stack" aria-labelledby="categories-heading">
        <h3 id="categories-heading">Categories</h3>
        {status.categories.length > 0 ? (
          <ul className="chip-list">
            {status.categories.map((category) => (
              <li key={category} className="label-chip">
                {category}
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">No categories.</p>
        )}
      </section>
    </div>
  );
}

/** "AI and analysis": which triage path is active, the outside services' health, the local model. */
export function AiSettings({ canRetrain }: { canRetrain: boolean }) {
  const [retrainAsked, setRetrainAsked] = useState<RetrainRequest | null>(null);
  const status = useAiStatus(retrainAsked);
  const retrain = useRetrainTriageModel();
  const isRetraining = retrain.isPending || isAwaitingNewModel(retrainAsked, status.data);
  return (
    <section className="stack" aria-labelledby="ai-heading">
      <h2 id="ai-heading">AI and analysis</h2>
      {status.isPending ? (
        <Skeleton rows={6} label="Loading the AI status" />
      ) : status.isError ? (
        <ErrorState error={status.error} onRetry={() => void status.refetch()} />
      ) : (
        <AiStatusView
          status={status.data}
          canRetrain={canRetrain}
          isRetraining={isRetraining}
          onRetrain={() => {
            const previousTrainedAt = status.data.localModel.trainedAt;
            retrain.mutate(undefined, {
              onSuccess: () => setRetrainAsked({ previousTrainedAt, askedAtMs: Date.now() }),
            });
          }}
        />
      )}
    </section>
  );
}
