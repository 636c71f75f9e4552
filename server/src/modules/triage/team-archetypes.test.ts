import { describe, expect, it } from 'vitest';
import { defaultTriageCategories } from './category-lexicon.js';
import { compileKeywordRouter } from './keyword-router.js';
import { triageLocally } from './local-triage.js';
import {
  compileArchetypeLexicon,
  resembleArchetypes,
  scoreArchetypeWords,
  teamArchetypes,
} from './team-archetypes.js';
import { compilePhrase, tokenizeIssueText } from './text-features.js';
import type { TriageTeamProfile } from './triage.types.js';
import { averageWordVector } from './word-vectors.js';

/** Teams as an organisation might configure them (the shape of the evaluation's teams.json). */
const teams: TriageTeamProfile[] = [
  {
    id: 'platform',
    name: 'Platform',
    routingKeywords: ['kubernetes', 'k8s', 'pod', 'cluster', 'helm', 'docker', 'terraform', 'deploy', 'disk'],
  },
  {
    id: 'database',
    name: 'Database',
    routingKeywords: ['database', 'db', 'postgres', 'mysql', 'sql', 'query', 'replica', 'deadlock', 'index'],
  },
  {
    id: 'network',
    name: 'Network',
    routingKeywords: [
      'dns',
      'cdn',
      'load balancer',
      'cloudflare',
      'tls',
      'certificate',
      'firewall',
      'ingress',
    ],
  },
  {
    id: 'payments',
    name: 'Payments',
    routingKeywords: [
      'payment',
      'checkout',
      'stripe',
      'invoice',
      'refund',
      'billing',
      'charge',
      'credit card',
    ],
  },
  {
    id: 'identity',
    name: 'Identity',
    routingKeywords: [
      'login',
      'log in',
      'sso',
      'oauth',
      'saml',
      'password',
      'mfa',
      'session',
      'token',
      'okta',
    ],
  },
  {
    id: 'mobile',
    name: 'Mobile',
    routingKeywords: ['ios', 'android', 'mobile', 'app store', 'play store', 'testflight', 'react native'],
  },
  {
    id: 'web-frontend',
    name: 'Web Frontend',
    routingKeywords: ['frontend', 'css', 'javascript', 'react', 'browser', 'safari', 'chrome', 'layout'],
  },
  {
    id: 'data',
    name: 'Data',
    routingKeywords: ['etl', 'pipeline', 'airflow', 'warehouse', 'snowflake', 'dbt', 'kafka', 'analytics'],
  },
  {
    id: 'search',
    name: 'Search',
    routingKeywords: [
      'search',
      'elasticsearch',
      'reindex',
      'autocomplete',
      'relevance',
      'ranking',
      'synonym',
    ],
  },
  {
    id: 'notifications',
    name: 'Notifications',
    routingKeywords: ['email', 'sms', 'push notification', 'twilio', 'sendgrid', 'bounce', 'unsubscribe'],
  },
];
const legal: TriageTeamProfile = {
  id: 'legal',
  name: 'Legal',
  routingKeywords: ['contract', 'terms of service'],
};

const meaningOf = (team: TriageTeamProfile) =>
  averageWordVector(tokenizeIssueText([...team.routingKeywords, team.name].join(' . ')));
const compile = (configured: readonly TriageTeamProfile[]) =>
  compileArchetypeLexicon(configured, configured.map(meaningOf), compileKeywordRouter(configured));
const triage = (text: string, configured: readonly TriageTeamProfile[] = teams) =>
  triageLocally(
    { title: text, description: '' },
    { teams: configured, categories: defaultTriageCategories, model: null },
  );
const hasOwnKeyword = (text: string, teamId: string) =>
  teams
    .find((team) => team.id === teamId)!
    .routingKeywords.some((keyword) => text.toLowerCase().includes(keyword));

/** A message without any of its team's keywords goes to that team, and the rationale names the borrowed word. */
function expectRoutedByBorrowedWord({
  text,
  team,
  word,
}: {
  text: string;
  team: string;
  word: string;
}): void {
  expect(hasOwnKeyword(text, team)).toBe(false);
  const result = triage(text);
  expect(result.teamId).toBe(team);
  const name = teams.find((item) => item.id === team)!.name;
  expect(result.rationale).toContain(`"${word}"`);
  expect(result.rationale).toContain(`(${name}'s kind of words)`);
}

