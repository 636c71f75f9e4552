import type { Role } from '@argus/contracts';

/** Who is acting: a signed-in person (with their memberships resolved once per request) or Argus itself. */
export type Actor = UserActor | SystemActor;

export interface UserActor {
  kind: 'user';
  userId: string;
  name: string;
  email: string;
  isAdmin: boolean;
  /** Teams where the person is an active manager. */
  managerTeamIds: readonly string[];
  /** Teams where the person is an active agent. */
  agentTeamIds: readonly string[];
}

export interface SystemActor {
  kind: 'system';
  name: string;
  /** An integration acting for a person it identified (e.g. a Slack reporter): recorded as them. */
  onBehalfOf?: { userId: string };
}

/** The actor for work Argus does on its own (jobs, seeding, ingest). */
export const systemActor: SystemActor = { kind: 'system', name: 'Argus' };

/** Highest role of a person: admin, else manager of any team, else agent of any team, else viewer. */
export function roleOf(actor: Actor): Role {
  if (actor.kind === 'system' || actor.isAdmin) return 'admin';
  if (actor.managerTeamIds.length > 0) return 'manager';
  if (actor.agentTeamIds.length > 0) return 'agent';
  return 'viewer';
}

/** The id stored as the actor of a change, or null for Argus itself. */
export function actorUserId(actor: Actor): string | null {
  return actor.kind === 'user' ? actor.userId : (actor.onBehalfOf?.userId ?? null);
}

/**
 * Argus acting for a person an integration identified (a Slack user who mentioned @Argus): it may do what the
 * integration does, and history and authorship name the person.
 */
export function actingFor(person: { id: string; name: string }): SystemActor {
  return { kind: 'system', name: person.name, onBehalfOf: { userId: person.id } };
}

/** What a request's credential resolved to: the person and how they proved it. */
export interface Authentication {
  actor: UserActor;
  via: 'session' | 'api_token';
  sessionId?: string;
  csrfToken?: string;
}
