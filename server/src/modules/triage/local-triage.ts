import { fallbackCategory } from './category-lexicon.js';
import {
  appendMeaning,
  centreInPlace,
  meaningFeatureScale,
  rowOf,
  ruleWeightPriors,
  vectorizeForModel,
} from './local-classifier.js';
import type { SeverityEvidence } from './severity-lexicon.js';
import { computeHeadLogits, softmaxInPlace } from './softmax-regression.js';
import type { SparseVector } from './text-features.js';
import type {
  LocalTriage,
  LocalTriageModel,
  TriageHead,
  TriagePriority,
  TriageTeamProfile,
} from './triage.types.js';
import { triagePriorities } from './triage.types.js';
import {
  compileTriageLexicons,
  gatherTriageEvidence,
  issueText,
  type TriageEvidence,
} from './triage-evidence.js';
import { dotProduct, loadWordVectors } from './word-vectors.js';

export { trainTriageModel } from './local-classifier.js';
export { cosineSimilarity, textVector } from './text-vector.js';
export { deserializeTriageModel, serializeTriageModel } from './triage-model-codec.js';

/** What the learned model reads of one text, when there is a model. */
interface ModelView {
  model: LocalTriageModel;
  sparse: SparseVector;
  meaning: Float32Array | null;
}

/** The answer to one question (team, priority or category) over the options the organisation has now. */
interface Decision {
  options: readonly string[];
  probabilities: Float64Array;
  best: number;
}

/**
 * Triages one issue without an AI service: keywords and lexicons alone ('rules'), or combined with the model learned
 * from history ('local'). Teams the model knows but `teams` no longer lists are ignored; teamId is null when no
 * keyword and no learned word points anywhere.
 */
export function triageLocally(
  input: { title: string; description: string },
  context: {
    teams: readonly TriageTeamProfile[];
    categories: readonly string[];
    model: LocalTriageModel | null;
  },
): LocalTriage {
  const evidence = gatherTriageEvidence(
    issueText(input),
    compileTriageLexicons(context.teams, context.categories),
  );
  const view = context.model ? viewThroughModel(context.model, evidence) : null;
  const teamIds = context.teams.map((team) => team.id);
  const team = decide(teamIds, view, view?.model.team ?? null, ruleWeightPriors.team, (i) => [
    evidence.teamLexiconScores[i]!,
    evidence.teamSimilarity[i]!,
  ]);
  const priority = decide(
    triagePriorities,
    view,
    view?.model.priority ?? null,
    ruleWeightPriors.priority,
    (i) => [
      evidence.severity.explicit[triagePriorities[i]!],
      evidence.severity.matrixLogProbability[triagePriorities[i]!],
    ],
  );
  const fallback = context.categories.indexOf(fallbackCategory(context.categories));
  const category = decide(
    context.categories,
    view,
    view?.model.category ?? null,
    ruleWeightPriors.category,
    (i) => [evidence.categories.scores[i]!, evidence.categorySimilarity[i]!],
    // With rules alone the fallback category is worth half a keyword, so any keyword beats it.
    (i) => (i === fallback ? 1 : 0),
  );
  const hasTeamSignal =
    evidence.teamLexiconScores.some((score) => score > 0) ||
    evidence.meaning !== null ||
    (view?.model.team != null && view.sparse.indices.length > 0);
  const teamIndex = hasTeamSignal && teamIds.length > 0 ? team.best : -1;
  const teamConfidence = teamIndex >= 0 ? team.probabilities[teamIndex]! : 0;
  const priorityConfidence = priority.probabilities[priority.best]!;
  const chosenPriority = triagePriorities[priority.best]!;
  const chosenCategory = context.categories[category.best] ?? fallbackCategory(context.categories);
  return {
    source: view && (view.model.team || view.model.priority || view.model.category) ? 'local' : 'rules',
    priority: chosenPriority,
    category: chosenCategory,
    teamId: teamIndex >= 0 ? teamIds[teamIndex]! : null,
    confidence: teamConfidence * priorityConfidence,
    teamConfidence,
    priorityConfidence,
    categoryConfidence: category.probabilities[category.best] ?? 0,
    rationale: explain(
      evidence,
      view,
      teamIndex >= 0
        ? { name: context.teams[teamIndex]!.name, index: teamIndex, confidence: teamConfidence }
        : null,
      chosenPriority,
      { name: chosenCategory, hits: evidence.categories.hits[category.best] ?? [] },
    ),
  };
}

function viewThroughModel(model: LocalTriageModel, evidence: TriageEvidence): ModelView {
  const vectors = model.wordVectorSetId ? loadWordVectors() : null;
  const meaning = vectors?.setId === model.wordVectorSetId ? evidence.meaning : null;
  return { model, sparse: vectorizeForModel(model, evidence.features), meaning };
}

/**
 * Softmax over the options the organisation has now. Each option's logit is its learned score (for an option the
 * head never saw, e.g. a new team, the mean bias less the smoothed odds against it) plus the rule weights times its rule features
 * [lexicon score, keyword-meaning similarity, past-issue centroid similarity]. Without a head, the cold-start rule
 * weights apply and `coldPrior` is the only prior.
 */
