import {
  compilePhraseSet,
  findPhraseMatches,
  type IssueToken,
  matchedText,
  type PhraseSet,
} from './text-features.js';
import type { TriageTeamProfile } from './triage.types.js';

/** The compiled routing keywords of the organisation's teams (and each team's name as one more keyword). */
export interface KeywordRouter {
  teamIds: readonly string[];
  phrases: PhraseSet;
  phraseText: readonly string[];
  /** For each phrase, the teams (indices) that listed it. */
  phraseTeams: readonly (readonly number[])[];
}

/** Compiles teams' routing keywords; a keyword several teams share is one phrase pointing at each of them. */
export function compileKeywordRouter(teams: readonly TriageTeamProfile[]): KeywordRouter {
  const byPhrase = new Map<string, number[]>();
  teams.forEach((team, teamIndex) => {
    const keywords = [...team.routingKeywords, team.name];
    for (const raw of keywords) {
      const phrase = raw.trim().toLowerCase();
      if (phrase === '') continue;
      const owners = byPhrase.get(phrase) ?? [];
      if (!owners.includes(teamIndex)) owners.push(teamIndex);
      byPhrase.set(phrase, owners);
    }
  });
  const phraseText = [...byPhrase.keys()];
  return {
    teamIds: teams.map((team) => team.id),
    phrases: compilePhraseSet(phraseText),
    phraseText,
    phraseTeams: phraseText.map((phrase) => byPhrase.get(phrase)!),
  };
}

/** How strongly keywords point at each team, and which words of the text did. */
export interface KeywordEvidence {
  /** Per team: the sum over the distinct places its keywords matched of 1 / (number of teams sharing the keyword). */
  scores: Float64Array;
  /** Per team: the matched words as written in the text. */
  hits: string[][];
}

/**
 * Routes a text by keywords: each place in the text where a team's keyword matches adds 1 to that team, split
 * evenly when several teams list it ("dashboard" in two teams adds 0.5 to each). A keyword repeated later in the
 * text adds nothing more; two keywords of one team matching the same word count once. All zeros without a match.
 */
export function scoreTeamsByKeywords(tokens: readonly IssueToken[], router: KeywordRouter): KeywordEvidence {
  const scores = new Float64Array(router.teamIds.length);
  const hits: string[][] = router.teamIds.map(() => []);
  const seenPhrases = new Set<number>();
  const seenPlaces = new Set<string>();
  for (const match of findPhraseMatches(tokens, router.phrases)) {
    if (seenPhrases.has(match.phraseIndex)) continue;
    seenPhrases.add(match.phraseIndex);
    const owners = router.phraseTeams[match.phraseIndex]!;
    for (const team of owners) {
      if (seenPlaces.has(`${team}:${match.start}`)) continue;
      seenPlaces.add(`${team}:${match.start}`);
      scores[team]! += 1 / owners.length;
      hits[team]!.push(matchedText(tokens, match));
    }
  }
  return { scores, hits };
}
