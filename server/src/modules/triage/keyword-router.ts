import { type CompiledPhrase, compilePhrase, findPhraseMatches, type IssueToken } from './text-features.js';
import type { TriageTeamProfile } from './triage.types.js';

/** The compiled routing keywords of the organisation's teams (and each team's name as one more keyword). */
export interface KeywordRouter {
  teamIds: readonly string[];
  phrases: readonly CompiledPhrase[];
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
    phrases: phraseText.map((phrase) => compilePhrase(phrase)),
    phraseText,
    phraseTeams: phraseText.map((phrase) => byPhrase.get(phrase)!),
  };
}

/** How strongly keywords point at each team, and which keywords did. */
export interface KeywordEvidence {
  /** Per team: the sum over its distinct keywords found of 1 / (number of teams sharing that keyword). */
  scores: Float64Array;
  hits: string[][];
}

/**
 * Routes a text by keywords: each distinct keyword found adds 1 to its team, split evenly when several teams list
 * it ("dashboard" in two teams adds 0.5 to each). All zeros when no keyword is present.
 */
export function scoreTeamsByKeywords(tokens: readonly IssueToken[], router: KeywordRouter): KeywordEvidence {
  const scores = new Float64Array(router.teamIds.length);
  const hits: string[][] = router.teamIds.map(() => []);
  const seen = new Set<number>();
  for (const match of findPhraseMatches(tokens, router.phrases)) {
    if (seen.has(match.phraseIndex)) continue;
    seen.add(match.phraseIndex);
    const owners = router.phraseTeams[match.phraseIndex]!;
    for (const team of owners) {
      scores[team]! += 1 / owners.length;
      hits[team]!.push(router.phraseText[match.phraseIndex]!);
    }
  }
  return { scores, hits };
}
