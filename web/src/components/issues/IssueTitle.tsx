import { type FormEvent, useState } from 'react';
import { useUpdateIssue } from '../../api/issues';

/** The issue title as the page heading; people who work on the issue can rename it. */
export function IssueTitle({
  issueKey,
  title,
  canEdit,
}: {
  issueKey: string;
  title: string;
  canEdit: boolean;
}) {
  const [draft, setDraft] = useState<string | null>(null);
  const update = useUpdateIssue(issueKey);
  if (draft === null) {
    return (
      <div className="issue-title-row">
        <h1>{title}</h1>
        {canEdit && (
          <button type="button" className="button small ghost" onClick={() => setDraft(title)}>
            Edit title
          </button>
        )}
      </div>
    );
  }
  const save = (event: FormEvent) => {
    event.preventDefault();
    if (!draft.trim() || draft.trim() === title) return setDraft(null);
    update.mutate({ title: draft.trim() }, { onSuccess: () => setDraft(null) });
  };
  return (
    <form className="row issue-title-form" onSubmit={save}>
      <h1 className="visually-hidden">{title}</h1>
      <label className="grow">
        Title
        <input value={draft} onChange={(event) => setDraft(event.target.value)} maxLength={200} required />
      </label>
      <button type="submit" className="button primary small" disabled={!draft.trim() || update.isPending}>
        Save title
      </button>
      <button type="button" className="button small ghost" onClick={() => setDraft(null)}>
        Cancel
      </button>
    </form>
  );
}
