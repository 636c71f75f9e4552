import {
  addMemberRequest,
  assignableQuery,
  assignableResponse,
  clientErrorResponses,
  createTeamRequest,
  idParam,
  memberListResponse,
  memberResponse,
  teamListResponse,
  teamResponse,
  updateMemberRequest,
  updateTeamRequest,
} from '@argus/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../http/authenticate.js';
import type { TeamService } from './team.service.js';

const errors = clientErrorResponses;
const tags = ['teams'];

type TeamView = Awaited<ReturnType<TeamService['getTeam']>>;
type MemberView = Awaited<ReturnType<TeamService['getMemberView']>>;

function toTeamResponse({ team, memberCount, openIssueCount }: TeamView) {
  return {
    id: team.id,
    name: team.name,
    description: team.description,
    slackChannel: team.slackChannel,
    remindersEnabled: team.remindersEnabled,
    reminderIntervalMinutes: team.reminderIntervalMinutes,
    reminderStaleMinutes: team.reminderStaleMinutes,
    slackThreadSync: team.slackThreadSync,
    routingKeywords: team.routingKeywords,
    autoResolveEnabled: team.autoResolveEnabled,
    autoResolveMinConfidence: team.autoResolveMinConfidence,
    memberCount,
    openIssueCount,
    createdAt: team.createdAt.toISOString(),
  };
}

function toMemberResponse(member: MemberView) {
  return {
    id: member.id,
    teamId: member.teamId,
    teamName: member.teamName,
    user: { id: member.userId, name: member.userName, email: member.userEmail },
    role: member.role,
    isActive: member.isActive,
    openIssueCount: member.openIssueCount,
    lastAssignedAt: member.lastAssignedAt?.toISOString() ?? null,
  };
}

/** HTTP edge of teams and memberships. */
export function registerTeamRoutes(app: FastifyInstance, deps: { teams: TeamService }): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { teams } = deps;

  api.get(
    '/api/teams',
    { schema: { tags, summary: 'List teams', response: { 200: teamListResponse, ...errors } } },
    async () => ({
      items: (await teams.listTeams()).map(toTeamResponse),
    }),
  );

  api.post(
    '/api/teams',
    {
      schema: {
        tags,
        summary: 'Create a team (admin)',
        body: createTeamRequest,
        response: { 201: teamResponse, ...errors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(toTeamResponse(await teams.createTeam(actorOf(request), request.body))),
  );

  api.get(
    '/api/teams/:id',
    { schema: { tags, summary: 'Get a team', params: idParam, response: { 200: teamResponse, ...errors } } },
    async (request) => toTeamResponse(await teams.getTeam(request.params.id)),
  );

  api.patch(
    '/api/teams/:id',
    {
      schema: {
        tags,
        summary: "Change a team's settings (admin, its managers)",
        params: idParam,
        body: updateTeamRequest,
        response: { 200: teamResponse, ...errors },
      },
    },
    async (request) =>
      toTeamResponse(await teams.updateTeam(actorOf(request), request.params.id, request.body)),
  );

  api.delete(
    '/api/teams/:id',
    {
      schema: {
        tags,
        summary: 'Delete a team (admin)',
        params: idParam,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await teams.deleteTeam(actorOf(request), request.params.id);
      return reply.code(204).send(null);
    },
  );

  api.get(
    '/api/teams/:id/members',
    {
      schema: {
        tags,
        summary: "A team's members",
        params: idParam,
        response: { 200: memberListResponse, ...errors },
      },
    },
    async (request) => ({
      items: (await teams.listMembers(request.params.id)).map(toMemberResponse),
    }),
  );

  api.post(
    '/api/teams/:id/members',
    {
      schema: {
        tags,
        summary: 'Add a member (admin, the team managers)',
        params: idParam,
        body: addMemberRequest,
        response: { 201: memberResponse, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(toMemberResponse(await teams.addMember(actorOf(request), request.params.id, request.body))),
  );

  api.patch(
    '/api/members/:id',
    {
      schema: {
        tags,
        summary: "Change a member's role or activity",
        params: idParam,
        body: updateMemberRequest,
        response: { 200: memberResponse, ...errors },
      },
    },
    async (request) =>
      toMemberResponse(await teams.updateMember(actorOf(request), request.params.id, request.body)),
  );

  api.delete(
    '/api/members/:id',
    { schema: { tags, summary: 'Remove a member', params: idParam, response: { 204: z.null(), ...errors } } },
    async (request, reply) => {
      await teams.removeMember(actorOf(request), request.params.id);
      return reply.code(204).send(null);
    },
  );

  api.get(
    '/api/members/assignable',
    {
      schema: {
        tags,
        summary: 'People who can be assigned, across all teams',
        querystring: assignableQuery,
        response: { 200: assignableResponse, ...errors },
      },
    },
    async (request) => ({ items: await teams.listAssignable(request.query) }),
  );
}
