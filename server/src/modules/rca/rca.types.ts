import type { InvestigatorKind, IssuePriority, IssueSource, SimilarIssue } from '@argus/contracts';

/** Everything an investigator is told about an issue. */
export interface InvestigationContext {
  issue: {
    id: string;
    key: string;
    title: string;
    description: string;
    priority: IssuePriority;
    category: string | null;
    team: { id: string; name: string } | null;
    service: string | null;
    environment: string | null;
    labels: Record<string, string>;
    source: IssueSource;
    createdAt: string;
  };
  history: { at: string; actor: string; action: string; from: string | null; to: string | null }[];
  comments: { at: string; author: string; body: string }[];
  similarIssues: SimilarIssue[];
}

/** An investigator's conclusion. */
export interface InvestigationFindings {
  summary: string;
  probableCause: string;
  evidence: string[];
  nextSteps: string[];
  /** False for a false alarm, an already-fixed problem or a transient blip. */
  actionable: boolean;
  confidence: number;
}

/** A step as an investigator reports it; the service numbers, stores and streams it. */
export interface ReportedStep {
  message: string;
  kind: 'progress' | 'finding';
}

/** One way of finding a root cause; the chain tries each in order until one answers. */
export interface Investigator {
  kind: InvestigatorKind;
  investigate(
    context: InvestigationContext,
    report: (step: ReportedStep) => Promise<void>,
  ): Promise<InvestigationFindings>;
}