function decide(
  options: readonly string[],
  view: ModelView | null,
  head: TriageHead | null,
  coldRuleWeights: readonly number[],
  rules: (option: number) => [lexicon: number, prototype: number],
  coldPrior: (option: number) => number = () => 0,
): Decision {
  const logits = new Float64Array(options.length);
  if (view && head) {
    const classCount = head.classes.length;
    const termCount = view.model.vocabulary.terms.length;
    // A head with more features than terms was trained reading the meaning too; models stored while that was off
    // by default were trained at scale 1.
    const sparse =
      head.featureCount > termCount
        ? appendMeaning(view.sparse, view.meaning, termCount, meaningFeatureScale || 1)
        : view.sparse;
    const learned = computeHeadLogits(head, { sparse, rules: new Float32Array(classCount * 3) });
    const classIndex = new Map(head.classes.map((name, index) => [name, index]));
    const meanBias = head.bias.reduce((sum, value) => sum + value, 0) / Math.max(classCount, 1);
    // An option the history never chose starts below the average one by the add-one (Laplace) smoothed odds:
    // ln((n / k + 1) / 1) for n past answers over k options. Its keywords can still lift it.
    const unseenBias = meanBias - Math.log(1 + head.exampleCount / Math.max(classCount, 1));
    const centroidSimilarity = similarityToCentroids(head, view);
    options.forEach((option, i) => {
      const known = classIndex.get(option);
      const [lexicon, prototype] = rules(i);
      logits[i] =
        (known === undefined ? unseenBias : learned[known]!) +
        head.ruleWeights[0]! * lexicon +
        head.ruleWeights[1]! * prototype +
        head.ruleWeights[2]! * (known === undefined ? 0 : centroidSimilarity[known]!);
    });
  } else {
    options.forEach((_, i) => {
      const [lexicon, prototype] = rules(i);
      logits[i] = coldRuleWeights[0]! * lexicon + coldRuleWeights[1]! * prototype + coldPrior(i);
    });
  }
  softmaxInPlace(logits);
  let best = 0;
  for (let i = 1; i < logits.length; i++) if (logits[i]! > logits[best]!) best = i;
  return { options, probabilities: logits, best };
}

/** Per class of a head: the text's similarity to the class's past issues, centred as in training. */
function similarityToCentroids(head: TriageHead, view: ModelView): Float64Array {
  const similarities = new Float64Array(head.classes.length);
  if (!head.centroids || !view.meaning) return similarities;
  const dimension = view.model.meaningDimension;
  for (let c = 0; c < similarities.length; c++) {
    similarities[c] = dotProduct(view.meaning, rowOf(head.centroids, c, dimension));
  }
  return centreInPlace(similarities);
}

const quote = (words: readonly string[]) => words.map((word) => `"${word}"`).join(' and ');

/** Below this team confidence the rationale says the team is a guess. */
const unsureTeamConfidence = 0.35;

function explain(
  evidence: TriageEvidence,
  view: ModelView | null,
  team: { name: string; index: number; confidence: number } | null,
  priority: TriagePriority,
  category: { name: string; hits: readonly string[] },
): string {
  const parts: string[] = [];
  if (team) {
    const hits = evidence.keywords.hits[team.index] ?? [];
    const borrowed = evidence.borrowedHits[team.index] ?? [];
    const reason =
      hits.length > 0
        ? `Mentions ${quote(hits.slice(0, 3))} (${team.name} keywords)`
        : borrowed.length > 0
          ? `Mentions ${quote(borrowed.slice(0, 3))} (${team.name}'s kind of words)`
          : view?.model.team
            ? `Reads like past ${team.name} issues`
            : `Closest in meaning to ${team.name}'s keywords`;
    parts.push(team.confidence < unsureTeamConfidence ? `${reason}, but unsure` : reason);
  } else parts.push('No team keyword or past issue points to a team');
  parts.push(explainPriority(evidence.severity, priority, view !== null && view.model.priority !== null));
  parts.push(
    category.hits.length > 0
      ? `category ${category.name} (${quote(category.hits.slice(0, 2))})`
      : `category ${category.name}`,
  );
  if (view) parts.push(`learned from ${view.model.exampleCount} past issues`);
  return parts.join('; ');
}

function explainPriority(severity: SeverityEvidence, priority: TriagePriority, isLearned: boolean): string {
  const stated = severity.cues.filter((cue) => cue.axis === 'explicit' && cue.value === priority);
  const scope = severity.cues.find((cue) => cue.axis === 'impact' && cue.value === severity.impact);
  const symptom = severity.cues.find(
    (cue) => cue.axis === 'urgency' && cue.value === String(severity.urgency),
  );
  const read = stated.length > 0 ? stated.slice(0, 2) : [scope, symptom].filter((cue) => cue !== undefined);
  if (read.length > 0) return `${quote(read.map((cue) => cue.phrase))} reads as ${priority}`;
  return isLearned ? `${priority} like similar past issues` : `no severity words, so ${priority}`;
}
