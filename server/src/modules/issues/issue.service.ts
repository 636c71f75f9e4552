import type { CreateIssueRequest, IssueStatus, ListIssuesQuery, UpdateIssueRequest } from '@argus/contracts';
import type { Db } from '../../db/client.js';
import type { EventBus } from '../../events/event-bus.js';
import type { JobQueue } from '../../jobs/job-queue.js';
import type { Clock } from '../../lib/clock.js';
import { ForbiddenError, NotFoundError, RuleViolationError } from '../../lib/errors.js';
import { type Actor, actorUserId, assertCanOnIssue, can } from '../access/index.js';
import { toHistoryResponse } from './issue.mapper.js';
import * as repo from './issue.repository.js';
import type { CommentRecord, HistoryRecord, IssueOrigin, IssueRecord } from './issue.types.js';
import { formatIssueKey, parseIssueReference } from './issue-key.js';
import { applyTransition, secondsToAcknowledge, secondsToResolve } from './issue-lifecycle.js';
import { pickAssignee } from './pick-assignee.js';

/** Observers of response times, e.g. the Prometheus histograms; called after the change commits. */
export interface IssueTimingObserver {
  acknowledged(seconds: number, priority: string): void;
  resolved(seconds: number, priority: string): void;
}

export interface IssueServiceDeps {
  db: Db;
  clock: Clock;
  events: Pick<EventBus, 'publish'>;
  jobs: Pick<JobQueue, 'enqueue'>;
  issueKeyPrefix: string;
  timings?: IssueTimingObserver;
}

export type IssueService = ReturnType<typeof createIssueService>;

type IssueRow = NonNullable<Awaited<ReturnType<typeof repo.lockIssue>>>;