describe('archetype words route messages that lack the team keywords', () => {
  it.each([
    { text: 'Users get logged out every 5 minutes', team: 'identity', word: 'logged out' },
    { text: 'autovacuum has not run for days and bloat keeps growing', team: 'database', word: 'autovacuum' },
    { text: 'the NAT gateway ran out of ports again', team: 'network', word: 'nat gateway' },
    { text: 'a BGP route leak sends European traffic through Asia', team: 'network', word: 'bgp' },
    { text: 'app crashes on launch on some Samsung phones', team: 'mobile', word: 'crashes on launch' },
    { text: 'the sidebar overlaps the content on narrow windows', team: 'web-frontend', word: 'sidebar' },
    { text: 'did you mean is gone and fuzzy matching stopped working', team: 'search', word: 'did you mean' },
    { text: 'DKIM fails so Gmail puts everything in the junk folder', team: 'notifications', word: 'dkim' },
    { text: 'card declined with insufficient funds on Apple Pay', team: 'payments', word: 'card declined' },
    { text: 'nightly job failed, usage numbers are stale since Monday', team: 'data', word: 'nightly job' },
    { text: 'node pool ran out of memory and workers got OOMKilled', team: 'platform', word: 'oomkilled' },
    { text: 'flaky tests keep main red all morning', team: 'platform', word: 'flaky tests' },
  ])('"$text" -> $team', expectRoutedByBorrowedWord);

  it('matches other spellings of a phrase by stems ("logging out", "kicks me out")', () => {
    const lexicon = compile(teams);
    const identity = teams.findIndex((team) => team.id === 'identity');
    for (const text of ['it keeps logging out', 'the app kicks me out']) {
      expect(
        scoreArchetypeWords(tokenizeIssueText(text), lexicon, teams.length).scores[identity],
      ).toBeGreaterThan(0);
    }
  });

  it('counts one place once although two spellings of a phrase match it', () => {
    const lexicon = compile(teams);
    const identity = teams.findIndex((team) => team.id === 'identity');
    const evidence = scoreArchetypeWords(tokenizeIssueText('logged out'), lexicon, teams.length);
    expect(evidence.scores[identity]).toBe(1);
    expect(evidence.hits[identity]).toEqual(['logged out']);
  });

  it('does not read words by prefix ("reported" is not a "repo", "separate" not "sepa")', () => {
    const lexicon = compile(teams);
    const evidence = scoreArchetypeWords(
      tokenizeIssueText('a customer reported the separate totals'),
      lexicon,
      teams.length,
    );
    expect(evidence.hits.flat()).not.toContain('reported');
    expect(evidence.hits.flat()).not.toContain('separate');
  });
});

describe('everyday wording of each kind of failure routes without any team keyword', () => {
  it.each([
    { text: 'the lookup box returns nothing for partial words', team: 'search', word: 'lookup box' },
    {
      text: 'customers cannot find older tickets, results are out of order',
      team: 'search',
      word: 'results are out of order',
    },
    {
      text: 'the profile form throws away what you typed when the page reloads',
      team: 'web-frontend',
      word: 'page reloads',
    },
    {
      text: 'stuck on the splash after the latest update, one star reviews piling up',
      team: 'mobile',
      word: 'splash',
    },
    { text: 'sorts spill to temporary files, should we raise work_mem?', team: 'database', word: 'work mem' },
    {
      text: 'a copy of production with anonymized data for the QA team',
      team: 'database',
      word: 'copy of production',
    },
    {
      text: 'asked for the code on every visit although I ticked trust this device',
      team: 'identity',
      word: 'trust this device',
    },
    {
      text: 'our Slack alerts stopped arriving for assigned issues',
      team: 'notifications',
      word: 'slack alerts',
    },
    { text: 'the order summary adds the shipping fee twice', team: 'payments', word: 'shipping fee' },
    {
      text: 'the BI tool shows stale revenue numbers, last refreshed on Sunday',
      team: 'data',
      word: 'last refreshed',
    },
    { text: 'VMs keep rebooting and new instances fail to boot', team: 'platform', word: 'new instances' },
  ])('"$text" -> $team', expectRoutedByBorrowedWord);
});

describe('ambiguous words do not pull a message to the wrong team', () => {
  it.each([
    // "email" is the notifications team's keyword, but the account's e-mail address is the identity team's.
    {
      text: 'a customer wants to change the account email they sign in with',
      team: 'identity',
      not: 'notifications',
    },
    // Product alerts are notifications, not the monitoring words folded into the platform team.
    { text: 'the Slack alerts for new comments are sent twice', team: 'notifications', not: 'platform' },
    // A table on a page is not a database table.
    { text: 'a wide table is cut off on narrow windows', team: 'web-frontend', not: 'database' },
    // "indexed" matches the database team's "index", but documents and results are the search team's.
    {
      text: 'new documents take an hour to get indexed and the results miss them',
      team: 'search',
      not: 'database',
    },
    // Experiment results are not search results.
    { text: 'the A/B test results put some users in both groups', team: 'data', not: 'search' },
  ])('"$text" -> $team, not $not', ({ text, team, not }) => {
    const result = triage(text);
    expect(result.teamId).toBe(team);
    expect(result.teamId).not.toBe(not);
  });

  it('reads no archetype word into "sounds like" or a bare "table"', () => {
    const lexicon = compile(teams);
    const evidence = scoreArchetypeWords(
      tokenizeIssueText('sounds like the table is off'),
      lexicon,
      teams.length,
    );
    expect(evidence.hits.flat()).toEqual([]);
  });
});

