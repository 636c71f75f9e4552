import { type CompiledPhrase, compilePhrase, findPhraseMatches, type IssueToken } from './text-features.js';
import { type TriagePriority, triagePriorities } from './triage.types.js';

/** A phrase that hints at a priority, with how strongly (1 = a hint, 2.5 = close to decisive). */
export interface SeverityCue {
  phrase: string;
  priority: TriagePriority;
  weight: number;
}

const cue = (priority: TriagePriority, weight: number, phrases: string): SeverityCue[] =>
  phrases.split(',').map((phrase) => ({ phrase: phrase.trim(), priority, weight }));

/**
 * The built-in severity lexicon: words people use for outages, degradations and cosmetic problems. Longer phrases win
 * over the words inside them ("not urgent" is low, not critical).
 */
export const severityCues: readonly SeverityCue[] = [
  ...cue(
    'critical',
    2.5,
    'outage, data loss, lost data, sev0, sev1, p0, all users, all customers, every user',
  ),
  ...cue('critical', 2.5, 'everyone, nobody can, no one can, cannot log in, cant log in, payment failing'),
  ...cue(
    'critical',
    2.5,
    'payments failing, is down, site down, prod down, production down, hard down, breach',
  ),
  ...cue(
    'critical',
    2,
    'down, emergency, urgent, critical, completely, entire, compromised, leaked, corrupted',
  ),
  ...cue('critical', 2, 'corruption, unavailable, nothing works, all requests, every request, ransomware'),
  ...cue('critical', 1.5, '503, 502, 500, 5xx, revenue, asap, blocked, blocking, crashloop, crash loop'),
  ...cue('high', 2.5, 'p1, sev2, degraded, many users, many customers, lots of users, customer impact'),
  ...cue('high', 1.5, 'error rate, spike, failing, broken, not working, cannot, cant, unable, timeout'),
  ...cue(
    'high',
    1.5,
    'timing out, slow, slow down, latency, vulnerability, expired, expiring, high, security',
  ),
  ...cue('high', 1, 'errors, fails, failed, stuck, crash, crashes, crashing, backlog growing'),
  ...cue(
    'medium',
    2.5,
    'p2, sev3, workaround, some users, one customer, a customer, single user, a few users',
  ),
  ...cue('medium', 1.5, 'occasionally, sometimes, intermittent, intermittently, flaky, inconsistent, once'),
  ...cue('low', 2.5, 'typo, cosmetic, minor, when you get a chance, nice to have, low priority, no rush'),
  ...cue('low', 2.5, 'not urgent, p3, p4, sev4, feature request, would be nice, whenever, someday'),
  ...cue('low', 1.5, 'misaligned, alignment, spelling, misspelled, wording, tooltip, padding, font, colour'),
  ...cue(
    'low',
    1.5,
    'color, docs, documentation, cleanup, clean up, slightly, suggestion, polish, eventually',
  ),
];

const compiledCues: readonly CompiledPhrase[] = severityCues.map((entry) => compilePhrase(entry.phrase));

/** Evidence for each priority in one text, and the cues that produced it. */
export interface SeverityEvidence {
  scores: Record<TriagePriority, number>;
  cues: SeverityCue[];
}

/**
 * Scores a text against the severity lexicon: per priority, the sum of the weights of its cues found (each cue
 * counted once). All zeros when nothing matched; the caller then falls back to medium.
 */
export function scoreSeverity(tokens: readonly IssueToken[]): SeverityEvidence {
  const scores: Record<TriagePriority, number> = { critical: 0, high: 0, medium: 0, low: 0 };
  const found = new Set<number>();
  for (const match of findPhraseMatches(tokens, compiledCues)) found.add(match.phraseIndex);
  const cues = [...found].map((index) => severityCues[index]!);
  for (const entry of cues) scores[entry.priority] += entry.weight;
  return { scores, cues };
}

/**
 * Log prior of each priority before any evidence, from a typical incident mix (critical 12%, high 28%, medium 38%,
 * low 22%): with no cue at all the rules answer medium.
 */
export const priorityLogPrior: Readonly<Record<TriagePriority, number>> = Object.fromEntries(
  triagePriorities.map((priority) => [
    priority,
    Math.log({ critical: 0.12, high: 0.28, medium: 0.38, low: 0.22 }[priority]),
  ]),
) as Record<TriagePriority, number>;
