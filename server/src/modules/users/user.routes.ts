import {
  clientErrorResponses,
  createUserRequest,
  idParam,
  listUsersQuery,
  updateUserRequest,
  userListResponse,
  userResponse,
} from '@argus/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { actorOf } from '../../http/authenticate.js';
import type { UserService, UserView } from './user.service.js';

const errors = clientErrorResponses;
const tags = ['users'];

/** The public shape of a person account. */
export function toUserResponse(user: UserView) {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    isAdmin: user.isAdmin,
    isActive: user.isActive,
    hasPassword: user.passwordHash !== null,
    memberships: user.memberships.map(({ teamId, teamName, role }) => ({ teamId, teamName, role })),
    createdAt: user.createdAt.toISOString(),
    lastLoginAt: user.lastLoginAt?.toISOString() ?? null,
  };
}

/** HTTP edge of user accounts (admins only). */
export function registerUserRoutes(app: FastifyInstance, deps: { users: UserService }): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { users } = deps;

  api.get(
    '/api/users',
    {
      schema: {
        tags,
        summary: 'List users (admin)',
        querystring: listUsersQuery,
        response: { 200: userListResponse, ...errors },
      },
    },
    async (request) => {
      const { q, active, page, pageSize } = request.query;
      const { items, total } = await users.listUsers(actorOf(request), {
        q,
        active: active === undefined ? undefined : active === 'true',
        page,
        pageSize,
      });
      return { items: items.map(toUserResponse), page: { page, pageSize, total } };
    },
  );

  api.post(
    '/api/users',
    {
      schema: {
        tags,
        summary: 'Create a user (admin)',
        body: createUserRequest,
        response: { 201: userResponse, ...errors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(toUserResponse(await users.createUser(actorOf(request), request.body))),
  );

  api.patch(
    '/api/users/:id',
    {
      schema: {
        tags,
        summary: 'Rename, make admin, deactivate or set a password (admin)',
        params: idParam,
        body: updateUserRequest,
        response: { 200: userResponse, ...errors },
      },
    },
    async (request) =>
      toUserResponse(await users.updateUser(actorOf(request), request.params.id, request.body)),
  );
}
