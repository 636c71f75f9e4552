import { ForbiddenError } from '../../lib/errors.js';
import { type Actor, roleOf } from './actor.js';

/** What the permission rules need to know about an issue. */
export interface IssueAccessFacts {
  key: string;
  teamId: string | null;
  assigneeIds: readonly string[];
}

/**
 * The permission table of Argus, as pure predicates:
 *
 * | action                  | admin | manager  | agent      | viewer |
 * |-------------------------|-------|----------|------------|--------|
 * | view dashboard & issues | yes   | yes      | yes        | yes    |
 * | create issues, comment  | yes   | yes      | yes        | no     |
 * | change status / resolve | yes   | own team | own issues | no     |
 * | close                   | yes   | own team | no         | no     |
 * | reassign / change team  | yes   | own team | no         | no     |
 * | manage team members     | yes   | own team | no         | no     |
 * | create / delete teams   | yes   | no       | no         | no     |
 * | re-triage, re-run RCA   | yes   | yes      | yes        | no     |
 * | retrain the triage model| yes   | no       | no         | no     |
 *
 * A manager's own team is one they manage; an agent's own issues are those assigned to them.
 */
export const can = {
  createIssue: (actor: Actor) => roleOf(actor) !== 'viewer',
  comment: (actor: Actor) => roleOf(actor) !== 'viewer',
  changeStatus: (actor: Actor, issue: IssueAccessFacts) =>
    isAdminLike(actor) || managesIssueTeam(actor, issue) || isMemberAssignee(actor, issue),
  resolve: (actor: Actor, issue: IssueAccessFacts) => can.changeStatus(actor, issue),
  editDetails: (actor: Actor, issue: IssueAccessFacts) => can.changeStatus(actor, issue),
  close: (actor: Actor, issue: IssueAccessFacts) => isAdminLike(actor) || managesIssueTeam(actor, issue),
  reassign: (actor: Actor, issue: IssueAccessFacts) => isAdminLike(actor) || managesIssueTeam(actor, issue),
  changeTeam: (actor: Actor, issue: IssueAccessFacts) => isAdminLike(actor) || managesIssueTeam(actor, issue),
  manageMembers: (actor: Actor, teamId: string) => isAdminLike(actor) || managesTeam(actor, teamId),
  updateTeamSettings: (actor: Actor, teamId: string) => isAdminLike(actor) || managesTeam(actor, teamId),
  createTeam: (actor: Actor) => isAdminLike(actor),
  deleteTeam: (actor: Actor) => isAdminLike(actor),
  manageUsers: (actor: Actor) => isAdminLike(actor),
  rerunAnalysis: (actor: Actor) => roleOf(actor) !== 'viewer',
  retrainTriageModel: (actor: Actor) => isAdminLike(actor),
};

export type IssueAction = 'changeStatus' | 'resolve' | 'editDetails' | 'close' | 'reassign' | 'changeTeam';

const issueActionWords: Record<IssueAction, string> = {
  changeStatus: 'change the status of',
  resolve: 'resolve',
  editDetails: 'edit',
  close: 'close',
  reassign: 'reassign',
  changeTeam: 'move to another team',
};

/** Throws ForbiddenError naming the action and the issue unless the actor may do it. */
export function assertCanOnIssue(actor: Actor, action: IssueAction, issue: IssueAccessFacts): void {
  if (can[action](actor, issue)) return;
  const role = roleOf(actor);
  const why =
    role === 'viewer'
      ? 'viewers can only look'
      : action === 'close' || action === 'reassign' || action === 'changeTeam'
        ? "only admins and the team's managers can"
        : "only admins, the team's managers and the issue's assignees can";
  throw new ForbiddenError(`You cannot ${issueActionWords[action]} ${issue.key}: ${why}.`);
}

function isAdminLike(actor: Actor): boolean {
  return actor.kind === 'system' || actor.isAdmin;
}

function managesTeam(actor: Actor, teamId: string): boolean {
  return actor.kind === 'user' && actor.managerTeamIds.includes(teamId);
}

function managesIssueTeam(actor: Actor, issue: IssueAccessFacts): boolean {
  return issue.teamId !== null && managesTeam(actor, issue.teamId);
}

function isMemberAssignee(actor: Actor, issue: IssueAccessFacts): boolean {
  return actor.kind === 'user' && roleOf(actor) !== 'viewer' && issue.assigneeIds.includes(actor.userId);
}
