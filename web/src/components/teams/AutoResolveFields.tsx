import { useId } from 'react';

/** The minimum confidence a team may ask for, in percent (the API takes 0.5-1). */
const MIN_PERCENT = 50;
const MAX_PERCENT = 100;

/** Why the typed minimum confidence cannot be saved, or null when it can. */
export function validateMinConfidencePercent(typed: string): string | null {
  const percent = Number(typed);
  if (typed.trim() === '' || !Number.isFinite(percent)) return 'Enter a percentage between 50 and 100.';
  if (percent < MIN_PERCENT || percent > MAX_PERCENT) return 'Enter a percentage between 50 and 100.';
  return null;
}

/**
 * Whether Argus resolves the team's issues that its root-cause analysis finds nothing to act on, and how sure
 * the analysis must be. The percentage is what people type; the API stores a share of 1.
 */
export function AutoResolveFields({
  isEnabled,
  onEnabledChange,
  minConfidencePercent,
  onMinConfidencePercentChange,
}: {
  isEnabled: boolean;
  onEnabledChange: (isEnabled: boolean) => void;
  minConfidencePercent: string;
  onMinConfidencePercentChange: (percent: string) => void;
}) {
  const problemId = useId();
  const problem = isEnabled ? validateMinConfidencePercent(minConfidencePercent) : null;
  return (
    <fieldset className="plain-fieldset stack">
      <legend className="visually-hidden">Automatic resolution</legend>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={isEnabled}
          onChange={(event) => onEnabledChange(event.target.checked)}
        />
        Resolve automatically when the analysis finds nothing to act on
      </label>
      <label className="narrow-field">
        Minimum confidence (%)
        <input
          type="number"
          inputMode="numeric"
          min={MIN_PERCENT}
          max={MAX_PERCENT}
          step={1}
          value={minConfidencePercent}
          disabled={!isEnabled}
          onChange={(event) => onMinConfidencePercentChange(event.target.value)}
          aria-invalid={problem !== null}
          aria-describedby={problemId}
        />
      </label>
      <p id={problemId} className={problem ? 'form-error' : 'hint'}>
        {problem ??
          'Only when the analysis is at least this sure that the issue is a false alarm, already fixed or a transient blip. The issue page says so and reopens in one click.'}
      </p>
    </fieldset>
  );
}
