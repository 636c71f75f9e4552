import {
  compilePhraseSet,
  findPhraseMatches,
  type IssueToken,
  matchedText,
  type PhraseMatch,
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
 * What people write when they state the scope, the symptom's severity or the priority itself. Phrases match whole
 * words by stem ("fails" also matches "failing"); a phrase written with a leading "=" matches only those very words,
 * where the stem would blur a difference that matters ("expired" is broken, "expires" is a risk; "staging" is an
 * environment, "staged" a rollout). A `mask` entry claims its words without meaning anything, so "every time" is
 * not a scope and "slow down" is not an outage. Stated priorities follow PagerDuty's scale (P1 critical ... P5
 * informational), with P0/SEV0 above it.
 */
const lexicon = {
  impact: {
    global:
      'everyone, everybody, nobody, no =one, no user, no users, no customer, no customers, none of our, ' +
      'everywhere, globally, worldwide, world wide, site wide, sitewide, platform wide, company wide, org wide, ' +
      'across the board, across the product, across the platform, across the site, across the fleet, ' +
      'across all, across every, for all, whole company, entire company, whole org, entire org, ' +
      'whole organisation, entire organisation, whole organization, entire organization, all markets, ' +
      'every market, all regions, every region, all countries, every country',
    large:
      'most, majority, most of, lots of, a lot of, loads of, tons of, plenty of, many users, many customers, ' +
      'many accounts, many tenants, many people, half of, half the, half our, half all, a third, =one third, ' +
      'a quarter, two thirds, three quarters, large share, large number, large portion, large part, ' +
      'big share, big chunk, big portion, good chunk, significant number, significant share, ' +
      'significant portion, sizeable, widespread, wide spread, mass reports, hundreds, thousands, ' +
      'tens of thousands, millions, biggest customer, largest customer, biggest client, largest client, ' +
      'biggest account, largest account, biggest tenant, largest tenant, top customer, top customers, ' +
      'key account, key accounts, key customer, key customers, vip, whole team, entire team, ' +
      'whole department, entire department, whole office, whole region, entire region, =one region, a region, ' +
      'multiple regions, several regions, enterprise customers, enterprise accounts, enterprise tenants, ' +
      'enterprise clients, tickets flooding, flood of tickets, lots of tickets, many tickets, many reports',
    some:
      'some users, some customers, some accounts, some tenants, some people, some workspaces, some orgs, ' +
      'some of our, some of the, some requests, some orders, some, a few, few, handful, several, a couple, ' +
      'couple of, a number of, certain users, certain customers, certain accounts, a subset, subset of, ' +
      'small number, small share, small percentage, small group, multiple customers, multiple users, ' +
      'multiple accounts, multiple reports, dozens, intermittent, intermittently, sometimes, occasionally, ' +
      'occasional, sporadic, sporadically, random, randomly, now and then, from time to time, flaky',
    single:
      '=one customer, =one user, =one account, =one tenant, =one workspace, =one org, =one person, =one tester, ' +
      '=one device, =one merchant, =one client, a user, a customer, an account, a tenant, a client, a single, ' +
      'single user, single customer, single account, single tenant, only me, just me, for me, my account, ' +
      'my colleague, a colleague, a coworker, =one of our, this customer, this user, a specific, ' +
      'a particular, specific customer, particular customer, an individual, =one employee, =one developer, ' +
      'on my machine, on my laptop, only =one',
    nonprod:
      '=staging, =stg, qa, qa env, test environment, test env, testing environment, dev environment, dev env, ' +
      'development environment, =sandbox, localhost, local dev, =nonprod, non prod, non production, ' +
      'preview env, preview environment, =uat, test server, test instance, test tenant, demo environment, ' +
      'demo env, dev box, dev cluster, dev server',
    mask:
      'some reason, some time, some point, sometime, every time, each time, all the time, all of a sudden, ' +
      'all day, all night, at all, all good, all set, all clear, the whole time, whole thing, most recent, ' +
      'most likely, at most, the most, everyone else, everybody else, all other, all others, ' +
      'other users, other customers, a few minutes, a few seconds, a few hours, a few days, a few times, ' +
      'a couple of minutes, a couple of hours, a couple of days, a couple of times, =one of the, a few weeks, ' +
      'no customer impact, no user impact, no customers affected, no users affected, no customer facing',
  },
  urgency: {
    4:
      'outage, full outage, major outage, total outage, down, is down, are down, went down, goes down, ' +
      'hard down, completely down, offline, went offline, unreachable, unavailable, not reachable, ' +
      'data loss, lost data, losing data, data lost, lost, wiped, purged, corrupted, corruption, corrupt, ' +
      'breach, data breach, breached, leak, leaked, leaking, leaks, exposed, exposing, exposure, ' +
      'publicly accessible, publicly readable, publicly listable, publicly visible, publicly exposed, ' +
      'world readable, plaintext, in plain text, unencrypted, compromised, hacked, unauthorized access, ' +
      'unauthorised access, account takeover, stolen, ransomware, malware, fraud, fraudulent, ' +
      'someone elses, somebody elses, other users data, other customers data, other tenants data, ' +
      'from other tenants, from another tenant, another tenants, other peoples, wrong tenant, cross tenant, ' +
      'charged twice, double charged, double charging, overcharged, overcharging, billed twice, ' +
      'double billed, wrong amount, being charged, were charged, got charged, being billed, ' +
      'without charging, without payment, without collecting, lost revenue, losing revenue, losing money, ' +
      'revenue loss, payment failing, payments failing, payments down, cant accept payments, ' +
      'cannot accept payments, cant take payments, suspended, cannot log in, cant log in, cant login, ' +
      'cannot login, cannot sign in, cant sign in, cant get in, locked out, completely broken, ' +
      'totally broken, entirely broken, fully broken, nothing works, nothing loads, nothing is working, ' +
      'got deleted, were deleted, was deleted, been deleted, accidentally deleted, deleted all, ' +
      'deleted every, deleted by mistake, erased, is gone, are gone, were gone, was public, is public, ' +
      'were public, made public, public bucket, ' +
      'falling over, meltdown, on fire',
    3:
      'broken, broke, breaks, not working, doesnt work, does not work, dont work, stopped working, ' +
      'isnt working, wont work, no longer, fails, failing, failed, failure, failures, error, errors, erroring, ' +
      'exception, cannot, cant, unable, not able to, couldnt, crash, crashes, crashing, crashed, restarting, ' +
      'restart loop, crash loop, boot loop, loop, stuck, hangs, hanging, hung, freezes, freezing, frozen, ' +
      'unresponsive, not responding, endless spinner, white screen, blank screen, black screen, blank page, ' +
      'missing, wrong, incorrect, inaccurate, mismatch, discrepancy, inconsistent, rejected, rejects, ' +
      'rejecting, refused, refuses, denied, blocked, blocks, blocking, blocker, stopped, overloaded, oom, ' +
      'oomkilled, out of memory, killed, silently, timeout, timeouts, times out, timing out, timed out, ' +
      '5xx, bounced, bouncing, not sent, not delivered, never arrive, never arrives, never arrived, ' +
      'dont arrive, not arriving, not receiving, not received, not syncing, out of sync, not updating, ' +
      'not loading, wont load, doesnt load, cant load, not opening, wont open, doesnt open, wont start, ' +
      'doesnt start, fails to start, wont boot, lost access, no access, logged out, signed out, kicked out, ' +
      'unusable, useless, unworkable, ignores, ignored, not applied, not saved, not saving, dropping, ' +
      'dropped, regression, read only, readonly, quota exceeded, limit exceeded, rate limited, throttled, ' +
      '429, ran out, run out of, exhausted, disk full, is full, are full, no space, out of space, ' +
      'out of disk, =expired, revoked, disappeared, disappears, vanished, overwrote, overwritten, ' +
      'nobody can, no =one can, nobody is able, no =one is able, vulnerability, vulnerable, security hole, ' +
      'security issue, ' +
      'security bug, security risk, bypass, bypassed, privilege escalation, injection, xss, csrf, ssrf, ' +
      'rce, open redirect, cve, pen test, pentest, phishing, brute force, compliance, gdpr, violation, ' +
      'release blocker, cant deploy, cannot deploy, cant ship, data is wrong, wrong data, wrong numbers, ' +
      'numbers are off',
    2:
      'slow, slower, slowly, slowness, sluggish, laggy, lag, lagging, latency, latencies, p99, p95, ' +
      'delayed, delay, delays, late, backlog, backed up, piling up, degraded, degradation, partial, ' +
      'partially, spike, spikes, spiking, spiked, high cpu, memory leak, memory, warning, warnings, ' +
      'retries, retrying, takes forever, seconds to load, flaky, noisy, growing, climbing, stale, ' +
      'inefficient, cost, costs, costing, expensive, =tripled, =doubled, flapping',
    1:
      'typo, typos, cosmetic, misaligned, alignment, align, =wording, spelling, misspelled, misspelt, grammar, ' +
      'capitalisation, capitalization, colour, color, font, fonts, tooltip, =padding, margin, =spacing, ' +
      'icon, logo, pixelated, blurry, placeholder, translation, untranslated, localisation, localization, ' +
      'css, dark mode, emoji, favicon, breadcrumb, avatar, ugly, visual glitch, ' +
      'question, questions, how do i, how do we, how to, how can i, is there a way, is it possible, ' +
      'any way to, wondering, curious, clarify, feature request, would be nice, nice to have, would love, ' +
      'wish, suggestion, proposal, access request, needs access, need access, grant access, docs, ' +
      'documentation, wiki, outdated, out of date, readme, release notes, changelog, cleanup, clean up, ' +
      'tidy, refactor, tech debt, rename, unused, deprecate, could save, save money, please add, ' +
      'add support, can we, could we, should we, would like, want, wants, asks, ' +
      'asking, polish, just a reminder, friendly reminder, renewal reminder, =eol, ' +
      'end of life, plan the upgrade, =planned, for maintenance, maintenance window, scheduled maintenance, ' +
      'planned maintenance, will be down, will be unavailable, will be offline, ' +
      'expect downtime, planned downtime, scheduled downtime, down for maintenance',
    mask:
      'slow down, slows down, slowed down, scale down, scaled down, scaling down, drop down, dropdown, ' +
      'shut down, narrow down, break down, breakdown, down to, down from, thumbs down, down arrow, ' +
      'step down, wind down, cut down, track down, tracked down, write down, spin down, turn down, ' +
      'up and down, went down to, lost track, lost focus, error message, error messages, error page, ' +
      'missing feature, the wrong way, loop in, in the loop, feedback loop, event loop, run loop, ' +
      'for loop, while loop, nested loop',
  },
  explicit: {
    critical:
      'p0, p1, sev0, sev1, urgent, asap, emergency, war room, all hands, opening an incident, major incident, ' +
      'declaring an incident, critical, highest priority, top priority, drop everything',
    high: 'p2, sev2, paging on call, paging oncall, high priority, high prio, pretty urgent, fairly urgent',
    medium: 'p3, sev3, medium priority, normal priority',
    low:
      'p4, p5, sev4, sev5, minor, not urgent, no rush, no hurry, low priority, low prio, when you get a chance, ' +
      'when you have a chance, when you have time, when someone has time, whenever you can, ' +
      'whenever possible, whenever someone, someday, ' +
      'not a priority, not blocking, non blocking, no impact, no customer impact, no user impact, ' +
      'no customers affected, no users affected, zero impact, not customer facing, internal only, ' +
      'not critical, not a big deal, no big deal, nothing urgent, can wait, low impact',
    mask: 'not urgent but, isnt urgent',
  },
} as const;

