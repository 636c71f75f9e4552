import { describe, expect, it } from 'vitest';
import {
  describeChangeForThread,
  describeQuietTime,
  reminderSlot,
  statusReactions,
} from './slack-messages.js';

const change = (action: string, extra: Partial<Parameters<typeof describeChangeForThread>[0]> = {}) => ({
  action,
  actorName: 'Priya',
  fromValue: null,
  toValue: null,
  details: {},
  ...extra,
});

describe('describeChangeForThread', () => {
  it.each([
    [
      change('status_changed', { fromValue: 'open', toValue: 'in_progress' }),
      'Priya marked it *in progress*.',
    ],
    [
      change('resolved', { details: { reason: 'Rolled back <v2.3>' } }),
      ':white_check_mark: Priya resolved it: Rolled back &lt;v2.3&gt;',
    ],
    [
      change('resolved', { actorName: 'Argus', details: { reason: 'A blip.', automatic: true } }),
      ':white_check_mark: Argus resolved it on its own: A blip.',
    ],
    [change('closed', { details: { reason: 'Duplicate' } }), ':no_entry_sign: Priya closed it: Duplicate'],
    [change('reopened'), ':arrows_counterclockwise: Priya reopened it.'],
    [
      change('priority_changed', { fromValue: 'medium', toValue: 'critical' }),
      'Priya changed the priority from medium to *critical*.',
    ],
    [change('team_changed', { toValue: 'Payments' }), 'Priya moved it to *Payments*.'],
    [
      change('assigned', { toValue: 'Sam', details: { automatic: true } }),
      'Assigned to *Sam* (least busy on the team).',
    ],
    [change('unassigned', { fromValue: 'Sam' }), 'Priya took *Sam* off it.'],
  ])('%# says what changed in one line', (input, expected) => {
    expect(describeChangeForThread(input)).toBe(expected);
  });

  it.each(['commented', 'description_changed', 'triaged', 'rca_completed', 'created'])(
    'stays quiet about %s',
    (action) => {
      expect(describeChangeForThread(change(action))).toBeNull();
    },
  );
});

describe('statusReactions', () => {
  it('gives every status its own reaction, a ticket while open', () => {
    expect(statusReactions.open).toBe('ticket');
    expect(new Set(Object.values(statusReactions)).size).toBe(5);
  });
});

describe('reminders', () => {
  it('puts every moment of one interval in the same slot and the next interval in the next', () => {
    const start = new Date('2026-11-23T12:00:00Z');
    const slot = reminderSlot(start, 240);
    expect(reminderSlot(new Date('2026-11-23T15:59:59Z'), 240)).toBe(slot);
    expect(reminderSlot(new Date('2026-11-23T16:00:00Z'), 240)).toBe(slot + 1);
  });

  it.each([
    ['2026-11-23T11:15:00Z', '45 min'],
    ['2026-11-23T09:00:00Z', '3 h'],
    ['2026-11-23T08:40:00Z', '3 h 20 min'],
    ['2026-11-20T12:00:00Z', '3 days'],
  ])('says how long an issue sat since %s', (since, expected) => {
    expect(describeQuietTime(new Date(since), new Date('2026-11-23T12:00:00Z'))).toBe(expected);
  });
});
