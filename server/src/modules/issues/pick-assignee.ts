/** A team member who could take a new issue, with what the assignment rule compares. */
export interface AssigneeCandidate {
  userId: string;
  /** Open (not resolved or closed) issues assigned to this person, across all teams. */
  openIssueCount: number;
  lastAssignedAt: Date | null;
}

/**
 * Picks who gets a new issue: the lowest workload; ties go to the person assigned least recently
 * (never-assigned first), then to the lowest user id so the choice is deterministic. Undefined for no candidates.
 */
export function pickAssignee<T extends AssigneeCandidate>(candidates: readonly T[]): T | undefined {
  let best: T | undefined;
  for (const candidate of candidates) {
    if (!best || compareCandidates(candidate, best) < 0) best = candidate;
  }
  return best;
}

function compareCandidates(a: AssigneeCandidate, b: AssigneeCandidate): number {
  if (a.openIssueCount !== b.openIssueCount) return a.openIssueCount - b.openIssueCount;
  const aTime = a.lastAssignedAt?.getTime() ?? Number.NEGATIVE_INFINITY;
  const bTime = b.lastAssignedAt?.getTime() ?? Number.NEGATIVE_INFINITY;
  if (aTime !== bTime) return aTime < bTime ? -1 : 1;
  return a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0;
}