/** Every change to issues goes through here: rules, one short transaction with its history, live events. */
export function createIssueService(deps: IssueServiceDeps) {
  const { db, clock, events, issueKeyPrefix } = deps;
  const keyOf = (number: number) => formatIssueKey(issueKeyPrefix, number);

  function parseReference(reference: string) {
    const parsed = parseIssueReference(reference);
    if (!parsed) throw new NotFoundError(`Issue "${reference}" does not exist.`, 'ISSUE_NOT_FOUND');
    return parsed;
  }

  async function getIssue(reference: string): Promise<IssueRecord> {
    const record = await repo.findIssueRecord(db, parseReference(reference));
    if (!record) throw new NotFoundError(`Issue "${reference}" does not exist.`, 'ISSUE_NOT_FOUND');
    return record;
  }

  /** Runs `change` on the locked issue inside one transaction, records history and publishes events. */
  async function changeIssue(
    reference: string,
    change: (tx: Db, row: IssueRow, assigneeIds: string[], at: Date) => Promise<repo.NewHistoryEntry[]>,
  ): Promise<IssueRecord> {
    const at = clock.now();
    const { id, history } = await db.transaction(async (tx) => {
      const row = await repo.lockIssue(tx, parseReference(reference));
      if (!row) throw new NotFoundError(`Issue "${reference}" does not exist.`, 'ISSUE_NOT_FOUND');
      const id = row.id;
      const assigneeIds = await repo.listAssigneeIds(tx, id);
      const entries = await change(tx, row, assigneeIds, at);
      if (entries.length === 0) return { id, history: [] as HistoryRecord[] };
      await repo.updateIssueRow(tx, id, { updatedAt: at });
      const history = await repo.insertHistory(tx, entries);
      await publish(tx, 'issue.updated', id, row.number, history, at);
      return { id, history };
    });
    const record = await repo.findIssueRecord(db, { id });
    if (!record) throw new NotFoundError(`Issue "${reference}" does not exist.`, 'ISSUE_NOT_FOUND');
    observeTimings(record, history);
    return record;
  }

  async function publish(
    tx: Db,
    type: 'issue.created' | 'issue.updated',
    issueId: string,
    number: number,
    history: HistoryRecord[],
    at: Date,
  ) {
    const issueKey = keyOf(number);
    await events.publish(tx, [
      { type, issueId, issueKey, at: at.toISOString() },
      ...history.map((entry) => ({
        type: 'issue.history' as const,
        issueId,
        issueKey,
        at: entry.at.toISOString(),
        history: toHistoryResponse(entry),
      })),
    ]);
  }

  function observeTimings(record: IssueRecord, history: HistoryRecord[]) {
    for (const entry of history) {
      if (
        entry.action === 'status_changed' &&
        entry.fromValue === 'open' &&
        record.acknowledgedAt?.getTime() === entry.at.getTime()
      ) {
        deps.timings?.acknowledged(
          secondsToAcknowledge(record.createdAt, record.acknowledgedAt) ?? 0,
          record.priority,
        );
      }
      if (entry.action === 'resolved') {
        deps.timings?.resolved(secondsToResolve(record.createdAt, record.resolvedAt) ?? 0, record.priority);
      }
    }
  }

  async function validateAssignees(tx: Db, userIds: readonly string[]) {
    const people = await repo.findActivePeople(tx, userIds);
    const missing = userIds.filter((userId) => !people.has(userId));
    if (missing.length > 0) {
      throw new RuleViolationError(
        `No active user with id ${missing.map((id) => `"${id}"`).join(', ')}.`,
        'UNKNOWN_ASSIGNEE',
        {
          field: 'assigneeIds',
          userIds: missing,
        },
      );
    }
    return people;
  }

  async function requireTeam(tx: Db, teamId: string, field: string) {
    const team = await repo.teamExists(tx, teamId);
    if (!team) throw new RuleViolationError(`Team "${teamId}" does not exist.`, 'UNKNOWN_TEAM', { field });
    return team;
  }

  /** Auto-assigns within the team by lowest workload; returns the history entry, or none when the team is empty. */
  async function autoAssign(
    tx: Db,
    issueId: string,
    teamId: string,
    at: Date,
    actor: Actor,
  ): Promise<repo.NewHistoryEntry[]> {
    const chosen = pickAssignee(await repo.lockAssigneeCandidates(tx, teamId));
    if (!chosen) return [];
    await repo.insertAssignees(tx, issueId, [chosen.userId], null, at);
    await repo.markAssigned(tx, teamId, chosen.userId, at);
    return [
      {
        issueId,
        actorId: actorUserId(actor),
        actorName: actor.name,
        action: 'assigned',
        toValue: chosen.name,
        details: { userId: chosen.userId, automatic: true, openIssueCount: chosen.openIssueCount },
        at,
      },
    ];
  }

  return {
    getIssue,

    async listIssues(query: ListIssuesQuery, actor: Actor) {
      return repo.listIssueRecords(db, query, actorUserId(actor));
    },

    /** Creates an issue; with a team and no explicit assignees it goes to the member with the lowest workload. */
    async createIssue(
      actor: Actor,
      input: CreateIssueRequest,
      origin: IssueOrigin = { source: 'manual' },
    ): Promise<IssueRecord> {
      if (!can.createIssue(actor))
        throw new ForbiddenError('You cannot create issues: viewers can only look.');
      const at = clock.now();
      const id = await db.transaction(async (tx) => {
        if (input.teamId) await requireTeam(tx, input.teamId, 'teamId');
        const explicit = [...new Set(input.assigneeIds ?? [])];
        const people = await validateAssignees(tx, explicit);
        const row = await repo.insertIssue(tx, {
          title: input.title,
          description: input.description,
          priority: input.priority,
          category: input.category ?? null,
          teamId: input.teamId ?? null,
          source: origin.source,
          dedupKey: input.dedupKey ?? null,
          labels: input.labels,
          service: input.service ?? null,
          environment: input.environment ?? null,
          slackChannelId: origin.slackChannelId ?? null,
          slackThreadTs: origin.slackThreadTs ?? null,
          createdById: actorUserId(actor),
          createdAt: at,
          updatedAt: at,
        });
        const base = { issueId: row.id, actorId: actorUserId(actor), actorName: actor.name, at };
        const entries: repo.NewHistoryEntry[] = [
          {
            ...base,
            action: 'created',
            toValue: row.status,
            details: { priority: row.priority, source: row.source, teamId: row.teamId },
          },
        ];
        if (explicit.length > 0) {
          await repo.insertAssignees(tx, row.id, explicit, actorUserId(actor), at);
          for (const userId of explicit) {
            entries.push({
              ...base,
              action: 'assigned',
              toValue: people.get(userId)?.name ?? userId,
              details: { userId },
            });
          }
        } else if (row.teamId) {
          entries.push(...(await autoAssign(tx, row.id, row.teamId, at, actor)));
        }
        const history = await repo.insertHistory(tx, entries);
        await publish(tx, 'issue.created', row.id, row.number, history, at);
        return row.id;
      });
      return getIssue(id);
    },

    /** Changes fields and/or the status (open, acknowledged, in progress); each change is checked and recorded. */
    async updateIssue(actor: Actor, reference: string, patch: UpdateIssueRequest): Promise<IssueRecord> {
      return changeIssue(reference, async (tx, row, assigneeIds, at) => {
        const facts = { key: keyOf(row.number), teamId: row.teamId, assigneeIds };
        const base = { issueId: row.id, actorId: actorUserId(actor), actorName: actor.name, at };
        const entries: repo.NewHistoryEntry[] = [];
        const values: Partial<repo.NewIssueRow> = {};
        const detailFields = [
          'title',
          'description',
          'priority',
          'category',
          'labels',
          'service',
          'environment',
        ] as const;
        const changedDetails = detailFields.filter(
          (field) =>
            patch[field] !== undefined && JSON.stringify(patch[field]) !== JSON.stringify(row[field]),
        );
        if (changedDetails.length > 0) assertCanOnIssue(actor, 'editDetails', facts);
        for (const field of changedDetails) {
          const before = row[field];
          const after = patch[field];
          Object.assign(values, { [field]: after });
          const isLong = field === 'description' || field === 'labels';
          entries.push({
            ...base,
            action: `${field}_changed` as repo.NewHistoryEntry['action'],
            fromValue: isLong ? null : (before as string | null),
            toValue: isLong ? null : (after as string | null),
            details: field === 'labels' ? { from: before, to: after } : {},
          });
        }
        if (patch.teamId !== undefined && patch.teamId !== row.teamId) {
          assertCanOnIssue(actor, 'changeTeam', facts);
          const from = row.teamId ? await repo.teamExists(tx, row.teamId) : undefined;
          const to = patch.teamId ? await requireTeam(tx, patch.teamId, 'teamId') : undefined;
          values.teamId = patch.teamId;
          entries.push({
            ...base,
            action: 'team_changed',
            fromValue: from?.name ?? null,
            toValue: to?.name ?? null,
            details: { fromTeamId: row.teamId, toTeamId: patch.teamId },
          });
        }
        if (patch.status !== undefined && patch.status !== row.status) {
          assertCanOnIssue(actor, 'changeStatus', facts);
          const next = applyTransition(row, { to: patch.status, at }, facts.key);
          Object.assign(values, next);
          entries.push({
            ...base,
            action: patch.status === 'open' ? 'reopened' : 'status_changed',
            fromValue: row.status,
            toValue: next.status,
          });
        }
        if (Object.keys(values).length > 0) await repo.updateIssueRow(tx, row.id, values);
        // A team change on an issue nobody holds hands it to the new team's least busy member.
        if (values.teamId && assigneeIds.length === 0)
          entries.push(...(await autoAssign(tx, row.id, values.teamId, at, actor)));
        return entries;
      });
    },

    /** Resolves with the answer to "How was this fixed?". */
    async resolveIssue(actor: Actor, reference: string, reason: string) {
      return transition(actor, reference, 'resolved', 'resolve', reason);
    },

    /** Closes with the answer to "Why are you closing this?". */
    async closeIssue(actor: Actor, reference: string, reason: string) {
      return transition(actor, reference, 'closed', 'close', reason);
    },

    /** Reopens a resolved or closed issue. */
    async reopenIssue(actor: Actor, reference: string, reason?: string) {
      return transition(actor, reference, 'open', 'changeStatus', reason);
    },

    /** Adds and removes assignees (any active people, across teams) in one recorded change. */
    async setAssignees(actor: Actor, reference: string, change: { add: string[]; remove: string[] }) {
      return changeIssue(reference, async (tx, row, assigneeIds, at) => {
        assertCanOnIssue(actor, 'reassign', { key: keyOf(row.number), teamId: row.teamId, assigneeIds });
        const toAdd = [...new Set(change.add)].filter((userId) => !assigneeIds.includes(userId));
        const toRemove = [...new Set(change.remove)].filter(
          (userId) => assigneeIds.includes(userId) && !change.add.includes(userId),
        );
        const people = await validateAssignees(tx, toAdd);
        const removed = await repo.findPeopleNames(tx, toRemove);
        await repo.insertAssignees(tx, row.id, toAdd, actorUserId(actor), at);
        await repo.deleteAssignees(tx, row.id, toRemove);
        if (row.teamId) for (const userId of toAdd) await repo.markAssigned(tx, row.teamId, userId, at);
        const base = { issueId: row.id, actorId: actorUserId(actor), actorName: actor.name, at };
        return [
          ...toAdd.map((userId) => ({
            ...base,
            action: 'assigned' as const,
            toValue: people.get(userId)?.name ?? userId,
            details: { userId },
          })),
          ...toRemove.map((userId) => ({
            ...base,
            action: 'unassigned' as const,
            fromValue: removed.get(userId) ?? userId,
            details: { userId },
          })),
        ];
      });
    },

    async listHistory(reference: string): Promise<HistoryRecord[]> {
      // Look the issue up first: an unknown id is a 404, not an empty list.
      return repo.listHistory(db, (await getIssue(reference)).id);
    },

    async listComments(reference: string): Promise<CommentRecord[]> {
      // Look the issue up first: an unknown id is a 404, not an empty list.
      return repo.listComments(db, (await getIssue(reference)).id);
    },

    /** Adds a comment; it joins the issue's search text and its history. */
    async addComment(actor: Actor, reference: string, body: string): Promise<CommentRecord> {
      if (!can.comment(actor)) throw new ForbiddenError('You cannot comment: viewers can only look.');
      let comment: CommentRecord | undefined;
      await changeIssue(reference, async (tx, row, _assignees, at) => {
        comment = await repo.insertComment(tx, {
          issueId: row.id,
          authorId: actorUserId(actor),
          authorName: actor.name,
          body,
          createdAt: at,
        });
        return [
          {
            issueId: row.id,
            actorId: actorUserId(actor),
            actorName: actor.name,
            action: 'commented',
            details: { commentId: comment.id, excerpt: body.length > 200 ? `${body.slice(0, 199)}…` : body },
            at,
          },
        ];
      });
      if (!comment) throw new Error('comment was not written');
      return comment;
    },

    /**
     * Gives every open, unassigned issue of a team (or of all teams) to the least busy member. Idempotent: an
     * issue that got an assignee meanwhile is skipped. Returns how many issues were assigned.
     */
    async assignUnassignedIssues(actor: Actor, teamId?: string, limit = 500): Promise<number> {
      const ids = await repo.listUnassignedActiveIssueIds(db, teamId, limit);
      let assigned = 0;
      for (const id of ids) {
        await changeIssue(id, async (tx, row, assigneeIds, at) => {
          if (assigneeIds.length > 0 || !row.teamId) return [];
          const entries = await autoAssign(tx, row.id, row.teamId, at, actor);
          assigned += entries.length;
          return entries;
        });
      }
      return assigned;
    },
  };

  async function transition(
    actor: Actor,
    reference: string,
    to: IssueStatus,
    action: 'resolve' | 'close' | 'changeStatus',
    reason?: string,
  ) {
    return changeIssue(reference, async (tx, row, assigneeIds, at) => {
      const key = keyOf(row.number);
      assertCanOnIssue(actor, action, { key, teamId: row.teamId, assigneeIds });
      const next = applyTransition(row, { to, reason, at }, key);
      await repo.updateIssueRow(tx, row.id, next);
      const historyAction = to === 'resolved' ? 'resolved' : to === 'closed' ? 'closed' : 'reopened';
      return [
        {
          issueId: row.id,
          actorId: actorUserId(actor),
          actorName: actor.name,
          action: historyAction,
          fromValue: row.status,
          toValue: to,
          details: reason?.trim() ? { reason: reason.trim() } : {},
          at,
        },
      ];
    });
  }
}
