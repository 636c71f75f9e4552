import type { MemberRole } from '@argus/contracts';
import type { Db } from '../../db/client.js';
import type { JobQueue } from '../../jobs/job-queue.js';
import type { Clock } from '../../lib/clock.js';
import { ConflictError, ForbiddenError, NotFoundError, RuleViolationError } from '../../lib/errors.js';
import { type Actor, can } from '../access/index.js';
import { ASSIGN_UNASSIGNED_JOB, countOpenAssignments } from '../issues/index.js';
import * as repo from './team.repository.js';

export interface TeamServiceDeps {
  db: Db;
  clock: Clock;
  jobs: Pick<JobQueue, 'enqueue'>;
  /** Called after memberships change (roles decide permissions), so cached sign-ins are re-read. */
  onAccessChanged(): void;
}

export interface TeamInput {
  name: string;
  description: string;
  slackChannel?: string | null | undefined;
  remindersEnabled: boolean;
  reminderIntervalMinutes: number;
  reminderStaleMinutes: number;
  slackThreadSync: boolean;
  routingKeywords: string[];
  autoResolveEnabled: boolean;
  autoResolveMinConfidence: number;
}

export type TeamService = ReturnType<typeof createTeamService>;

/** Teams and their members: who may manage them, and what a membership change sets in motion. */
export function createTeamService(deps: TeamServiceDeps) {
  const { db, clock, jobs } = deps;

  async function getTeam(id: string) {
    const [row] = await repo.listTeamRows(db, [id]);
    if (!row) throw new NotFoundError(`Team "${id}" does not exist.`, 'TEAM_NOT_FOUND');
    return row;
  }

  async function getMember(id: string) {
    const member = await repo.findMember(db, id);
    if (!member) throw new NotFoundError(`Team membership "${id}" does not exist.`, 'MEMBER_NOT_FOUND');
    return member;
  }

  async function withWorkload<T extends { userId: string }>(rows: T[]) {
    const counts = await countOpenAssignments(
      db,
      rows.map((row) => row.userId),
    );
    return rows.map((row) => ({ ...row, openIssueCount: counts.get(row.userId) ?? 0 }));
  }

  async function assertNameFree(name: string, exceptId?: string) {
    const clash = await repo.findTeamByName(db, name);
    if (clash && clash.id !== exceptId)
      throw new ConflictError(`A team named "${clash.name}" already exists.`, 'TEAM_NAME_TAKEN');
  }

  /** When a team gains an active member, issues waiting without an assignee get one (as a durable job). */
  async function reconcileAssignments(tx: Db, teamId: string) {
    await jobs.enqueue(ASSIGN_UNASSIGNED_JOB, { teamId }, { tx });
  }

  return {
    getTeam,
    listTeams: () => repo.listTeamRows(db),

    async createTeam(actor: Actor, input: TeamInput) {
      if (!can.createTeam(actor)) throw new ForbiddenError('Only admins can create teams.');
      await assertNameFree(input.name);
      const now = clock.now();
      const row = await repo.insertTeam(db, {
        ...input,
        slackChannel: input.slackChannel ?? null,
        createdAt: now,
        updatedAt: now,
      });
      return getTeam(row.id);
    },

    async updateTeam(actor: Actor, id: string, patch: Partial<TeamInput>) {
      await getTeam(id);
      if (!can.updateTeamSettings(actor, id))
        throw new ForbiddenError("Only admins and the team's managers can change its settings.");
      if (patch.name) await assertNameFree(patch.name, id);
      await repo.updateTeamRow(db, id, { ...patch, updatedAt: clock.now() });
      return getTeam(id);
    },

    /** Deletes a team; its issues stay, without a team. */
    async deleteTeam(actor: Actor, id: string) {
      if (!can.deleteTeam(actor)) throw new ForbiddenError('Only admins can delete teams.');
      if (!(await repo.deleteTeamRow(db, id)))
        throw new NotFoundError(`Team "${id}" does not exist.`, 'TEAM_NOT_FOUND');
    },

    async listMembers(teamId: string) {
      await getTeam(teamId);
      return withWorkload(await repo.listMemberRows(db, teamId));
    },

    async getMemberView(id: string) {
      const [member] = await withWorkload([await getMember(id)]);
      return member!;
    },

    async addMember(actor: Actor, teamId: string, input: { userId: string; role: MemberRole }) {
      const team = await getTeam(teamId);
      if (!can.manageMembers(actor, teamId))
        throw new ForbiddenError(`Only admins and managers of ${team.team.name} can change its members.`);
      if (!(await repo.userExists(db, input.userId))) {
        throw new RuleViolationError(`User "${input.userId}" does not exist.`, 'UNKNOWN_USER', {
          field: 'userId',
        });
      }
      if (await repo.findMembership(db, teamId, input.userId)) {
        throw new ConflictError(`That person is already a member of ${team.team.name}.`, 'ALREADY_MEMBER');
      }
      const id = await db.transaction(async (tx) => {
        const memberId = await repo.insertMember(tx, {
          teamId,
          userId: input.userId,
          role: input.role,
          createdAt: clock.now(),
        });
        await reconcileAssignments(tx, teamId);
        return memberId;
      });
      deps.onAccessChanged();
      const [member] = await withWorkload([await getMember(id)]);
      return member!;
    },

    async updateMember(
      actor: Actor,
      id: string,
      patch: { role?: MemberRole | undefined; isActive?: boolean | undefined },
    ) {
      const member = await getMember(id);
      if (!can.manageMembers(actor, member.teamId)) {
        throw new ForbiddenError(`Only admins and managers of ${member.teamName} can change its members.`);
      }
      await db.transaction(async (tx) => {
        await repo.updateMemberRow(tx, id, {
          ...(patch.role ? { role: patch.role } : {}),
          ...(patch.isActive !== undefined ? { isActive: patch.isActive } : {}),
        });
        if (patch.isActive === true && !member.isActive) await reconcileAssignments(tx, member.teamId);
      });
      deps.onAccessChanged();
      const [view] = await withWorkload([await getMember(id)]);
      return view!;
    },

    async removeMember(actor: Actor, id: string) {
      const member = await getMember(id);
      if (!can.manageMembers(actor, member.teamId)) {
        throw new ForbiddenError(`Only admins and managers of ${member.teamName} can change its members.`);
      }
      await repo.deleteMemberRow(db, id);
      deps.onAccessChanged();
    },

    /** People who can be assigned (active members of any team), grouped with their teams and workload. */
    async listAssignable(options: { q?: string | undefined; teamId?: string | undefined }) {
      const rows = await repo.listAssignableRows(db, options);
      const byUser = new Map<
        string,
        {
          userId: string;
          name: string;
          email: string;
          teams: { id: string; name: string; role: MemberRole }[];
        }
      >();
      for (const row of rows) {
        const entry = byUser.get(row.userId) ?? {
          userId: row.userId,
          name: row.name,
          email: row.email,
          teams: [],
        };
        entry.teams.push({ id: row.teamId, name: row.teamName, role: row.role });
        byUser.set(row.userId, entry);
      }
      return withWorkload([...byUser.values()]);
    },
  };
}