/**
 * Words that change what the others mean. `total` names a whole system or all of its traffic ("all checkouts",
 * "the whole app"): a function broken there is an outage, not one feature failing. `risk` is a failure still ahead
 * ("runs out", "expires"), made imminent by a short `soon` horizon and planned work by a `later` one. `calm` lowers
 * the symptom one step (a workaround, a recovery). `production` overrides a staging word that only named a source.
 * `request` frames an action someone asks for, so the symptom words inside it ("can we delete the old ones") are
 * the request, not a symptom.
 */
const modifierLexicon = {
  total:
    'whole app, entire app, whole site, entire site, whole website, entire website, whole product, ' +
    'entire product, whole platform, entire platform, whole system, entire system, whole service, ' +
    'entire service, whole api, entire api, every service, all services, all servers, all nodes, ' +
    'all instances, all apps, all app servers, all pods, all traffic, all requests, every request, ' +
    'all calls, every call, all api calls, all writes, all reads, all queries, all transactions, all orders, ' +
    'every order, all payments, every payment, all checkouts, every checkout, all logins, every login, ' +
    'all signups, every signup, all emails, every email, all messages, all events, all incoming, ' +
    'everything, nothing, anything, all customer traffic, every page, all pages',
  risk:
    'run out, runs out, running out, will run out, about to run out, going to run out, fill up, fills up, ' +
    'will fill, almost full, nearly full, getting full, close to full, near capacity, ' +
    'approaching the limit, close to the limit, near the limit, will hit, about to hit, about to, ' +
    'going to break, will break, will fail, will stop, will go down, will crash, will expire, =expires, ' +
    '=expiring, =expire, expiry, countdown, running low, low on',
  trend: 'growing, climbing, keeps growing, keeps climbing, filling up, increasing, rising',
  soon:
    'minutes, minute, mins, hours, hour, hrs, today, tonight, this afternoon, this evening, tomorrow, ' +
    'overnight, by morning, end of day, eod, any minute, any moment, shortly, imminent, imminently, soon, ' +
    'within the hour',
  later:
    'days, weeks, months, years, next week, next month, next quarter, next year, later this year, ' +
    'january, february, march, april, june, july, august, september, october, november, december, ' +
    '=eol, end of life',
  calm:
    'workaround, work around, workaround exists, recovered, recovered on its own, self healed, self resolved, ' +
    'resolved itself, went away, back to normal, back online, fixed itself, cleared up, =one off, only once, ' +
    'happened once, retry works, works on retry, works after a refresh, works after refresh, ' +
    'refresh fixes, reload fixes, cant reproduce, cannot reproduce, not reproducible, couldnt reproduce',
  production: '=prod, production, live site, live environment, in prod, on prod',
  request:
    'can we, could we, should we, can you, could you, would you, shall we, we should, we could, ' +
    'would like to, want to, wants to, how do i, how do we, how to, is it possible to, any way to, ' +
    'is there a way to',
} as const;

