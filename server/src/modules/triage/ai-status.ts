import type { AiStatusResponse } from '@argus/contracts';
import type { TriageService } from './triage.service.js';

/** Health of one outside service as its client reports it. */
export interface ServiceHealth {
  circuit: 'closed' | 'open' | 'half_open';
  lastSuccessAt: Date | null;
  lastFailureAt: Date | null;
  lastError: string | null;
}

const iso = (date: Date | null) => (date ? date.toISOString() : null);

/** Assembles the settings page's view of the AI paths: what is configured, which path runs, how healthy. */
export function createAiStatusReader(deps: {
  triage: Pick<TriageService, 'describeModel'>;
  categories: readonly string[];
  llm?: { health(): ServiceHealth; describe(): { baseUrl: string; model: string; fastModel: string } };
  investigator?: { health(): ServiceHealth; describe(): { url: string; timeoutSeconds: number } };
  investigatorTimeoutSeconds: number;
}) {
  return async function readAiStatus(): Promise<AiStatusResponse> {
    const model = await deps.triage.describeModel();
    const llm = deps.llm;
    const investigator = deps.investigator;
    const llmHealth = llm?.health();
    const investigatorHealth = investigator?.health();
    const isLlmUsable = llmHealth !== undefined && llmHealth.circuit !== 'open';
    return {
      activeTriagePath: isLlmUsable ? 'llm' : model.trainedAt ? 'local' : 'rules',
      activeInvestigators: [
        ...(investigator ? (['external'] as const) : []),
        ...(llm ? (['llm'] as const) : []),
        'checklist' as const,
      ],
      llm: {
        configured: llm !== undefined,
        baseUrl: llm?.describe().baseUrl ?? null,
        model: llm?.describe().model ?? null,
        fastModel: llm?.describe().fastModel ?? null,
        circuit: llmHealth?.circuit ?? null,
        lastSuccessAt: iso(llmHealth?.lastSuccessAt ?? null),
        lastFailureAt: iso(llmHealth?.lastFailureAt ?? null),
        lastError: llmHealth?.lastError ?? null,
      },
      investigator: {
        configured: investigator !== undefined,
        url: investigator?.describe().url ?? null,
        timeoutSeconds: investigator?.describe().timeoutSeconds ?? deps.investigatorTimeoutSeconds,
        circuit: investigatorHealth?.circuit ?? null,
        lastSuccessAt: iso(investigatorHealth?.lastSuccessAt ?? null),
        lastFailureAt: iso(investigatorHealth?.lastFailureAt ?? null),
        lastError: investigatorHealth?.lastError ?? null,
      },
      localModel: {
        trainedAt: iso(model.trainedAt),
        exampleCount: model.exampleCount,
        teamCount: model.teamCount,
        version: model.version,
      },
      categories: [...deps.categories],
    };
  };
}
