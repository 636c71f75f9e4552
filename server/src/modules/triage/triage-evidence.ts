import {
  type CategoryEvidence,
  type CategoryMatcher,
  categoryKeywords,
  compileCategoryMatcher,
  scoreCategories,
} from './category-lexicon.js';
import {
  compileKeywordRouter,
  type KeywordEvidence,
  type KeywordRouter,
  scoreTeamsByKeywords,
} from './keyword-router.js';
import { type SeverityEvidence, scoreSeverity } from './severity-lexicon.js';
import { extractTextFeatures, type IssueToken, tokenizeIssueText } from './text-features.js';
import type { TriageTeamProfile } from './triage.types.js';
import { averageWordVector, dotProduct } from './word-vectors.js';

/** What an organisation configured, compiled once for reading many texts: keyword lists and their meanings. */
export interface TriageLexicons {
  router: KeywordRouter;
  categoryMatcher: CategoryMatcher;
  /** Per team: the meaning of its routing keywords and name (and of the built-in category it borrows from). */
  teamPrototypes: (Float32Array | null)[];
  /** Per team: the built-in category whose words it borrows (see `borrowCategoryLexicon`), or null. */
  borrowedCategories: (string | null)[];
  /** The built-in category lexicon, whatever categories the organisation configured. */
  builtInMatcher: CategoryMatcher;
  /** Per category: the meaning of its keywords (or its name). */
  categoryPrototypes: (Float32Array | null)[];
}

const compiledLexicons = new Map<string, TriageLexicons>();
/** How many team/category configurations stay compiled (several organisations may share one process). */
const compiledLexiconLimit = 8;

/**
 * Compiles teams' keywords and the categories' lexicon, with a meaning vector for each team and category. The
 * result is remembered for the same configuration, so triaging many issues compiles once.
 */
export function compileTriageLexicons(
  teams: readonly TriageTeamProfile[],
  categories: readonly string[],
): TriageLexicons {
  const key = JSON.stringify([teams.map((team) => [team.id, team.name, team.routingKeywords]), categories]);
  const known = compiledLexicons.get(key);
  if (known) return known;
  const lexicons = buildTriageLexicons(teams, categories);
  if (compiledLexicons.size >= compiledLexiconLimit)
    compiledLexicons.delete(compiledLexicons.keys().next().value!);
  compiledLexicons.set(key, lexicons);
  return lexicons;
}

function buildTriageLexicons(
  teams: readonly TriageTeamProfile[],
  categories: readonly string[],
): TriageLexicons {
  const router = compileKeywordRouter(teams);
  const categoryMatcher = compileCategoryMatcher(categories);
  const meaningOf = (phrases: readonly string[]) => averageWordVector(tokenizeIssueText(phrases.join(' . ')));
  const borrowed = teams.map((team) =>
    borrowCategoryLexicon(meaningOf([...team.routingKeywords, team.name])),
  );
  return {
    router,
    categoryMatcher,
    teamPrototypes: borrowed.map((item) => item.prototype),
    borrowedCategories: borrowed.map((item) => item.category),
    builtInMatcher: compileCategoryMatcher(Object.keys(categoryKeywords)),
    categoryPrototypes: categories.map((_, index) =>
      meaningOf(
        categoryMatcher.phraseText.filter((__, phrase) => categoryMatcher.phraseCategory[phrase] === index),
      ),
    ),
  };
}

/** A team at least this close in meaning (cosine) to a built-in category borrows that category's words. */
export const borrowSimilarity = 0.75;
/** A borrowed category word counts as half a routing keyword: weaker than what an admin listed. */
export const borrowedKeywordWeight = 0.5;

const builtInCategoryMeanings = new Map<string, Float32Array | null>();

/**
 * Finds the built-in category a team plainly is (cosine >= 0.75 between its keywords' meaning and the category
 * lexicon's: a "Database" team and the database category) and widens the team's meaning with it, so a cold start
 * knows "autovacuum" or "pg dump" are that team's business though its admin listed only a few keywords. A team like
 * no category (e.g. "Mobile") keeps its own meaning and borrows nothing.
 */