/** Words that negate the symptom right after them ("no data loss", "not down"), and words they may skip. */
const negators = new Set(
  'no not never without nor isnt arent wasnt werent hasnt havent didnt doesnt dont zero'.split(' '),
);
const negationFillers = new Set(
  (
    'a an the any real actual major significant visible obvious sign signs of evidence reported known more ' +
    'further customer user other'
  ).split(' '),
);
/** How many words after a request frame belong to the action asked for. */
const requestReach = 3;

/**
 * Nouns that name who or what a problem reaches, for scope read from grammar: a quantifier before a population
 * ("all users", "every tenant"), a number before one ("4k seats"). `items` are traffic or records, `systems` whole
 * services: all of either failing is an outage of that flow.
 */
const population = {
  people: wordForms(
    'user customer account tenant client org organisation organization workspace merchant member subscriber ' +
      'shopper visitor buyer seller person employee seat player student patient driver partner reseller ' +
      'device install installation store market country location household reader viewer agent company ' +
      'business school phone browser laptop machine',
  ).add('people'),
  items: wordForms(
    'request call order transaction payment checkout login signin signup session write read query job ' +
      'email mail message event upload record document file page pageview ticket invoice subscription sms ' +
      'notification build deploy attempt',
  ).add('queries'),
  systems: wordForms(
    'app application site website product platform system service api backend frontend cluster database ' +
      'fleet server node instance pod network',
  ).add('everything'),
};
const quantifiers = new Set(['all', 'every', 'entire', 'whole']);
const scopeFillers = new Set(
  (
    'the our of my your their its these those active paying existing logged signed current registered in ' +
    'incoming outgoing inbound outbound'
  ).split(' '),
);
/** Segments that narrow "all users" to a large share: regions, plans and platforms. */
const segments = new Set(
  (
    'eu us usa uk emea apac latam asia europe european america american africa australia india brazil japan ' +
    'china canada germany german france french spain italy mexico korea singapore nordic nordics dach anz ' +
    'region country market enterprise business pro premium free paid trial basic legacy beta ios android ' +
    'mobile web desktop chrome safari firefox edge windows mac macos linux iphone ipad corporate'
  ).split(' '),
);

