import type { RcaResult } from '@argus/contracts';
import { investigatorName } from '../../api/domain';

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * The investigators tried, in order, as one line that says which path answered, e.g.
 * "Investigation service failed: timed out after 600 s → LLM failed: AI service unreachable → checklist".
 */
export function describeAttempts(attempts: RcaResult['attempts']): string {
  const parts = attempts.map(({ investigator, outcome, error }) => {
    const name = investigatorName[investigator];
    if (outcome === 'completed') return name;
    return `${name} ${outcome}${error ? `: ${error}` : ''}`;
  });
  return capitalize(parts.join(' → '));
}

/** Whether someone needs to act, in the words the panel shows; null when the analysis did not say. */
export function describeActionable(actionable: boolean | null): string | null {
  if (actionable === null) return null;
  return actionable
    ? 'Actionable: someone should act on this'
    : 'Not actionable: false alarm, already fixed or a transient blip';
}
