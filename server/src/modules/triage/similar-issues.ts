import type { SimilarIssue } from '@argus/contracts';
import type { Db } from '../../db/client.js';
import { NotFoundError } from '../../lib/errors.js';
import { cosineSimilarity, textVector } from './local-triage.js';
import * as repo from './triage.repository.js';

/** How many full-text candidates are re-ranked by meaning. */
const CANDIDATE_COUNT = 40;
/** Below this, a look-alike is noise. */
const MIN_SIMILARITY = 0.25;
/** An active issue at least this similar is flagged as a likely duplicate. */
const DUPLICATE_SIMILARITY = 0.7;

/**
 * Blends the two signals into 0-1: meaning (cosine of the text vectors) weighs most; PostgreSQL's rank, squashed
 * to 0-1 by r / (r + 0.1), rewards shared rare words.
 */
export function blendSimilarity(cosine: number, rank: number): number {
  const lexical = rank / (rank + 0.1);
  return Math.max(0, Math.min(1, 0.7 * Math.max(0, cosine) + 0.3 * lexical));
}

/** "Similar issues": full-text candidates re-ranked by text similarity, with how each was resolved. */
export function createSimilarIssueFinder(deps: { db: Db; keyOf: (number: number) => string }) {
  return async function findSimilarIssues(issueId: string, limit = 5): Promise<SimilarIssue[]> {
    const issue = await repo.findIssueText(deps.db, issueId);
    if (!issue) throw new NotFoundError(`Issue "${issueId}" does not exist.`, 'ISSUE_NOT_FOUND');
    const text = `${issue.title}\n${issue.description}`.slice(0, 4000);
    const candidates = await repo.listFullTextCandidates(deps.db, issueId, text, CANDIDATE_COUNT);
    const vector = textVector(text);
    return candidates
      .map((candidate) => {
        const similarity = blendSimilarity(
          cosineSimilarity(vector, textVector(`${candidate.title}\n${candidate.description}`.slice(0, 4000))),
          candidate.rank,
        );
        const isActive = candidate.status !== 'resolved' && candidate.status !== 'closed';
        return {
          id: candidate.id,
          key: deps.keyOf(candidate.number),
          title: candidate.title,
          status: candidate.status,
          priority: candidate.priority,
          resolutionReason: candidate.resolutionReason,
          closeReason: candidate.closeReason,
          resolvedAt: candidate.resolvedAt?.toISOString() ?? null,
          similarity: Math.round(similarity * 1000) / 1000,
          isLikelyDuplicate: isActive && similarity >= DUPLICATE_SIMILARITY,
        };
      })
      .filter((candidate) => candidate.similarity >= MIN_SIMILARITY)
      .sort((a, b) => b.similarity - a.similarity)
      .slice(0, limit);
  };
}