function wordForms(words: string): Set<string> {
  return new Set(words.split(' ').flatMap((word) => [word, `${word}s`]));
}

/** One lexicon entry: a phrase and what it says on which axis (a scope, an urgency 1-4, or a priority). */
export interface SeverityCue {
  phrase: string;
  axis: 'impact' | 'urgency' | 'explicit';
  value: string;
}

/** A phrase list compiled for whole-word matching, with the surfaces of its "=" (exact) phrases. */
interface CompiledList {
  set: PhraseSet;
  values: readonly string[];
  exact: readonly (readonly (string | null)[] | null)[];
}

function compileList(entries: readonly { phrase: string; value: string }[]): CompiledList {
  // Per word of each phrase: the surface it must have ("=one" is not "on", the stem both share), or null.
  const exact = entries.map(({ phrase }) =>
    phrase.includes('=')
      ? phrase.split(' ').map((word) => (word.startsWith('=') ? word.slice(1) : null))
      : null,
  );
  const set = compilePhraseSet(entries.map(({ phrase }) => phrase.replace(/=/g, '')));
  // Severity words match whole words only: "down" is not "downloads", "lost" is not "lostandfound".
  return {
    set: {
      ...set,
      phrases: set.phrases.map((phrase) => ({ ...phrase, prefix: null })),
      byPrefixHead: new Map(),
    },
    values: entries.map(({ value }) => value),
    exact,
  };
}

const splitPhrases = (phrases: string) =>
  phrases
    .split(',')
    .map((phrase) => phrase.trim())
    .filter((phrase) => phrase !== '');

const axes = ['impact', 'urgency', 'explicit'] as const;
// One phrase set per axis, so a scope word and a symptom word may overlap ("nobody" is a scope inside "nobody can").
const compiledAxes: Readonly<Record<(typeof axes)[number], CompiledList>> = {
  impact: compileAxis(lexicon.impact),
  urgency: compileAxis(lexicon.urgency),
  explicit: compileAxis(lexicon.explicit),
};
const compiledModifiers = compileAxis(modifierLexicon);

function compileAxis(byValue: Readonly<Record<string, string>>): CompiledList {
  return compileList(
    Object.entries(byValue).flatMap(([value, phrases]) =>
      splitPhrases(phrases).map((phrase) => ({ phrase, value })),
    ),
  );
}

