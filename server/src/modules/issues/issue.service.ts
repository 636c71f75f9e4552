import type {
  CreateIssueRequest,
  IssuePriority,
  IssueStatus,
  ListIssuesQuery,
  TriageResult,
  UpdateIssueRequest,
} from '@argus/contracts';
import type { Db } from '../../db/client.js';
import type { EventBus } from '../../events/event-bus.js';
import type { JobQueue } from '../../jobs/job-queue.js';
import type { Clock } from '../../lib/clock.js';
import { ForbiddenError, NotFoundError, RuleViolationError } from '../../lib/errors.js';
import { type Actor, actorUserId, assertCanOnIssue, can, systemActor } from '../access/index.js';
import { toHistoryResponse } from './issue.mapper.js';
import * as repo from './issue.repository.js';
import type { CommentRecord, HistoryRecord, IssueOrigin, IssueRecord } from './issue.types.js';
import { formatIssueKey, parseIssueReference } from './issue-key.js';
import {
  applyTransition,
  isActiveStatus,
  secondsToAcknowledge,
  secondsToResolve,
} from './issue-lifecycle.js';
import { pickAssignee } from './pick-assignee.js';

/** Observers of response times, e.g. the Prometheus histograms; called after the change commits. */
export interface IssueTimingObserver {
  acknowledged(seconds: number, priority: string): void;
  resolved(seconds: number, priority: string): void;
}

/**
 * Work other modules attach to issue changes, run inside the change's transaction so it commits with it
 * (e.g. enqueue triage, request root-cause analysis), plus a nudge after commit so it starts at once.
 */
export interface IssueFollowUps {
  issueCreated(tx: Db, issue: { id: string; priority: IssuePriority }): Promise<void>;
  /** The issue became high or critical and was never analysed. */
  analysisWanted(tx: Db, issueId: string): Promise<void>;
  /** Every committed change with the history it wrote (e.g. Slack thread notes, status emoji, assignment DMs). */
  changed?(tx: Db, issue: ChangedIssue, history: readonly HistoryRecord[]): Promise<void>;
  /** Triage was applied (e.g. an issue reported in Slack now has what its thread card shows). */
  triaged?(
    tx: Db,
    issue: { id: string; slackChannelId: string | null; slackThreadTs: string | null },
  ): Promise<void>;
  committed(): void;
}

/** What follow-ups of a change know about the issue. */
export interface ChangedIssue {
  id: string;
  number: number;
  slackChannelId: string | null;
  slackThreadTs: string | null;
}

export interface IssueServiceDeps {
  db: Db;
  clock: Clock;
  events: Pick<EventBus, 'publish'>;
  jobs: Pick<JobQueue, 'enqueue'>;
  issueKeyPrefix: string;
  timings?: IssueTimingObserver;
  followUps?: IssueFollowUps;
}

/** What triage suggests for an issue; the service applies only what the creator left open. */
export type TriageSuggestion = Omit<TriageResult, 'applied' | 'at' | 'team'> & { teamId: string | null };