describe('which team borrows which archetype', () => {
  it('gives each configured team its own archetype (and folds CI and monitoring into platform)', () => {
    const lexicon = compile(teams);
    expect(Object.fromEntries(teams.map((team, i) => [team.id, lexicon.teamArchetypes[i]]))).toEqual({
      platform: ['platform', 'observability', 'release'],
      database: ['database'],
      network: ['network'],
      payments: ['payments'],
      identity: ['identity'],
      mobile: ['mobile', 'user-interface'],
      'web-frontend': ['web-frontend', 'user-interface'],
      data: ['data'],
      search: ['search'],
      notifications: ['notifications'],
    });
  });

  it('lends nothing to a team that resembles no archetype', () => {
    const configured = [...teams, legal];
    const lexicon = compile(configured);
    expect(resembleArchetypes(legal, meaningOf(legal))).toEqual([]);
    expect(lexicon.teamArchetypes[configured.length - 1]).toEqual([]);
    expect(
      lexicon.owners.some((owners) => owners.some((owner) => owner.team === configured.length - 1)),
    ).toBe(false);
    const result = triage('users get logged out every 5 minutes', configured);
    expect(result.teamId).toBe('identity');
    expect(result.rationale).not.toContain('Legal');
  });

  it('borrows nothing at all when no team resembles any archetype', () => {
    const result = triage('users get logged out every 5 minutes', [legal]);
    expect(result.rationale).not.toContain('kind of words');
  });

  it('recognises a team by its keywords whatever it is called, or by its name alone', () => {
    const phoenix = {
      id: 'phoenix',
      name: 'Team Phoenix',
      routingKeywords: ['login', 'sso', 'password', 'okta'],
    };
    expect(resembleArchetypes(phoenix, meaningOf(phoenix))[0]?.archetype).toBe('identity');
    const sre = { id: 'sre', name: 'SRE', routingKeywords: [] };
    expect(resembleArchetypes(sre, meaningOf(sre))[0]?.archetype).toBe('platform');
  });

  it('never lets two teams claim the same words in full', () => {
    const billing = {
      id: 'billing',
      name: 'Billing',
      routingKeywords: ['invoice', 'subscription', 'dunning'],
    };
    const payments = { id: 'payments', name: 'Payments', routingKeywords: ['payment', 'card', 'refund'] };
    const lexicon = compile([payments, billing]);
    for (const owners of lexicon.owners) {
      expect(owners.reduce((sum, owner) => sum + owner.share, 0)).toBeLessThanOrEqual(1);
    }
    const shares = lexicon.owners.flatMap((owners) => owners.map((owner) => owner.share));
    expect(shares.length).toBeGreaterThan(0);
  });

  it('splits the shared UI words between the web and mobile teams', () => {
    const lexicon = compile(teams);
    const evidence = scoreArchetypeWords(tokenizeIssueText('the dropdown is cut off'), lexicon, teams.length);
    const web = teams.findIndex((team) => team.id === 'web-frontend');
    const mobile = teams.findIndex((team) => team.id === 'mobile');
    expect([evidence.scores[web], evidence.scores[mobile]]).toEqual([1, 1]);
    const webOnly = teams.filter((team) => team.id !== 'mobile');
    const alone = scoreArchetypeWords(
      tokenizeIssueText('the dropdown is cut off'),
      compile(webOnly),
      webOnly.length,
    );
    expect(alone.scores[webOnly.findIndex((team) => team.id === 'web-frontend')]).toBe(2);
  });

  it("leaves a word that overlaps the team's own keyword to the keyword", () => {
    const lexicon = compile(teams);
    const identity = teams.findIndex((team) => team.id === 'identity');
    const evidence = scoreArchetypeWords(tokenizeIssueText('session expired'), lexicon, teams.length);
    expect(evidence.scores[identity]).toBe(0);
  });
});

describe('the archetype vocabulary', () => {
  const stemsOf = (phrase: string) => compilePhrase(phrase).stems.join(' ');

  it('keeps each word in one archetype only', () => {
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const archetype of teamArchetypes) {
      for (const phrase of [...archetype.keywords, ...archetype.phrases]) {
        const known = owner.get(stemsOf(phrase));
        if (known && known !== archetype.id) clashes.push(`${phrase}: ${known} and ${archetype.id}`);
        owner.set(stemsOf(phrase), archetype.id);
      }
    }
    expect(clashes).toEqual([]);
  });

  it('has no phrase that the tokenizer turns into an id or a bare number', () => {
    const broken = teamArchetypes.flatMap((archetype) =>
      archetype.phrases.filter((phrase) => {
        const stems = compilePhrase(phrase).stems;
        return stems.length === 0 || stems.includes('#id') || stems.join(' ') === '#num';
      }),
    );
    expect(broken).toEqual([]);
  });

  it('is broad: at least 150 phrases for each kind of team most organisations have', () => {
    const small = teamArchetypes
      .filter((archetype) => !archetype.foldsInto && archetype.phrases.length < 150)
      .map((archetype) => archetype.id);
    expect(small).toEqual([]);
  });
});
