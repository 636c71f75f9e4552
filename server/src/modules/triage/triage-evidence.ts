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
import { extractTextFeatures, type IssueToken, tokenizeIssueText } from './text-features.js';
import type { TriageTeamProfile } from './triage.types.js';
import { averageWordVector, dotProduct } from './word-vectors.js';

/** What an organisation configured, compiled once for reading many texts: keyword lists and their meanings. */
export interface TriageLexicons {
  router: KeywordRouter;
  categoryMatcher: CategoryMatcher;
  /** Per team: the meaning of its routing keywords and name together (null without word vectors). */
  teamPrototypes: (Float32Array | null)[];
  /** Per category: the meaning of its keywords (or its name). */
  categoryPrototypes: (Float32Array | null)[];
}

/** Compiles teams' keywords and the categories' lexicon, with a meaning vector for each team and category. */
export function compileTriageLexicons(
  teams: readonly TriageTeamProfile[],
  categories: readonly string[],
): TriageLexicons {
  const router = compileKeywordRouter(teams);
  const categoryMatcher = compileCategoryMatcher(categories);
  const meaningOf = (phrases: readonly string[]) => averageWordVector(tokenizeIssueText(phrases.join(' . ')));
  return {
    router,
    categoryMatcher,
    teamPrototypes: teams.map((team) => meaningOf([...team.routingKeywords, team.name])),
    categoryPrototypes: categories.map((_, index) =>
      meaningOf(
        categoryMatcher.phraseText.filter((__, phrase) => categoryMatcher.phraseCategory[phrase] === index),
      ),
    ),
  };
}

/** Everything triage reads from one text, computed once and shared by the rules and the learned model. */
export interface TriageEvidence {
  tokens: IssueToken[];
  /** Classifier feature strings (stems and bigrams). */
  features: string[];
  /** Averaged word vectors of the text, null when no word vectors are available. */
  meaning: Float32Array | null;
  keywords: KeywordEvidence;
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
  return {
    tokens,
    features: extractTextFeatures(tokens),
    meaning,
    keywords: scoreTeamsByKeywords(tokens, lexicons.router),
    teamSimilarity: similarity(lexicons.teamPrototypes),
    severity: scoreSeverity(tokens),
    categories: scoreCategories(tokens, lexicons.categoryMatcher),
    categorySimilarity: similarity(lexicons.categoryPrototypes),
  };
}

/** The text triage reads for an issue: the title, then the description. */
export function issueText(input: { title: string; description: string }): string {
  return `${input.title}\n${input.description}`;
}