export function borrowCategoryLexicon(prototype: Float32Array | null): {
  prototype: Float32Array | null;
  category: string | null;
} {
  if (!prototype) return { prototype: null, category: null };
  let best: { category: string; meaning: Float32Array; similarity: number } | null = null;
  for (const [category, keywords] of Object.entries(categoryKeywords)) {
    if (!builtInCategoryMeanings.has(category)) {
      builtInCategoryMeanings.set(category, averageWordVector(tokenizeIssueText(keywords.join(' . '))));
    }
    const meaning = builtInCategoryMeanings.get(category);
    const similarity = meaning ? dotProduct(prototype, meaning) : 0;
    if (meaning && similarity >= borrowSimilarity && (!best || similarity > best.similarity)) {
      best = { category, meaning, similarity };
    }
  }
  if (!best) return { prototype, category: null };
  const sum = prototype.map((value, d) => value + best.meaning[d]!);
  const norm = Math.sqrt(dotProduct(sum, sum));
  return { prototype: sum.map((value) => value / norm), category: best.category };
}

/** Everything triage reads from one text, computed once and shared by the rules and the learned model. */
export interface TriageEvidence {
  tokens: IssueToken[];
  /** Classifier feature strings (stems and bigrams). */
  features: string[];
  /** Averaged word vectors of the text, null when no word vectors are available. */
  meaning: Float32Array | null;
  keywords: KeywordEvidence;
  /** Per team: its keyword score plus half a point per other word of the category lexicon it borrows. */
  teamLexiconScores: Float64Array;
  /** Per team: the borrowed category words found, as written. */
  borrowedHits: string[][];
  /** Per team: cosine between the text's meaning and the team's keywords' meaning, minus their mean (0 without vectors). */
  teamSimilarity: Float64Array;
  severity: SeverityEvidence;
  categories: CategoryEvidence;
  /** Per category: cosine between the text's meaning and the category's keywords' meaning, minus their mean. */
  categorySimilarity: Float64Array;
}

/** Reads a text once: tokens, features, meaning vector, and the keyword, severity and category evidence. */
export function gatherTriageEvidence(text: string, lexicons: TriageLexicons): TriageEvidence {
  const tokens = tokenizeIssueText(text);
  const meaning = averageWordVector(tokens);
  // Centred on the mean over the options that have a meaning, so an option without one (a bare "other") is neither
  // favoured nor penalised by the others' similarities.
  const similarity = (prototypes: readonly (Float32Array | null)[]) => {
    const cosines = prototypes.map((prototype) =>
      meaning && prototype ? dotProduct(meaning, prototype) : null,
    );
    const known = cosines.filter((cosine) => cosine !== null);
    const mean = known.reduce((sum, cosine) => sum + cosine, 0) / Math.max(known.length, 1);
    return Float64Array.from(cosines, (cosine) => (cosine === null ? 0 : cosine - mean));
  };
  const severity = scoreSeverity(tokens);
  const keywords = scoreTeamsByKeywords(tokens, lexicons.router);
  const categories = scoreCategories(tokens, lexicons.categoryMatcher);
  // Lexicon hits as words too, so history can learn e.g. that "database" category words mean the DBA team.
  const lexiconFeatures = [
    ...lexicons.categoryMatcher.categories.flatMap((category, i) =>
      categories.scores[i]! > 0 ? [`#category:${category}`] : [],
    ),
    ...lexicons.router.teamIds.flatMap((teamId, i) => (keywords.scores[i]! > 0 ? [`#team:${teamId}`] : [])),
  ];
  const builtIn = scoreCategories(tokens, lexicons.builtInMatcher);
  // A word that is also one of the team's own keywords already counted in full.
  const borrowedHits = lexicons.borrowedCategories.map((category, team) =>
    category
      ? (builtIn.hits[lexicons.builtInMatcher.categories.indexOf(category)] ?? []).filter(
          (word) => !keywords.hits[team]!.includes(word),
        )
      : [],
  );
  return {
    tokens,
    teamLexiconScores: keywords.scores.map(
      (score, team) => score + borrowedKeywordWeight * borrowedHits[team]!.length,
    ),
    borrowedHits,
    features: [...extractTextFeatures(tokens), ...severity.features, ...lexiconFeatures],
    meaning,
    keywords,
    teamSimilarity: similarity(lexicons.teamPrototypes),
    severity,
    categories,
    categorySimilarity: similarity(lexicons.categoryPrototypes),
  };
}

/** The text triage reads for an issue: the title, then the description. */
export function issueText(input: { title: string; description: string }): string {
  return `${input.title}\n${input.description}`;
}
