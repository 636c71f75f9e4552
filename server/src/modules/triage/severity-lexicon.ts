import {
  compilePhraseSet,
  findPhraseMatches,
  type IssueToken,
  matchedText,
  type PhraseSet,
} from './text-features.js';
import { type TriagePriority, triagePriorities } from './triage.types.js';

/** Who is affected, broadest first: the "impact" axis of the ITIL priority matrix. */
export type ImpactScope = 'global' | 'large' | 'some' | 'single' | 'nonprod';
/** How bad the symptom is: 4 outage / data loss / breach, 3 a function broken, 2 degraded, 1 cosmetic or a request. */
export type Urgency = 1 | 2 | 3 | 4;

const impactScopes: readonly ImpactScope[] = ['global', 'large', 'some', 'single', 'nonprod'];
const urgencies: readonly Urgency[] = [4, 3, 2, 1];

/**
 * The ITIL impact x urgency matrix: priority by urgency (rows 4..1) and scope (columns global, large, some, single,
 * non-production). An outage for everyone is critical, a cosmetic problem is low whoever sees it.
 */
export const priorityMatrix: Readonly<Record<Urgency, readonly TriagePriority[]>> = {
  4: ['critical', 'critical', 'high', 'medium', 'medium'],
  3: ['high', 'high', 'medium', 'medium', 'low'],
  2: ['high', 'medium', 'medium', 'low', 'low'],
  1: ['low', 'low', 'low', 'low', 'low'],
};

/**
 * What people write when they state the scope, the symptom's severity or the priority itself. Stated priorities
 * follow PagerDuty's scale (P1 critical ... P5 informational), with P0/SEV0 above it.
 */
const lexicon = {
  impact: {
    global:
      'everyone, every user, all users, all customers, all accounts, all tenants, ' +
      'every tenant, every customer, all regions, every region, entire, whole, site wide, ' +
      'sitewide, globally, across the board, across, nobody, no one, all requests, ' +
      'every request, all traffic, for all, all, everything, nothing, any',
    large:
      'most users, most customers, majority, many users, many customers, lots of users, ' +
      'lots of customers, half, a quarter, large share, significant number, enterprise, ' +
      'dozens, hundreds, thousands, a region, whole region',
    some:
      'some users, some customers, a few, handful, several, a couple, intermittent, ' +
      'intermittently, sometimes, occasionally, sporadic, sporadically, random, randomly, ' +
      'flaky',
    single:
      'one customer, one user, single user, a user, a customer, only me, for me, ' +
      'my account, one account, one workspace, one tenant, a specific customer, ' +
      'single customer, single account',
    nonprod:
      'staging, qa, test environment, test env, dev environment, dev env, sandbox, ' +
      'localhost, local dev, nonprod, non prod, non production',
  },
  urgency: {
    4:
      'outage, full outage, down, is down, data loss, lost data, breach, leaked, leak, ' +
      'exposed, public, compromised, corrupted, corruption, deleted, wiped, unavailable, ' +
      'hard down, ransomware, suspended, falling over, gone, cannot log in, cant log in, ' +
      '5xx, completely broken, totally broken, charged twice, double charged, ' +
      'payment failing, payments failing',
    3:
      'broken, not working, doesnt work, does not work, fails, failing, failed, failure, ' +
      'error, errors, cannot, cant, unable, crash, crashes, crashing, restarting, loop, ' +
      'stuck, missing, wrong, incorrect, rejected, blocked, stopped, overloaded, oom, ' +
      'oomkilled, killed, silently, timeout, times out, timing out, refused, denied, ' +
      'bounced, not sent, never arrive',
    2:
      'slow, slower, slowly, latency, delayed, delay, delays, lag, laggy, degraded, ' +
      'sluggish, spike, spikes, spiking, high cpu, memory, warning, warnings, retries, ' +
      'takes forever, seconds to load, flaky, noisy, growing',
    1:
      'typo, cosmetic, misaligned, alignment, wording, spelling, misspelled, colour, ' +
      'color, font, tooltip, padding, question, how do i, how do we, feature request, ' +
      'would be nice, nice to have, docs, documentation, wiki, outdated, out of date, ' +
      'readme, cleanup, clean up, unused, rename, deprecate, cost, costing, could save, ' +
      'please add, can we, could we, would like, suggestion, minor, polish, request, fyi',
  },
  explicit: {
    critical: 'p0, p1, sev0, sev1, urgent, asap, emergency, war room, opening an incident, critical',
    high: 'p2, sev2, paging on call, paging oncall',
    medium: 'p3, sev3',
    low:
      'p4, p5, sev4, sev5, not urgent, no rush, low priority, low prio, ' +
      'when you get a chance, whenever, someday, eventually',
  },
} as const;

