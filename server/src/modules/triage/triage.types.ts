import type { SoftmaxHead } from './softmax-regression.js';
import type { TfidfVocabulary } from './text-features.js';

/** How urgent an issue is, most urgent first. */
export type TriagePriority = 'critical' | 'high' | 'medium' | 'low';

/** Every priority, most urgent first; the order of the priority head of the classifier. */
export const triagePriorities: readonly TriagePriority[] = ['critical', 'high', 'medium', 'low'];

/** A team as triage sees it: its routing keywords are lowercase words or phrases an admin sets. */
export interface TriageTeamProfile {
  id: string;
  name: string;
  routingKeywords: readonly string[];
}

/** One past issue whose team, priority or category a person set or confirmed; null where nobody did. */
export interface TriageExample {
  text: string;
  teamId: string | null;
  priority: TriagePriority | null;
  category: string | null;
}

/** What the local engine proposes for one issue. */
export interface LocalTriage {
  /** 'local' once a trained model contributed, 'rules' for keywords and lexicons only. */
  source: 'local' | 'rules';
  priority: TriagePriority;
  category: string;
  teamId: string | null;
  /** 0-1: how sure triage is of the team and the priority together (their product). */
  confidence: number;
  teamConfidence: number;
  priorityConfidence: number;
  categoryConfidence: number;
  /** One line a person can read: which words pointed where. */
  rationale: string;
}

/**
 * The local model learned from one organisation's history; stored serialised (`serializeTriageModel`). Heads are
 * null when the history had no label of that kind.
 */
export interface LocalTriageModel {
  version: string;
  trainedAt: string;
  exampleCount: number;
  teamIds: string[];
  categories: string[];
  vocabulary: TfidfVocabulary;
  /**
   * The word-vector set the centroids were computed with; null when none was built. A server with another set (or
   * none) skips centroid similarity rather than compare meanings from different spaces.
   */
  wordVectorSetId: string | null;
  /** Width of a meaning vector (and of each centroid row); 0 without word vectors. */
  meaningDimension: number;
  team: TriageHead | null;
  priority: TriageHead | null;
  category: TriageHead | null;
}

/**
 * One learned question: a softmax head whose rule features are, per class, [lexicon score, similarity to the
 * class's keyword meaning, similarity to the class's centroid of past issues' meanings].
 */
export interface TriageHead extends SoftmaxHead {
  /** How many past issues had this question answered (the head's training examples). */
  exampleCount: number;
  /** classCount x dimension unit vectors: the mean meaning of the class's past issues; null without word vectors. */
  centroids: Float32Array | null;
}
