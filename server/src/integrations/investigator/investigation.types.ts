import type { IssuePriority, IssueSource } from '@argus/contracts';
import { z } from 'zod';

/**
 * What Argus sends to `POST {INVESTIGATOR_URL}/investigations` (docs/investigator-contract.md).
 * Timestamps are ISO 8601 strings in UTC, exactly as they travel.
 */
export interface InvestigationRequest {
  issue: {
    id: string;
    /** The human key, e.g. `ARG-42`. */
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
  /** The issue's audit trail, oldest first. */
  history: Array<{
    at: string;
    actor: string | null;
    action: string;
    from: string | null;
    to: string | null;
  }>;
  comments: Array<{ at: string; author: string; body: string }>;
  /** Past issues that look alike, most similar first; `similarity` in 0..1. */
  similarIssues: Array<{ key: string; title: string; resolutionReason: string | null; similarity: number }>;
}

/** One step the investigator reports while it works. */
export interface InvestigationStep {
  message: string;
  kind: 'progress' | 'finding';
}

/** The investigator's conclusion. */
export interface InvestigationFindings {
  summary: string;
  probableCause: string;
  evidence: string[];
  nextSteps: string[];
  /** False for a false alarm, an already-fixed problem or a transient blip. */
  actionable: boolean;
  /** 0..1; a value outside is rejected, not clamped. */
  confidence: number;
}

/** The answer to the start request. */
export const startedInvestigationSchema = z.object({ id: z.string().min(1) });

/** `event: step` data; `kind` defaults to progress. */
export const investigationStepSchema = z.object({
  message: z.string().min(1),
  kind: z.enum(['progress', 'finding']).default('progress'),
});

/** `event: result` data; unknown extra fields are ignored so the service may send more. */
export const investigationFindingsSchema = z.object({
  summary: z.string().min(1),
  probableCause: z.string(),
  evidence: z.array(z.string()),
  nextSteps: z.array(z.string()),
  actionable: z.boolean(),
  confidence: z.number().min(0).max(1),
});

/** `event: error` data. */
export const investigationErrorSchema = z.object({ message: z.string().min(1) });
