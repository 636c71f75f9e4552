import type { InvestigationContext, InvestigationFindings, Investigator, ReportedStep } from './rca.types.js';

/** The investigation-service client as the chain needs it (see integrations/investigator). */
export interface InvestigationService {
  investigate(
    request: InvestigationContext,
    options: { onStep: (step: ReportedStep) => void | Promise<void> },
  ): Promise<InvestigationFindings>;
}

/** A team's own deep-investigation service (docs/investigator-contract.md), tried first when configured. */
export function createExternalInvestigator(service: InvestigationService, url: string): Investigator {
  return {
    kind: 'external',
    async investigate(context, report) {
      await report({
        kind: 'progress',
        message: `Asking the investigation service at ${new URL(url).host}.`,
      });
      return service.investigate(context, { onStep: (step) => report(step) });
    },
  };
}
