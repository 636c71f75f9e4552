import { describe, expect, it } from 'vitest';
import { parseArgusCommand } from './slack-commands.js';

describe('parseArgusCommand', () => {
  it.each([
    ['', { kind: 'help' }],
    ['help', { kind: 'help' }],
    ['LIST', { kind: 'list' }],
    ['status arg-42', { kind: 'status', reference: 'ARG-42' }],
    [
      'resolve ARG-7 Rolled back   the deploy',
      { kind: 'resolve', reference: 'ARG-7', reason: 'Rolled back the deploy' },
    ],
  ])('reads %j', (text, expected) => {
    expect(parseArgusCommand(text)).toEqual(expected);
  });

  it.each([
    ['status', /Say which issue/],
    ['status banana', /Say which issue/],
    ['resolve ARG-7', /How was ARG-7 fixed/],
    ['deploy prod', /I don't know "deploy"/],
  ])('explains what is wrong with %j', (text, message) => {
    const command = parseArgusCommand(text);
    expect(command.kind).toBe('invalid');
    expect(command.kind === 'invalid' && command.message).toMatch(message);
  });
});
