import type { IssueStatus } from '@argus/contracts';
import type { InvestigationFindings } from './rca.types.js';

/** A team's auto-resolve setting. */
export interface AutoResolvePolicy {
  isEnabled: boolean;
  minConfidence: number;
}

/** Issues without a team follow the default policy: on, at 80 % confidence. */
export const DEFAULT_AUTO_RESOLVE_POLICY: AutoResolvePolicy = { isEnabled: true, minConfidence: 0.8 };

/**
 * Argus resolves an issue on its own only when the analysis says there is nothing to act on, is at least as sure
 * as the team asks, and the issue is still active (nobody resolved or closed it meanwhile).
 */
export function shouldAutoResolve(
  findings: Pick<InvestigationFindings, 'actionable' | 'confidence'>,
  policy: AutoResolvePolicy,
  status: IssueStatus,
): boolean {
  if (!policy.isEnabled || findings.actionable) return false;
  if (status === 'resolved' || status === 'closed') return false;
  return findings.confidence >= policy.minConfidence;
}

/** The resolution reason Argus writes, in plain words. */
export function describeAutoResolution(
  findings: Pick<InvestigationFindings, 'summary' | 'confidence'>,
): string {
  return `The root-cause analysis found nothing to act on (${Math.round(findings.confidence * 100)}% sure). ${
    findings.summary
  }`.slice(0, 2000);
}