interface FoundCue {
  phrase: string;
  value: string;
  start: number;
  end: number;
}

function findCues(tokens: readonly IssueToken[], list: CompiledList): FoundCue[] {
  const seen = new Set<string>();
  return (
    findPhraseMatches(tokens, list.set)
      .filter((match) => isExactEnough(tokens, match, list.exact[match.phraseIndex]!))
      // "fails", "failing" and "failed" share a stem and so a span; one cue per span and meaning is enough.
      .filter((match) => {
        const key = `${match.start}:${match.end}:${list.values[match.phraseIndex]}`;
        return !seen.has(key) && seen.add(key) !== undefined;
      })
      .map((match) => ({
        phrase: matchedText(tokens, match),
        value: list.values[match.phraseIndex]!,
        start: match.start,
        end: match.end,
      }))
      .filter((cue) => cue.value !== 'mask')
  );
}

function isExactEnough(
  tokens: readonly IssueToken[],
  match: PhraseMatch,
  exact: readonly (string | null)[] | null,
): boolean {
  return (
    exact === null ||
    exact.every((word, offset) => word === null || tokens[match.start + offset]!.surface === word)
  );
}

/** What the severity lexicon read in a text. */
export interface SeverityEvidence {
  /** The broadest scope named ("all users"), non-production winning over any; null when none is named. */
  impact: ImpactScope | null;
  /** The worst symptom named, after imminence, outage and de-escalation; null when none is. */
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

// When a text names no scope or no symptom, the matrix is read over this mix instead. A production problem reported
// without a scope is usually one whoever uses the feature runs into, so a large share weighs most. Chosen by 4-fold
// cross-validation on the training split: this mix reads 65.0% of priorities right with rules alone, the previous
// one (most weight on "some") 63.7%; a mix leaning further to "global" drops to 53.5%, as texts with neither scope
// nor symptom then read as high.
const impactMix: Record<ImpactScope, number> = {
  global: 0.1,
  large: 0.6,
  some: 0.2,
  single: 0.05,
  nonprod: 0.05,
};
const urgencyMix: Record<Urgency, number> = { 4: 0.15, 3: 0.4, 2: 0.3, 1: 0.15 };
// How sure a named scope or symptom is: the rest of the weight stays on the typical mix.
const cueCertainty = 0.8;

/**
 * Reads scope, symptom severity and explicit priority words in a text and turns them into a distribution over
 * priorities through the ITIL matrix: "checkout is down for all users" -> global x outage -> critical. `text`, the
 * raw text the tokens came from, lets numbers be read as scope ("20% of requests", "4,000 users"); without it only
 * magnitudes the tokens keep ("4k seats") are.
 */
export function scoreSeverity(tokens: readonly IssueToken[], text?: string): SeverityEvidence {
  const modifiers = findCues(tokens, compiledModifiers);
  const requestEnds = modifiers.filter((cue) => cue.value === 'request').map((cue) => cue.end);
  const insideRequest = (cue: FoundCue) =>
    requestEnds.some((end) => cue.start >= end && cue.start < end + requestReach);
  const scopes: ScopeCue[] = [
    ...findCues(tokens, compiledAxes.impact).map((cue) => (isNegated(tokens, cue) ? narrowed(cue) : cue)),
    ...scopeFromGrammar(tokens, text !== undefined),
    ...(text ? scopeFromNumbers(text) : []),
  ].filter((cue) => cue !== null);
  // A condition ("when rotating the phone", "users who have no email") narrows a symptom to some, unless a scope says more.
  if (scopes.length === 0) scopes.push(...scopeFromConditions(tokens));
  const named = [
    ...findCues(tokens, compiledAxes.urgency).filter(
      (cue) => !isNegated(tokens, cue) && !(Number(cue.value) >= 3 && insideRequest(cue)),
    ),
    ...harmFromGrammar(tokens),
  ];
  // A message headed "request:" or "question:" asks for something; the symptom words in it describe the ask.
  const framing = text ? framedAsRequest(text) : null;
  if (framing) named.splice(0, named.length, framing);
  // "builds will start failing" is a failure foreseen, not one happening: it counts as a risk.
  const foreseen = named.filter((cue) => Number(cue.value) >= 3 && isFuture(tokens, cue));
  const symptoms = named.filter((cue) => !foreseen.includes(cue));
  const stated = findCues(tokens, compiledAxes.explicit);

  const has = (value: string) => modifiers.some((cue) => cue.value === value);
  const scopeNames = scopes.map((cue) => cue.value as ImpactScope);
  const isNonprod = scopeNames.includes('nonprod') && !has('production');
  const impact: ImpactScope | null = isNonprod
    ? 'nonprod'
    : (impactScopes.find((scope) => scope !== 'nonprod' && scopeNames.includes(scope)) ?? null);

  const extra: FoundCue[] = [];
  let urgency =
    symptoms.length > 0 ? (Math.max(...symptoms.map((cue) => Number(cue.value))) as Urgency) : null;
  const worst = symptoms.find((cue) => Number(cue.value) === urgency);
  // A function broken for a whole system or all of its traffic is that system's outage.
  const total = modifiers.find((cue) => cue.value === 'total') ?? scopes.find((cue) => cue.total);
  if (total && urgency === 3 && impact === 'global' && worst) {
    urgency = 4;
    extra.push({ ...worst, value: '4' });
  }
  // A failure still ahead reads by when: within hours it is as good as broken, in months it is planned work.
  const risk = readRisk(tokens, [...modifiers, ...foreseen.map((cue) => ({ ...cue, value: 'risk' }))]);
  if (risk && risk.value === 'soon' && (urgency ?? 0) < 3) {
    urgency = 3;
    extra.push({ ...risk.cue, value: '3' });
  } else if (risk && risk.value === 'later' && (urgency ?? 0) <= 2) {
    urgency = 1;
    extra.push({ ...risk.cue, value: '1' });
  } else if (foreseen.length > 0 && (urgency ?? 0) < 2) {
    // A failure warned of without a date is a degraded state: something already needs attention.
    urgency = 2;
    extra.push({ ...foreseen[0]!, value: '2' });
  }
  // A workaround or a recovery takes the edge off: one step less urgent.
  const calm = modifiers.find((cue) => cue.value === 'calm');
  if (calm && urgency !== null && urgency > 1) {
    urgency = (urgency - 1) as Urgency;
    extra.push({ ...calm, value: String(urgency) });
  }

  const explicit: Record<TriagePriority, number> = { critical: 0, high: 0, medium: 0, low: 0 };
  for (const cue of stated) explicit[cue.value as TriagePriority] += 1;
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
  const cues: (SeverityCue & { start: number })[] = [
    ...scopes.map((cue) => ({
      phrase: cue.phrase,
      axis: 'impact' as const,
      value: cue.value,
      start: cue.start,
    })),
    ...[...extra, ...symptoms].map((cue) => ({
      phrase: cue.phrase,
      axis: 'urgency' as const,
      value: cue.value,
      start: cue.start,
    })),
    ...stated.map((cue) => ({
      phrase: cue.phrase,
      axis: 'explicit' as const,
      value: cue.value,
      start: cue.start,
    })),
  ];
  return {
    impact,
    urgency,
    explicit,
    matrixLogProbability: Object.fromEntries(
      triagePriorities.map((priority) => [priority, Math.log(probability[priority] + 1e-3)]),
    ) as Record<TriagePriority, number>,
    cues: cues.sort((a, b) => a.start - b.start).map(({ start: _, ...cue }) => cue),
    features,
  };
}

const requestHeading =
  /^\W*(feature request|request|question|quick question|q|suggestion|idea|proposal)\s*[:\u2013\u2014-]\s/i;

/** A message that opens with a heading like "request:" or "question -" is a request or a question: urgency 1. */
function framedAsRequest(text: string): FoundCue | null {
  const match = requestHeading.exec(text);
  return match ? { phrase: match[1]!.toLowerCase(), value: '1', start: 0, end: 1 } : null;
}

/** True when a negation stands right before the cue, maybe past a filler or two: "no data loss", "not any errors". */
function isNegated(tokens: readonly IssueToken[], cue: FoundCue): boolean {
  for (let i = cue.start - 1; i >= Math.max(0, cue.start - 3); i--) {
    const word = tokens[i]!.surface;
    if (negators.has(word)) return true;
    if (!negationFillers.has(word)) return false;
  }
  return false;
}

/** A scope denied ("not everyone", "not all users") still leaves some affected. */
function narrowed(cue: FoundCue): FoundCue | null {
  return cue.value === 'global' || cue.value === 'large' ? { ...cue, value: 'some' } : null;
}

interface ScopeCue extends FoundCue {
  total?: boolean;
}

/**
 * Scope from grammar rather than fixed phrases: a quantifier before a population ("all of our customers" global,
 * "all EU customers" or "every tenant in the EU" a large share, "all checkouts" the whole flow) and a magnitude the
 * tokens keep before one ("4k seats", "2,300 users").
 */
function scopeFromGrammar(tokens: readonly IssueToken[], hasText: boolean): ScopeCue[] {
  const found: ScopeCue[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const word = tokens[i]!.surface;
    if (quantifiers.has(word)) {
      let segmented = false;
      for (let j = i + 1; j < Math.min(tokens.length, i + 4); j++) {
        const next = tokens[j]!.surface;
        const kind = populationKind(next);
        if (kind) {
          const after = tokens.slice(j + 1, j + 4).map((token) => token.surface);
          const inSegment =
            ['in', 'on', 'from'].includes(after[0] ?? '') && after.slice(1).some((w) => segments.has(w));
          const phrase = tokens
            .slice(i, inSegment ? j + 1 + after.findIndex((w, k) => k > 0 && segments.has(w)) + 1 : j + 1)
            .map((token) => token.surface)
            .join(' ');
          found.push({
            phrase,
            value: segmented || inSegment ? 'large' : 'global',
            start: i,
            end: j + 1,
            total: kind !== 'people' && !segmented,
          });
          break;
        }
        if (segments.has(next)) segmented = true;
        else if (!scopeFillers.has(next)) break;
      }
    }
    // "three big customers": a few, counted in words. Without the raw text a bare number ("3 customers") is read
    // the same way: counts people write out are mostly small ones, big ones come as "4k" or "thousands".
    if (smallCounts.has(word) || (word === '#num' && !hasText)) {
      const noun = tokens.slice(i + 1, i + 3).find((token) => population.people.has(token.surface));
      if (noun) found.push({ phrase: noun.surface, value: 'some', start: i, end: i + 1 });
    }
    // "4k seats", "2m records": the tokens keep a magnitude suffix; "2,300 users" arrives as two numbers.
    const isMagnitude = /^\d+(?:\.\d+)?k$/.test(word);
    if (isMagnitude) {
      const skip = 1;
      const noun = tokens
        .slice(i + skip, i + skip + 3)
        .find((token) => populationKind(token.surface) !== null);
      if (noun) {
        found.push({
          phrase: `${word} ${noun.surface}`,
          value: 'large',
          start: i,
          end: i + skip,
        });
      }
    }
  }
  return found;
}

const relativeWords = new Set('who whose that which with without using on in whos'.split(' '));
const conditionWords = new Set('when whenever if only unless'.split(' '));

/**
 * Scope from a condition: the symptom happens only in a case ("only upgrades", "when sharing more than 10 photos",
 * "for users who signed up before 2020", "accounts with a + in the address"): some are affected, not all.
 */
function scopeFromConditions(tokens: readonly IssueToken[]): ScopeCue[] {
  for (let i = 0; i < tokens.length; i++) {
    const word = tokens[i]!.surface;
    const next = tokens[i + 1]?.surface ?? '';
    const isCondition = conditionWords.has(word) && next !== '';
    const isRestricted = population.people.has(word) && relativeWords.has(next) && i > 0;
    if (isCondition || isRestricted)
      return [{ phrase: `${word} ${next}`, value: 'some', start: i, end: i + 2 }];
  }
  return [];
}

const smallCounts = new Set('two three four five six seven eight nine ten twelve'.split(' '));
const futureMarkers = new Set('will would could might may gonna'.split(' '));
const futureFillers = new Set(
  'start starting begin be to also then soon probably likely eventually definitely'.split(' '),
);

/** True when a modal stands before the symptom, maybe past "start" or "be": "will start failing", "could break". */
function isFuture(tokens: readonly IssueToken[], cue: FoundCue): boolean {
  for (let i = cue.start - 1; i >= Math.max(0, cue.start - 3); i--) {
    const word = tokens[i]!.surface;
    if (futureMarkers.has(word) || (word === 'going' && tokens[i + 1]?.surface === 'to')) return true;
    if (!futureFillers.has(word)) return false;
  }
  return false;
}

const otherMarkers = new Set('other another different wrong'.split(' '));
const dataNouns = new Set(
  (
    'data email emails name names detail details info information file files document documents message messages ' +
    'record records order orders invoice invoices content contents address addresses contact contacts event ' +
    'events project projects profile profiles photo photos comment comments conversation conversations ' +
    'ticket tickets history'
  ).split(' '),
);
const sensitiveNouns = new Set(
  'password passwords passwd secret secrets token tokens credential credentials apikey kubeconfig pii ssn cvv'.split(
    ' ',
  ),
);
const exposureWords = new Set(
  (
    'visible exposed public publicly pastebin github logs logged logging console plaintext plain url urls ' +
    'readable leaked printed committed shipped ships'
  ).split(' '),
);

/**
 * Harm read from grammar: another customer's data reaching the wrong people ("other users' emails", "content from
 * other tenants") and secrets where anyone can read them ("card numbers in the debug logs", "tokens in a public
 * paste") are breaches: urgency 4.
 */
function harmFromGrammar(tokens: readonly IssueToken[]): FoundCue[] {
  const found: FoundCue[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const word = tokens[i]!.surface;
    if (otherMarkers.has(word) && population.people.has(tokens[i + 1]?.surface ?? '')) {
      const before = tokens[i - 1]?.surface ?? '';
      const after = tokens[i + 2]?.surface ?? '';
      if (dataNouns.has(after) || ['from', 'of', 'to', 'into'].includes(before)) {
        found.push({ phrase: `${word} ${tokens[i + 1]!.surface}`, value: '4', start: i, end: i + 2 });
      }
    }
    const isCard =
      word === 'card' && ['number', 'numbers', 'data', 'details'].includes(tokens[i + 1]?.surface ?? '');
    if (sensitiveNouns.has(word) || isCard) {
      const window = tokens.slice(Math.max(0, i - 8), i + 9);
      const exposure = window.find((token) => exposureWords.has(token.surface));
      const noun = isCard ? `card ${tokens[i + 1]!.surface}` : word;
      if (exposure) found.push({ phrase: `${noun} ${exposure.surface}`, value: '4', start: i, end: i + 1 });
    }
  }
  return found;
}

function populationKind(word: string): keyof typeof population | null {
  if (population.people.has(word)) return 'people';
  if (population.items.has(word)) return 'items';
  if (population.systems.has(word)) return 'systems';
  return null;
}

/**
 * Scope from numbers in the raw text: a share ("~20% of API calls", "1 in 4 requests", "100% of users") or a count
 * of people ("4,000 users", "3 customers", "1.5k seats"). A tenth or more of the traffic, or a hundred people or
 * more, is a large share; 90% or more is everyone. Shares of a resource ("disk at 93%") are not scope and need "of"
 * or a population right after them.
 */
function scopeFromNumbers(text: string): ScopeCue[] {
  const found: ScopeCue[] = [];
  const lower = text.toLowerCase();
  for (const match of lower.matchAll(
    /(\d+(?:\.\d+)?)\s*(?:%|percent\b)\s*(?:of\s+)?(?:the\s+|our\s+|all\s+)?([a-z]+)?/g,
  )) {
    const share = Number(match[1]) / 100;
    const noun = match[2] ?? '';
    if (!match[0].includes('of') && !populationKind(noun)) continue;
    found.push(shareCue(match[0].trim(), share, populationKind(noun) !== 'people'));
  }
  for (const match of lower.matchAll(/\b(\d+|one|two|three|four|five)\s+(?:in|out of)\s+(\d+)\b/g)) {
    const words: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5 };
    const share = (words[match[1]!] ?? Number(match[1])) / Number(match[2]);
    if (share > 0 && share <= 1) found.push(shareCue(match[0], share, false));
  }
  for (const match of lower.matchAll(
    /(?<![\d.,%])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s*(k|m|thousand|million)?\s+([a-z]+)(?:\s+([a-z]+))?/g,
  )) {
    // The people may follow the number directly or past one word ("3 enterprise customers"), but not past a
    // preposition: "returns a 500 for users" is a status code.
    const nouns = prepositions.has(match[3]!) ? [] : [match[3], match[4]];
    if (!nouns.some((noun) => populationKind(noun ?? '') === 'people')) continue;
    const multiplier = { k: 1e3, thousand: 1e3, m: 1e6, million: 1e6 }[match[2] ?? ''] ?? 1;
    const count = Number(match[1]!.replace(/,/g, '')) * multiplier;
    const value = count >= 100 ? 'large' : count >= 2 ? 'some' : count === 1 ? 'single' : null;
    const phrase = populationKind(match[3]!) === 'people' ? match[0].replace(/\s+[a-z]+$/, '') : match[0];
    if (value) found.push({ phrase: match[4] ? phrase : match[0], value, start: -1, end: -1 });
  }
  return found;
}

