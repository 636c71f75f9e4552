import { describe, expect, it } from 'vitest';
import type { UserActor } from './actor.js';
import { roleOf, systemActor } from './actor.js';
import { assertCanOnIssue, can } from './permissions.js';

const person = (overrides: Partial<UserActor> = {}): UserActor => ({
  kind: 'user',
  userId: 'u-1',
  name: 'Priya',
  email: 'priya@example.com',
  isAdmin: false,
  managerTeamIds: [],
  agentTeamIds: [],
  ...overrides,
});

const admin = person({ isAdmin: true });
const manager = person({ managerTeamIds: ['team-a'] });
const agent = person({ agentTeamIds: ['team-a'] });
const viewer = person();
const teamAIssue = { key: 'ARG-1', teamId: 'team-a', assigneeIds: ['someone-else'] };
const teamBIssue = { key: 'ARG-2', teamId: 'team-b', assigneeIds: [] };
const agentsIssue = { key: 'ARG-3', teamId: 'team-a', assigneeIds: ['u-1'] };

describe('roleOf', () => {
  it.each([
    [admin, 'admin'],
    [manager, 'manager'],
    [agent, 'agent'],
    [viewer, 'viewer'],
    [person({ managerTeamIds: ['x'], agentTeamIds: ['y'] }), 'manager'],
  ] as const)('%#: %s', (actor, role) => expect(roleOf(actor)).toBe(role));
  it('treats Argus itself as an admin', () => expect(roleOf(systemActor)).toBe('admin'));
});

describe('the permission table', () => {
  const rows = [
    // action, issue, admin, manager, agent, viewer
    ['changeStatus', teamAIssue, true, true, false, false],
    ['changeStatus', agentsIssue, true, true, true, false],
    ['changeStatus', teamBIssue, true, false, false, false],
    ['resolve', agentsIssue, true, true, true, false],
    ['resolve', teamAIssue, true, true, false, false],
    ['close', agentsIssue, true, true, false, false],
    ['close', teamBIssue, true, false, false, false],
    ['reassign', agentsIssue, true, true, false, false],
    ['changeTeam', teamAIssue, true, true, false, false],
    ['changeTeam', teamBIssue, true, false, false, false],
  ] as const;
  it.each(rows)('%s on %o: admin %s, manager %s, agent %s, viewer %s', (action, issue, a, m, g, v) => {
    expect([admin, manager, agent, viewer].map((actor) => can[action](actor, issue))).toEqual([a, m, g, v]);
  });

  it.each([
    ['createIssue', true, true, true, false],
    ['createTeam', true, false, false, false],
    ['deleteTeam', true, false, false, false],
    ['manageUsers', true, false, false, false],
  ] as const)('%s: admin %s, manager %s, agent %s, viewer %s', (action, a, m, g, v) => {
    expect([admin, manager, agent, viewer].map((actor) => can[action](actor))).toEqual([a, m, g, v]);
  });

  it('lets managers manage only their own team members', () => {
    expect(can.manageMembers(manager, 'team-a')).toBe(true);
    expect(can.manageMembers(manager, 'team-b')).toBe(false);
    expect(can.manageMembers(agent, 'team-a')).toBe(false);
  });

  it('explains a refusal with the issue key and who may act', () => {
    expect(() => assertCanOnIssue(agent, 'close', agentsIssue)).toThrow(
      "You cannot close ARG-3: only admins and the team's managers can.",
    );
    expect(() => assertCanOnIssue(viewer, 'resolve', teamAIssue)).toThrow(
      'You cannot resolve ARG-1: viewers can only look.',
    );
  });
});
