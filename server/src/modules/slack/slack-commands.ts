/** What `/argus <text>` asks for. */
export type ArgusCommand =
  | { kind: 'list' }
  | { kind: 'status'; reference: string }
  | { kind: 'resolve'; reference: string; reason: string }
  | { kind: 'help' }
  | { kind: 'invalid'; message: string };

const issueKey = /^[A-Za-z][A-Za-z0-9]{0,9}-\d{1,12}$/;

/** Reads `/argus list | status ARG-42 | resolve ARG-42 <reason> | help`; anything else says what went wrong. */
export function parseArgusCommand(text: string): ArgusCommand {
  const [verb = '', reference = '', ...rest] = text.trim().split(/\s+/);
  switch (verb.toLowerCase()) {
    case '':
    case 'help':
      return { kind: 'help' };
    case 'list':
      return { kind: 'list' };
    case 'status':
      return issueKey.test(reference)
        ? { kind: 'status', reference: reference.toUpperCase() }
        : { kind: 'invalid', message: 'Say which issue, e.g. `/argus status ARG-42`.' };
    case 'resolve': {
      if (!issueKey.test(reference))
        return {
          kind: 'invalid',
          message: 'Say which issue, e.g. `/argus resolve ARG-42 Rolled back the deploy`.',
        };
      const reason = rest.join(' ').trim();
      if (!reason)
        return {
          kind: 'invalid',
          message: `How was ${reference.toUpperCase()} fixed? e.g. \`/argus resolve ${reference.toUpperCase()} Rolled back the deploy\`.`,
        };
      return { kind: 'resolve', reference: reference.toUpperCase(), reason };
    }
    default:
      return { kind: 'invalid', message: `I don't know "${verb.slice(0, 30)}". Try \`/argus help\`.` };
  }
}

/** The answer to `/argus help`. */
export const ARGUS_HELP = [
  '*Argus in Slack*',
  '• `@Argus <what is wrong>` in a channel opens an issue and answers in the thread',
  '• `@Argus <more>` inside that thread adds a comment',
  '• `/argus list`: your open issues',
  '• `/argus status ARG-42`: where an issue stands',
  '• `/argus resolve ARG-42 <how it was fixed>`: resolve it',
].join('\n');