const prepositions = new Set('for to of in on from with by per at into via'.split(' '));

function shareCue(phrase: string, share: number, total: boolean): ScopeCue {
  const value = share >= 0.9 ? 'global' : share >= 0.1 ? 'large' : 'some';
  return { phrase, value, start: -1, end: -1, total: total && value === 'global' };
}

/** The nearest time horizon of a failure still ahead: "fills up in 2 hours" soon, "expires in 30 days" later. */
function readRisk(
  tokens: readonly IssueToken[],
  modifiers: readonly FoundCue[],
): { cue: FoundCue; value: 'soon' | 'later' } | null {
  const horizons = modifiers.filter((cue) => cue.value === 'soon' || cue.value === 'later');
  for (const cue of modifiers) {
    if (cue.value !== 'risk' && cue.value !== 'trend') continue;
    const near = horizons.find((horizon) => horizon.start >= cue.start - 3 && horizon.start <= cue.end + 6);
    const shortUnit = tokens
      .slice(cue.end, cue.end + 6)
      .some((token) => /^\d+(?:h|hr|hrs|min|mins)$/.test(token.surface));
    if (near?.value === 'soon' || shortUnit || cue.phrase.startsWith('about to'))
      return { cue, value: 'soon' };
    // A trend measured over days ("growing for 3 days") says nothing about when it breaks.
    if (near?.value === 'later' && cue.value === 'risk') return { cue, value: 'later' };
  }
  return null;
}
