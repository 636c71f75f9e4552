import type { Db } from '../../db/client.js';
import type { Clock } from '../../lib/clock.js';
import { ConflictError, ForbiddenError, NotFoundError, RuleViolationError } from '../../lib/errors.js';
import { hashPassword } from '../../lib/secrets.js';
import { type Actor, can } from '../access/index.js';
import * as repo from './user.repository.js';

export interface UserServiceDeps {
  db: Db;
  clock: Clock;
  /** Signs a person out everywhere, e.g. when deactivated. */
  revokeSessions(userId: string): Promise<void>;
  /** Called after a change to someone's rights (admin flag, activity), so cached sign-ins are re-read. */
  onAccessChanged(): void;
}

export type UserService = ReturnType<typeof createUserService>;
export type UserView = repo.UserRow & { memberships: repo.MembershipRow[] };

/** People accounts, managed by admins. */
export function createUserService(deps: UserServiceDeps) {
  const { db, clock } = deps;

  function assertAdmin(actor: Actor) {
    if (!can.manageUsers(actor)) throw new ForbiddenError('Only admins can manage user accounts.');
  }

  async function withMemberships(rows: repo.UserRow[]): Promise<UserView[]> {
    const memberships = await repo.listActiveMemberships(
      db,
      rows.map((row) => row.id),
    );
    return rows.map((row) => ({ ...row, memberships: memberships.filter((m) => m.userId === row.id) }));
  }

  async function getUser(id: string): Promise<UserView> {
    const row = await repo.findUserById(db, id);
    if (!row) throw new NotFoundError(`User "${id}" does not exist.`, 'USER_NOT_FOUND');
    const [view] = await withMemberships([row]);
    return view!;
  }

  return {
    getUser,
    findUserByEmail: (email: string) => repo.findUserByEmail(db, email),

    /**
     * The Argus person behind a Slack user: known by Slack id, else matched by e-mail (and the Slack id remembered),
     * else created without a password or team (viewer-level) so their reports carry their name. Safe under
     * concurrency: a racing creation is found on the second look.
     */
    async findOrCreateSlackPerson(person: { slackUserId: string; email: string | null; name: string }) {
      const known = await repo.findUserBySlackId(db, person.slackUserId);
      if (known) return { id: known.id, name: known.name, slackUserId: person.slackUserId };
      const email = (person.email ?? `${person.slackUserId.toLowerCase()}@slack.invalid`).toLowerCase();
      const byEmail = await repo.findUserByEmail(db, email);
      if (byEmail) {
        await repo.updateUserRow(db, byEmail.id, { slackUserId: person.slackUserId, updatedAt: clock.now() });
        return { id: byEmail.id, name: byEmail.name, slackUserId: person.slackUserId };
      }
      try {
        const row = await repo.insertUser(db, {
          email,
          name: person.name,
          passwordHash: null,
          isAdmin: false,
          slackUserId: person.slackUserId,
        });
        return { id: row.id, name: row.name, slackUserId: person.slackUserId };
      } catch (error) {
        const raced = await repo.findUserBySlackId(db, person.slackUserId);
        if (raced) return { id: raced.id, name: raced.name, slackUserId: person.slackUserId };
        throw error;
      }
    },

    /** The Argus person Slack already named with this id, if any. */
    async findPersonBySlackId(slackUserId: string) {
      const row = await repo.findUserBySlackId(db, slackUserId);
      return row ? { id: row.id, name: row.name, slackUserId } : undefined;
    },

    /** Remembers a person's Slack id once Slack named them (e.g. found by e-mail for a direct message). */
    async rememberSlackId(userId: string, slackUserId: string): Promise<void> {
      await repo.updateUserRow(db, userId, { slackUserId, updatedAt: clock.now() });
    },

    /** Slack ids of Argus people, for mentioning them in messages (only those Slack has named so far). */
    listSlackIds: (userIds: readonly string[]) => repo.listSlackIds(db, userIds),

    async listUsers(
      actor: Actor,
      query: { q?: string | undefined; active?: boolean | undefined; page: number; pageSize: number },
    ) {
      assertAdmin(actor);
      const { rows, total } = await repo.listUserRows(db, {
        q: query.q,
        active: query.active,
        limit: query.pageSize,
        offset: (query.page - 1) * query.pageSize,
      });
      return { items: await withMemberships(rows), total };
    },

    async createUser(
      actor: Actor,
      input: { email: string; name: string; password?: string | undefined; isAdmin: boolean },
    ) {
      assertAdmin(actor);
      if (await repo.findUserByEmail(db, input.email)) {
        throw new ConflictError(
          `A user with e-mail ${input.email.toLowerCase()} already exists.`,
          'EMAIL_TAKEN',
        );
      }
      const row = await repo.insertUser(db, {
        email: input.email.toLowerCase(),
        name: input.name,
        passwordHash: input.password ? await hashPassword(input.password) : null,
        isAdmin: input.isAdmin,
      });
      return getUser(row.id);
    },

    /** Renames, (de)activates, grants or removes admin, or sets a password; never removes the last active admin. */
    async updateUser(
      actor: Actor,
      id: string,
      patch: {
        name?: string | undefined;
        isAdmin?: boolean | undefined;
        isActive?: boolean | undefined;
        password?: string | undefined;
      },
    ) {
      assertAdmin(actor);
      const current = await getUser(id);
      const losesAdmin =
        current.isAdmin && current.isActive && (patch.isAdmin === false || patch.isActive === false);
      const values: Partial<repo.NewUserRow> = { updatedAt: clock.now() };
      if (patch.name !== undefined) values.name = patch.name;
      if (patch.isAdmin !== undefined) values.isAdmin = patch.isAdmin;
      if (patch.isActive !== undefined) values.isActive = patch.isActive;
      if (patch.password !== undefined) values.passwordHash = await hashPassword(patch.password);
      await db.transaction(async (tx) => {
        await repo.updateUserRow(tx, id, values);
        if (losesAdmin && (await repo.countActiveAdmins(tx)) === 0) {
          throw new RuleViolationError(
            'Argus needs at least one active admin; make someone else admin first.',
            'LAST_ADMIN',
          );
        }
      });
      if (patch.isActive === false || patch.password !== undefined) await deps.revokeSessions(id);
      deps.onAccessChanged();
      return getUser(id);
    },
  };
}