/** Priorities that start a root-cause analysis on their own. */
const URGENT_PRIORITIES: readonly IssuePriority[] = ['critical', 'high'];

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
      await deps.followUps?.changed?.(tx, row, history);
      return { id, history };
    });
    if (history.length > 0) deps.followUps?.committed();
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
        const explicitFields = [
          ...(input.priority ? ['priority'] : []),
          ...(input.teamId ? ['team'] : []),
          ...(input.category ? ['category'] : []),
        ];
        const row = await repo.insertIssue(tx, {
          title: input.title,
          description: input.description,
          priority: input.priority ?? 'medium',
          explicitFields,
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
            details: {
              priority: row.priority,
              source: row.source,
              teamId: row.teamId,
              ...(input.priority ? {} : { priorityLeftToTriage: true }),
            },
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
        await deps.followUps?.changed?.(tx, row, history);
        await deps.followUps?.issueCreated(tx, { id: row.id, priority: row.priority });
        if (input.priority && URGENT_PRIORITIES.includes(input.priority))
          await deps.followUps?.analysisWanted(tx, row.id);
        return row.id;
      });
      deps.followUps?.committed();
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
        // What a person set by hand is theirs: a later (re-)triage leaves it alone.
        const touched = [
          ...(values.priority !== undefined ? ['priority'] : []),
          ...(values.teamId !== undefined ? ['team'] : []),
          ...(values.category !== undefined ? ['category'] : []),
        ].filter((field) => !row.explicitFields.includes(field));
        if (touched.length > 0) values.explicitFields = [...row.explicitFields, ...touched];
        if (Object.keys(values).length > 0) await repo.updateIssueRow(tx, row.id, values);
        // A team change on an issue nobody holds hands it to the new team's least busy member.
        if (values.teamId && assigneeIds.length === 0)
          entries.push(...(await autoAssign(tx, row.id, values.teamId, at, actor)));
        return entries;
      });
    },

    /** Resolves with the answer to "How was this fixed?"; `automatic` marks Argus's own resolutions. */
    async resolveIssue(
      actor: Actor,
      reference: string,
      reason: string,
      options: { automatic?: boolean } = {},
    ) {
      return transition(
        actor,
        reference,
        'resolved',
        'resolve',
        reason,
        options.automatic ? { automatic: true } : {},
      );
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

    /**
     * Applies a triage: priority, team and category only where the creator (or a person since) left them open,
     * records the result and a history line as Argus, auto-assigns once the team is known, and asks for a
     * root-cause analysis when the issue turns out high or critical.
     */
    async applyTriage(issueId: string, suggestion: TriageSuggestion): Promise<IssueRecord> {
      const record = await changeIssue(issueId, async (tx, row, assigneeIds, at) => {
        const explicit = row.explicitFields;
        const team = suggestion.teamId ? await repo.teamExists(tx, suggestion.teamId) : undefined;
        const applied = {
          priority: !explicit.includes('priority'),
          team: team !== undefined && !explicit.includes('team'),
          category: !explicit.includes('category'),
        };
        const triage: TriageResult = {
          source: suggestion.source,
          priority: suggestion.priority,
          category: suggestion.category,
          team: team ?? null,
          confidence: suggestion.confidence,
          rationale: suggestion.rationale,
          applied,
          fallbackReason: suggestion.fallbackReason,
          model: suggestion.model,
          at: at.toISOString(),
        };
        const values: Partial<repo.NewIssueRow> = { triage, triagedAt: at };
        if (applied.priority) values.priority = suggestion.priority;
        if (applied.team && team) values.teamId = team.id;
        if (applied.category) values.category = suggestion.category;
        await repo.updateIssueRow(tx, row.id, values);
        const entries: repo.NewHistoryEntry[] = [
          {
            issueId: row.id,
            actorId: null,
            actorName: systemActor.name,
            action: 'triaged',
            fromValue: row.priority,
            toValue: suggestion.priority,
            details: {
              source: triage.source,
              confidence: triage.confidence,
              priority: triage.priority,
              category: triage.category,
              team: triage.team,
              rationale: triage.rationale,
              applied,
              ...(triage.fallbackReason ? { fallbackReason: triage.fallbackReason } : {}),
            },
            at,
          },
        ];
        if (values.teamId && assigneeIds.length === 0 && isActiveStatus(row.status))
          entries.push(...(await autoAssign(tx, row.id, values.teamId, at, systemActor)));
        const priority = values.priority ?? row.priority;
        if (URGENT_PRIORITIES.includes(priority) && row.rca === null && isActiveStatus(row.status)) {
          await deps.followUps?.analysisWanted(tx, row.id);
        }
        await deps.followUps?.triaged?.(tx, row);
        return entries;
      });
      deps.followUps?.committed();
      return record;
    },

    /** Stores a root-cause analysis state on the issue (live event always; a history line when it finished). */
    async recordAnalysis(
      issueId: string,
      rca: NonNullable<IssueRecord['rca']>,
      outcome?: { action: 'rca_completed' | 'rca_failed'; details: Record<string, unknown> },
    ): Promise<IssueRecord> {
      const at = clock.now();
      await db.transaction(async (tx) => {
        const row = await repo.lockIssue(tx, { id: issueId });
        if (!row) throw new NotFoundError(`Issue "${issueId}" does not exist.`, 'ISSUE_NOT_FOUND');
        await repo.updateIssueRow(tx, row.id, { rca, rcaAt: at, ...(outcome ? { updatedAt: at } : {}) });
        const history = outcome
          ? await repo.insertHistory(tx, [
              {
                issueId: row.id,
                actorId: null,
                actorName: systemActor.name,
                action: outcome.action,
                toValue: rca.investigator,
                details: outcome.details,
                at,
              },
            ])
          : [];
        await publish(tx, 'issue.updated', row.id, row.number, history, at);
      });
      return getIssue(issueId);
    },

    /** Closes an issue as a duplicate of another ("Duplicate of ARG-n") and links both in their histories. */
    async markDuplicate(
      actor: Actor,
      reference: string,
      originalReference: string,
      note?: string,
    ): Promise<IssueRecord> {
      const original = await repo.findIssueRecord(db, parseReference(originalReference));
      if (!original)
        throw new RuleViolationError(`Issue "${originalReference}" does not exist.`, 'UNKNOWN_ISSUE', {
          field: 'duplicateOf',
        });
      const originalKey = keyOf(original.number);
      return changeIssue(reference, async (tx, row, assigneeIds, at) => {
        const key = keyOf(row.number);
        assertCanOnIssue(actor, 'close', { key, teamId: row.teamId, assigneeIds });
        if (row.id === original.id)
          throw new RuleViolationError(`${key} cannot be a duplicate of itself.`, 'SELF_DUPLICATE', {
            field: 'duplicateOf',
          });
        if (!isActiveStatus(row.status))
          throw new RuleViolationError(
            `${key} is already ${row.status}; reopen it first to mark it a duplicate.`,
            'ISSUE_NOT_ACTIVE',
          );
        const reason = note?.trim()
          ? `Duplicate of ${originalKey}: ${note.trim()}`
          : `Duplicate of ${originalKey}`;
        const next = applyTransition(row, { to: 'closed', reason, at }, key);
        await repo.updateIssueRow(tx, row.id, { ...next, duplicateOfId: original.id });
        const by = { actorId: actorUserId(actor), actorName: actor.name, at };
        const [linked] = await repo.insertHistory(tx, [
          {
            ...by,
            issueId: original.id,
            action: 'duplicate_linked',
            toValue: key,
            details: { duplicateId: row.id },
          },
        ]);
        await repo.updateIssueRow(tx, original.id, { updatedAt: at });
        if (linked) await publish(tx, 'issue.updated', original.id, original.number, [linked], at);
        return [
          {
            ...by,
            issueId: row.id,
            action: 'closed',
            fromValue: row.status,
            toValue: 'closed',
            details: { reason },
          },
          {
            ...by,
            issueId: row.id,
            action: 'marked_duplicate',
            toValue: originalKey,
            details: { duplicateOfId: original.id },
          },
        ];
      });
    },

    /** The issue a Slack thread belongs to (the thread of the message that reported it), if any. */
    async findIssueBySlackThread(channelId: string, threadTs: string): Promise<IssueRecord | undefined> {
      const id = await repo.findIssueIdBySlackThread(db, channelId, threadTs);
      return id ? repo.findIssueRecord(db, { id }) : undefined;
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
    details: Record<string, unknown> = {},
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
          details: { ...(reason?.trim() ? { reason: reason.trim() } : {}), ...details },
          at,
        },
      ];
    });
  }
}
