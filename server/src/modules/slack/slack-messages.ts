import type { IssueStatus } from '@argus/contracts';
import { STATUS_WORDS } from '../issues/index.js';
import { escapeSlackText } from './slack-card.js';

/** The reaction on the reporting message that follows the issue's status (Slack emoji names). */
export const statusReactions: Record<IssueStatus, string> = {
  open: 'ticket',
  acknowledged: 'eyes',
  in_progress: 'hammer_and_wrench',
  resolved: 'white_check_mark',
  closed: 'no_entry_sign',
};

/** One history line as the thread notifications read it. */
export interface ThreadChange {
  action: string;
  actorName: string;
  fromValue: string | null;
  toValue: string | null;
  details: Record<string, unknown>;
}

/**
 * One short line for the issue's Slack thread about a change, or null for changes the thread does not need
 * (comments, edits of the description, Argus's own triage and analysis lines). Written to read well on a phone.
 */
export function describeChangeForThread(change: ThreadChange): string | null {
  const who = escapeSlackText(change.actorName);
  const reason = typeof change.details.reason === 'string' ? escapeSlackText(change.details.reason) : null;
  switch (change.action) {
    case 'status_changed':
      return `${who} marked it *${(STATUS_WORDS as Record<string, string>)[change.toValue ?? ''] ?? change.toValue}*.`;
    case 'resolved':
      return change.details.automatic === true
        ? `:white_check_mark: Argus resolved it on its own: ${reason ?? 'nothing to act on.'}`
        : `:white_check_mark: ${who} resolved it: ${reason ?? ''}`.trim();
    case 'closed':
      return `:no_entry_sign: ${who} closed it: ${reason ?? ''}`.trim();
    case 'reopened':
      return `:arrows_counterclockwise: ${who} reopened it${reason ? `: ${reason}` : '.'}`;
    case 'priority_changed':
      return `${who} changed the priority from ${change.fromValue} to *${change.toValue}*.`;
    case 'team_changed':
      return `${who} moved it to *${escapeSlackText(change.toValue ?? 'no team')}*.`;
    case 'assigned':
      return change.details.automatic === true
        ? `Assigned to *${escapeSlackText(change.toValue ?? '')}* (least busy on the team).`
        : `${who} assigned *${escapeSlackText(change.toValue ?? '')}*.`;
    case 'unassigned':
      return `${who} took *${escapeSlackText(change.fromValue ?? '')}* off it.`;
    case 'marked_duplicate':
      return `${who} closed it as a duplicate of ${escapeSlackText(change.toValue ?? '')}.`;
    default:
      return null;
  }
}

/** Which reminder window `now` falls in for a team's interval: one reminder per issue per window. */
export function reminderSlot(now: Date, intervalMinutes: number): number {
  return Math.floor(now.getTime() / 60_000 / Math.max(1, intervalMinutes));
}

/** "no update for 3 h 20 min", from the last change to now. */
export function describeQuietTime(since: Date, now: Date): string {
  const minutes = Math.max(0, Math.round((now.getTime() - since.getTime()) / 60_000));
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return minutes % 60 ? `${hours} h ${minutes % 60} min` : `${hours} h`;
  return `${Math.floor(hours / 24)} days`;
}
