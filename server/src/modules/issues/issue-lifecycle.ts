import type { IssueStatus } from '@argus/contracts';
import { RuleViolationError } from '../../lib/errors.js';

/** Statuses in which an issue still needs someone: they count towards workload and the open totals. */
/** Each status in words, for messages people read ("in progress", not "in_progress"). */
export const STATUS_WORDS: Readonly<Record<IssueStatus, string>> = {
  open: 'open',
  acknowledged: 'acknowledged',
  in_progress: 'in progress',
  resolved: 'resolved',
  closed: 'closed',
};

export const ACTIVE_STATUSES: readonly IssueStatus[] = ['open', 'acknowledged', 'in_progress'];

/** True while the issue is not resolved or closed. */
export function isActiveStatus(status: IssueStatus): boolean {
  return ACTIVE_STATUSES.includes(status);
}

const allowedTransitions: Record<IssueStatus, readonly IssueStatus[]> = {
  open: ['acknowledged', 'in_progress', 'resolved', 'closed'],
  acknowledged: ['open', 'in_progress', 'resolved', 'closed'],
  in_progress: ['acknowledged', 'resolved', 'closed'],
  resolved: ['open', 'closed'],
  closed: ['open'],
};

/** The part of an issue the lifecycle rules read and write. */
export interface LifecycleState {
  status: IssueStatus;
  acknowledgedAt: Date | null;
  resolvedAt: Date | null;
  closedAt: Date | null;
  resolutionReason: string | null;
  closeReason: string | null;
}

export interface TransitionRequest {
  to: IssueStatus;
  reason?: string | undefined;
  at: Date;
}

/** Whether `from → to` is a legal move; staying in the same status is never a transition. */
export function canTransition(from: IssueStatus, to: IssueStatus): boolean {
  return allowedTransitions[from].includes(to);
}

/**
 * Applies a status change and returns the new lifecycle state.
 * Rules: resolve needs "How was this fixed?", close needs "Why are you closing this?"; the first move to
 * acknowledged or in_progress stamps acknowledgedAt (MTTA), resolving stamps resolvedAt (MTTR); reopening
 * returns to open and clears the resolution and closing (acknowledgedAt stays: it records the first response).
 */
export function applyTransition(
  state: LifecycleState,
  request: TransitionRequest,
  issueKey: string,
): LifecycleState {
  const { to, at } = request;
  if (state.status === to) {
    throw new RuleViolationError(`${issueKey} is already ${to.replace('_', ' ')}.`, 'ALREADY_IN_STATUS');
  }
  if (!canTransition(state.status, to)) {
    throw new RuleViolationError(
      `${issueKey} cannot go from ${state.status.replace('_', ' ')} to ${to.replace('_', ' ')}; allowed: ${allowedTransitions[state.status].join(', ')}.`,
      'INVALID_TRANSITION',
      { from: state.status, to, allowed: allowedTransitions[state.status] },
    );
  }
  const reason = request.reason?.trim() ?? '';
  // Only the lifecycle columns: callers pass whole rows, and writing the rest back (generated columns) fails.
  const { acknowledgedAt, resolvedAt, closedAt, resolutionReason, closeReason } = state;
  const current: LifecycleState = {
    status: state.status,
    acknowledgedAt,
    resolvedAt,
    closedAt,
    resolutionReason,
    closeReason,
  };
  switch (to) {
    case 'acknowledged':
    case 'in_progress':
      return { ...current, status: to, acknowledgedAt: state.acknowledgedAt ?? at };
    case 'resolved':
      if (!reason)
        throw new RuleViolationError(
          'How was this fixed? A resolution reason is required.',
          'REASON_REQUIRED',
        );
      return {
        ...current,
        status: 'resolved',
        resolvedAt: at,
        resolutionReason: reason,
        closedAt: null,
        closeReason: null,
      };
    case 'closed':
      if (!reason)
        throw new RuleViolationError('Why are you closing this? A reason is required.', 'REASON_REQUIRED');
      return { ...current, status: 'closed', closedAt: at, closeReason: reason };
    case 'open':
      return {
        ...current,
        status: 'open',
        resolvedAt: null,
        closedAt: null,
        resolutionReason: null,
        closeReason: null,
      };
  }
}

/** Seconds from creation to the first acknowledgement, or null while unacknowledged. */
export function secondsToAcknowledge(createdAt: Date, acknowledgedAt: Date | null): number | null {
  return acknowledgedAt ? Math.max(0, (acknowledgedAt.getTime() - createdAt.getTime()) / 1000) : null;
}

/** Seconds from creation to resolution, or null while unresolved. */
export function secondsToResolve(createdAt: Date, resolvedAt: Date | null): number | null {
  return resolvedAt ? Math.max(0, (resolvedAt.getTime() - createdAt.getTime()) / 1000) : null;
}
