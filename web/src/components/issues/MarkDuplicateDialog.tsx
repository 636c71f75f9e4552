import type { SimilarIssue } from '@argus/contracts';
import { type FormEvent, useEffect, useId, useState } from 'react';
import { useMarkDuplicate } from '../../api/intelligence';
import { Dialog } from '../Dialog';

/** The same rule as the API's: an issue key such as ARG-12. */
const ISSUE_KEY = /^[A-Za-z][A-Za-z0-9]{0,9}-\d{1,12}$/;

/** Why the typed key cannot be sent yet, or null when it can. */
function validateDuplicateKey(typed: string, ownKey: string): string | null {
  const key = typed.trim();
  if (!key) return 'Pick an issue above or type its key.';
  if (!ISSUE_KEY.test(key)) return 'Type an issue key like ARG-12.';
  if (key.toUpperCase() === ownKey.toUpperCase()) return 'An issue cannot be a duplicate of itself.';
  return null;
}

/**
 * "Mark as duplicate": pick one of the open look-alikes or type any issue's key, add an optional note.
 * The server closes this issue with "Duplicate of …" and links both.
 */
export function MarkDuplicateDialog({
  issueKey,
  candidates,
  open,
  onClose,
}: {
  issueKey: string;
  /** Open similar issues, most similar first. */
  candidates: SimilarIssue[];
  open: boolean;
  onClose: () => void;
}) {
  const markDuplicate = useMarkDuplicate(issueKey);
  const [target, setTarget] = useState('');
  const [note, setNote] = useState('');
  const [isTouched, setIsTouched] = useState(false);
  const keyFieldId = useId();
  const problemId = useId();
  const { reset } = markDuplicate;
  useEffect(() => {
    if (open) return;
    setTarget('');
    setNote('');
    setIsTouched(false);
    reset();
  }, [open, reset]);
  const problem = validateDuplicateKey(target, issueKey);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setIsTouched(true);
    if (problem) return;
    markDuplicate.mutate(
      { duplicateOf: target.trim().toUpperCase(), ...(note.trim() ? { note: note.trim() } : {}) },
      { onSuccess: onClose },
    );
  };
  return (
    <Dialog open={open} title="Mark as duplicate" onClose={onClose}>
      <form className="stack" onSubmit={submit}>
        <p className="hint">
          This issue is closed as a duplicate and linked to the original; the work goes on there.
        </p>
        {candidates.length > 0 && (
          <fieldset className="plain-fieldset stack">
            <legend>Open look-alikes</legend>
            {candidates.map((candidate) => (
              <label key={candidate.id} className="checkbox">
                <input
                  type="radio"
                  name="duplicate-of"
                  value={candidate.key}
                  checked={target.trim().toUpperCase() === candidate.key.toUpperCase()}
                  onChange={() => setTarget(candidate.key)}
                />
                <span>
                  <span className="issue-key">{candidate.key}</span> {candidate.title}
                </span>
              </label>
            ))}
          </fieldset>
        )}
        <label htmlFor={keyFieldId}>Duplicate of (issue key)</label>
        <input
          id={keyFieldId}
          value={target}
          onChange={(event) => setTarget(event.target.value)}
          onBlur={() => setIsTouched(true)}
          placeholder="ARG-12"
          maxLength={64}
          autoComplete="off"
          aria-invalid={isTouched && problem !== null}
          aria-describedby={problemId}
        />
        <p id={problemId} className={isTouched && problem ? 'form-error' : 'hint'}>
          {isTouched && problem ? problem : 'The original issue, e.g. ARG-12.'}
        </p>
        <label>
          Note (optional)
          <textarea value={note} onChange={(event) => setNote(event.target.value)} maxLength={500} rows={3} />
        </label>
        {markDuplicate.isError && (
          <p className="form-error" role="alert">
            {markDuplicate.error.message}
          </p>
        )}
        <div className="row dialog-actions">
          <button type="button" className="button ghost" onClick={onClose}>
            Cancel
          </button>
          <button
            type="submit"
            className="button primary"
            disabled={problem !== null || markDuplicate.isPending}
          >
            {markDuplicate.isPending ? 'Marking…' : 'Mark as duplicate'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