/** One lexicon entry: a phrase and what it says on which axis (a scope, an urgency 1-4, or a priority). */
export interface SeverityCue {
  phrase: string;
  axis: 'impact' | 'urgency' | 'explicit';
  value: string;
}

const cues: readonly SeverityCue[] = (Object.keys(lexicon) as (keyof typeof lexicon)[]).flatMap((axis) =>
  Object.entries(lexicon[axis]).flatMap(([value, phrases]) =>
    (phrases as string).split(',').map((phrase) => ({ phrase: phrase.trim(), axis, value })),
  ),
);
// One phrase set per axis, so a scope word and a symptom word may overlap ("nobody" is a scope inside "nobody can").
const axes = ['impact', 'urgency', 'explicit'] as const;
const cuesByAxis = axes.map((axis) => cues.filter((cue) => cue.axis === axis));
const compiledCues: readonly PhraseSet[] = cuesByAxis.map((list) =>
  compilePhraseSet(list.map((cue) => cue.phrase)),
);

/** What the severity lexicon read in a text. */
export interface SeverityEvidence {
  /** The broadest scope named ("all users"), non-production winning over any; null when none is named. */
  impact: ImpactScope | null;
  /** The worst symptom named; null when none is. */
  urgency: Urgency | null;
  /** Priorities stated outright ("p1", "no rush"), 1 per cue found. */
  explicit: Record<TriagePriority, number>;
  /** ln P(priority) under the matrix, with unknown scope or urgency spread over a typical mix. */
  matrixLogProbability: Record<TriagePriority, number>;
  /** The cues found, in text order, with the words as the text wrote them, for the rationale. */
  cues: SeverityCue[];
  /** Feature strings for the classifier: `#impact:global`, `#urgency:4`, and their pair. */
  features: string[];
}

// When a text names no scope or no symptom, the matrix is read over this mix instead: a production problem reported
// without a scope usually hits whoever uses the feature, so broad scopes weigh most.
const impactMix: Record<ImpactScope, number> = {
  global: 0.2,
  large: 0.2,
  some: 0.35,
  single: 0.15,
  nonprod: 0.1,
};
const urgencyMix: Record<Urgency, number> = { 4: 0.15, 3: 0.4, 2: 0.3, 1: 0.15 };
// How sure a named scope or symptom is: the rest of the weight stays on the typical mix.
const cueCertainty = 0.8;

/**
 * Reads scope, symptom severity and explicit priority words in a text and turns them into a distribution over
 * priorities through the ITIL matrix: "checkout is down for all users" -> global x outage -> critical.
 */
export function scoreSeverity(tokens: readonly IssueToken[]): SeverityEvidence {
  const found = axes
    .flatMap((_, axis) =>
      findPhraseMatches(tokens, compiledCues[axis]!).map((match) => ({
        ...cuesByAxis[axis]![match.phraseIndex]!,
        phrase: matchedText(tokens, match),
        start: match.start,
      })),
    )
    .sort((a, b) => a.start - b.start)
    .map(({ start: _, ...cue }) => cue);
  const named = (axis: SeverityCue['axis']) =>
    found.filter((cue) => cue.axis === axis).map((cue) => cue.value);
  const scopes = named('impact') as ImpactScope[];
  const impact = scopes.includes('nonprod')
    ? 'nonprod'
    : (impactScopes.find((scope) => scopes.includes(scope)) ?? null);
  const symptoms = named('urgency').map(Number) as Urgency[];
  const urgency = symptoms.length > 0 ? (Math.max(...symptoms) as Urgency) : null;
  const explicit: Record<TriagePriority, number> = { critical: 0, high: 0, medium: 0, low: 0 };
  for (const value of named('explicit')) explicit[value as TriagePriority] += 1;
  const probability: Record<TriagePriority, number> = { critical: 0, high: 0, medium: 0, low: 0 };
  impactScopes.forEach((scope, column) => {
    const pScope =
      (impact === scope ? cueCertainty : 0) + (1 - (impact ? cueCertainty : 0)) * impactMix[scope];
    for (const level of urgencies) {
      const pLevel =
        (urgency === level ? cueCertainty : 0) + (1 - (urgency ? cueCertainty : 0)) * urgencyMix[level];
      probability[priorityMatrix[level][column]!] += pScope * pLevel;
    }
  });
  const features = [
    ...(impact ? [`#impact:${impact}`] : []),
    ...(urgency ? [`#urgency:${urgency}`] : []),
    ...(impact && urgency ? [`#impact:${impact}&urgency:${urgency}`] : []),
  ];
  return {
    impact,
    urgency,
    explicit,
    matrixLogProbability: Object.fromEntries(
      triagePriorities.map((priority) => [priority, Math.log(probability[priority] + 1e-3)]),
    ) as Record<TriagePriority, number>,
    cues: found,
    features,
  };
}
