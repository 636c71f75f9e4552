import type { IssuePriority } from '@argus/contracts';
import type { Db } from '../../db/client.js';
import type { EventBus } from '../../events/event-bus.js';
import type { JobDefinition, JobQueue } from '../../jobs/job-queue.js';
import { type Clock, createFixedClock } from '../../lib/clock.js';
import { seededRandom } from '../../lib/seeded-random.js';
import { systemActor, type UserActor } from '../access/index.js';
import { createIssueService, type IssueService } from '../issues/index.js';
import type { TeamService } from '../teams/index.js';
import type { UserService } from '../users/index.js';
import {
  demoComments,
  demoIssueTitles,
  demoPeople,
  demoPriorityWeights,
  demoResolutions,
  demoServices,
  demoTeams,
} from './demo-catalog.js';

export const DEMO_SEED_JOB = 'demo.seed';
const DAY_MS = 86_400_000;

export interface DemoSeederDeps {
  db: Db;
  clock: Clock;
  events: Pick<EventBus, 'publish'>;
  jobs: Pick<JobQueue, 'enqueue'>;
  issueKeyPrefix: string;
  issues: Pick<IssueService, 'listIssues'>;
  teams: TeamService;
  users: UserService;
  /** How many issues to create (default 320) over how many days back (default 120). */
  issueCount?: number;
  days?: number;
}

export type DemoSeedResult =
  | { seeded: true; teams: number; users: number; issues: number }
  | { seeded: false; reason: string };

/** Demo teams, people and months of issues with real histories, written through the same services as users' changes. */
export function createDemoSeeder(deps: DemoSeederDeps) {
  return {
    /** Seeds only an empty tracker (no issues yet), so running it twice or on real data changes nothing. */
    async seed(): Promise<DemoSeedResult> {
      const existing = await deps.issues.listIssues({ page: 1, pageSize: 1, sort: '-created' }, systemActor);
      if (existing.total > 0)
        return {
          seeded: false,
          reason: `The database already has ${existing.total} issues; demo data is only added to an empty tracker.`,
        };

      const random = seededRandom(42);
      const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
      const now = deps.clock.now().getTime();
      const teamIds: { id: string; name: string }[] = [];
      const allTeams = await deps.teams.listTeams();
      for (const team of demoTeams) {
        const found = allTeams.find((row) => row.team.name.toLowerCase() === team.name.toLowerCase());
        const created =
          found ??
          (await deps.teams.createTeam(systemActor, {
            ...team,
            routingKeywords: [...team.routingKeywords],
            description: `${team.name} on-call and backlog`,
            remindersEnabled: true,
            reminderIntervalMinutes: 240,
            reminderStaleMinutes: 120,
            slackThreadSync: false,
            autoResolveEnabled: true,
            autoResolveMinConfidence: 0.8,
          }));
        teamIds.push({ id: created.team.id, name: created.team.name });
      }

      const people: { actor: UserActor; teamId: string }[] = [];
      for (const [index, name] of demoPeople.entries()) {
        const email = `${name.toLowerCase().replace(/[^a-z]+/g, '.')}@demo.argus.dev`;
        const user =
          (await deps.users.findUserByEmail(email)) ??
          (await deps.users.createUser(systemActor, { email, name, isAdmin: false }));
        const team = teamIds[index % teamIds.length]!;
        // The first person of each team manages it; the rest are agents.
        const role = index < teamIds.length ? 'manager' : 'agent';
        const members = await deps.teams.listMembers(team.id);
        if (!members.some((member) => member.userId === user.id))
          await deps.teams.addMember(systemActor, team.id, { userId: user.id, role });
        people.push({
          actor: {
            kind: 'user',
            userId: user.id,
            name: user.name,
            email: user.email,
            isAdmin: false,
            managerTeamIds: role === 'manager' ? [team.id] : [],
            agentTeamIds: role === 'agent' ? [team.id] : [],
          },
          teamId: team.id,
        });
      }

      const clock = createFixedClock(new Date(now));
      const issues = createIssueService({
        db: deps.db,
        clock,
        events: deps.events,
        jobs: deps.jobs,
        issueKeyPrefix: deps.issueKeyPrefix,
      });
      const count = deps.issueCount ?? 320;
      const days = deps.days ?? 120;
      const createdTimes = Array.from(
        { length: count },
        () => now - Math.floor(random() ** 1.4 * days * DAY_MS),
      ).sort((a, b) => a - b);
      for (const createdAt of createdTimes) {
        const team = pick(teamIds);
        const reporter = pick(people);
        const priority = weightedPriority(random());
        clock.set(new Date(createdAt));
        const issue = await issues.createIssue(reporter.actor, {
          title: pick(demoIssueTitles[team.name] ?? ['Unexpected error rate']).replace(
            '{n}',
            String(1 + Math.floor(random() * 9)),
          ),
          description: 'Reported by the on-call engineer. See the linked dashboard for the graphs.',
          priority,
          teamId: team.id,
          labels: { env: random() < 0.8 ? 'production' : 'staging' },
          service: pick(demoServices),
          environment: random() < 0.8 ? 'production' : 'staging',
        });
        const assignee =
          people.find((person) => person.actor.userId === issue.assignees[0]?.id)?.actor ?? systemActor;
        const ageMs = now - createdAt;
        // Older issues are mostly done; the last few days stay open, as in a living tracker.
        const progress = Math.min(1, ageMs / (14 * DAY_MS));
        const minutesToAck = priority === 'critical' ? 2 + random() * 10 : 10 + random() * 240;
        const ackAt = createdAt + minutesToAck * 60_000;
        if (random() < 0.3 + 0.7 * progress && ackAt < now) {
          clock.set(new Date(ackAt));
          await issues.updateIssue(assignee, issue.id, { status: 'acknowledged' });
          if (random() < 0.5) await issues.addComment(assignee, issue.id, pick(demoComments));
          const hoursToResolve = priority === 'critical' ? 0.5 + random() * 4 : 2 + random() * 72;
          const resolvedAt = ackAt + hoursToResolve * 3_600_000;
          if (random() < 0.2 + 0.8 * progress && resolvedAt < now) {
            clock.set(new Date(resolvedAt));
            await issues.resolveIssue(assignee, issue.id, pick(demoResolutions));
            if (random() < 0.3 && resolvedAt + DAY_MS < now) {
              clock.set(new Date(resolvedAt + DAY_MS));
              await issues.closeIssue(systemActor, issue.id, 'Verified after a day without recurrence');
            }
          }
        }
      }
      return { seeded: true, teams: teamIds.length, users: people.length, issues: count };
    },
  };
}

function weightedPriority(roll: number): IssuePriority {
  let total = 0;
  for (const [priority, weight] of demoPriorityWeights) {
    total += weight;
    if (roll < total) return priority;
  }
  return 'low';
}

/** The seeding job behind SEED_DEMO_DATA=true: runs once, skips a tracker that already has issues. */
export function demoJobs(deps: { demo: ReturnType<typeof createDemoSeeder> }): JobDefinition[] {
  return [
    {
      name: DEMO_SEED_JOB,
      retryLimit: 2,
      expireInSeconds: 30 * 60,
      handle: async () => void (await deps.demo.seed()),
    },
  ];
}
