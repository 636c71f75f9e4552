import {
  type CategoryEvidence,
  type CategoryMatcher,
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
import {
  type ArchetypeLexicon,
  archetypeMeaning,
  compileArchetypeLexicon,
  scoreArchetypeWords,
} from './team-archetypes.js';
import { extractTextFeatures, type IssueToken, tokenizeIssueText } from './text-features.js';
import type { TriageTeamProfile } from './triage.types.js';
import { averageWordVector, dotProduct } from './word-vectors.js';

/** What an organisation configured, compiled once for reading many texts: keyword lists and their meanings. */
export interface TriageLexicons {
  router: KeywordRouter;
  categoryMatcher: CategoryMatcher;
  /** Per team: the meaning of its routing keywords and name, widened by the archetype it resembles (if any). */
  teamPrototypes: (Float32Array | null)[];
  /** The built-in team-archetype words each team borrows (see team-archetypes.ts). */
  archetypes: ArchetypeLexicon;
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
  const ownMeanings = teams.map((team) => meaningOf([...team.routingKeywords, team.name]));
  const archetypes = compileArchetypeLexicon(teams, ownMeanings, router);
  return {
    router,
    categoryMatcher,
    archetypes,
    teamPrototypes: ownMeanings.map((meaning, team) =>
      widenMeaning(meaning, archetypes.teamArchetypes[team]![0]),
    ),
    categoryPrototypes: categories.map((_, index) =>
      meaningOf(
        categoryMatcher.phraseText.filter((__, phrase) => categoryMatcher.phraseCategory[phrase] === index),
      ),
    ),
  };
}

/**
 * A borrowed archetype word counts as three quarters of a routing keyword: less than what an admin listed. 0.5 and 1
 * scored within a point of it in cross-validation on the evaluation's training split.
 */
export const borrowedKeywordWeight = 0.75;

/**
 * Widens a team's meaning with the meaning of all its archetype's words, so a cold start also finds a message near
 * the right team by meaning when none of its words is listed anywhere.
 */
function widenMeaning(meaning: Float32Array | null, archetype: string | undefined): Float32Array | null {
  const other = archetype ? archetypeMeaning(archetype) : null;
  if (!meaning || !other) return meaning;
  const sum = meaning.map((value, d) => value + other[d]!);
  const norm = Math.sqrt(dotProduct(sum, sum));
  return sum.map((value) => value / norm);
}

/** Everything triage reads from one text, computed once and shared by the rules and the learned model. */
export interface TriageEvidence {
  tokens: IssueToken[];
  /** Classifier feature strings (stems and bigrams). */
  features: string[];
  /** Averaged word vectors of the text, null when no word vectors are available. */
  meaning: Float32Array | null;
  keywords: KeywordEvidence;
  /** Per team: its keyword score plus `borrowedKeywordWeight` per place an archetype word it borrows matched. */
  teamLexiconScores: Float64Array;
  /** Per team: the borrowed archetype words found, as written. */
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
  const severity = scoreSeverity(tokens, text);
  const keywords = scoreTeamsByKeywords(tokens, lexicons.router);
  const categories = scoreCategories(tokens, lexicons.categoryMatcher);
  // Lexicon hits as words too, so history can learn e.g. that "database" category words mean the DBA team.
  const lexiconFeatures = [
    ...lexicons.categoryMatcher.categories.flatMap((category, i) =>
      categories.scores[i]! > 0 ? [`#category:${category}`] : [],
    ),
    ...lexicons.router.teamIds.flatMap((teamId, i) => (keywords.scores[i]! > 0 ? [`#team:${teamId}`] : [])),
  ];
  // Archetype words that overlap a team's own keywords were left out of its borrowing when compiling.
  const borrowed = scoreArchetypeWords(tokens, lexicons.archetypes, keywords.scores.length);
  // Borrowed words as a feature too, so history can learn how far to trust them for each team.
  lexiconFeatures.push(
    ...lexicons.router.teamIds.flatMap((teamId, i) => (borrowed.scores[i]! > 0 ? [`#kind:${teamId}`] : [])),
  );
  return {
    tokens,
    teamLexiconScores: keywords.scores.map(
      (score, team) => score + borrowedKeywordWeight * borrowed.scores[team]!,
    ),
    borrowedHits: borrowed.hits,
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
