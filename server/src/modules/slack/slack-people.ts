import type { SlackServiceDeps } from './slack.types.js';

/**
 * The Argus person behind a Slack user: known by Slack id without asking Slack, otherwise read from their Slack
 * profile (users.info) and matched by e-mail or created. With `ignoreBots`, a bot's profile gives no person.
 */
type PeopleDeps = Pick<SlackServiceDeps, 'users' | 'slack'>;
type SlackPerson = { id: string; name: string; slackUserId: string };

export function personForSlackUser(deps: PeopleDeps, slackUserId: string): Promise<SlackPerson>;
export function personForSlackUser(
  deps: PeopleDeps,
  slackUserId: string,
  options: { ignoreBots: true },
): Promise<SlackPerson | undefined>;
export async function personForSlackUser(
  deps: PeopleDeps,
  slackUserId: string,
  options: { ignoreBots?: boolean } = {},
): Promise<SlackPerson | undefined> {
  const known = await deps.users.findPersonBySlackId(slackUserId);
  if (known) return known;
  const profile = await deps.slack.findUser(slackUserId);
  if (options.ignoreBots && profile.isBot) return undefined;
  return deps.users.findOrCreateSlackPerson({ slackUserId, email: profile.email, name: profile.name });
}
