import { type FormEvent, useState } from 'react';
import type { IssueComment } from '../../api/issues';
import { RelativeTime } from '../RelativeTime';

export function CommentList({ comments }: { comments: IssueComment[] }) {
  if (comments.length === 0) return <p className="muted">No comments yet.</p>;
  return (
    <ul className="comments">
      {comments.map((comment) => (
        <li key={comment.id} className="comment">
          <div className="comment-meta">
            <strong>{comment.author.name}</strong>{' '}
            <span className="hint">
              <RelativeTime at={comment.createdAt} />
            </span>
          </div>
          <p className="comment-body">{comment.body}</p>
        </li>
      ))}
    </ul>
  );
}

/** "Add a comment"; the text clears once the server has it. */
export function CommentForm({
  onSubmit,
  isPending,
}: {
  onSubmit: (body: string, options: { onSuccess: () => void }) => void;
  isPending: boolean;
}) {
  const [body, setBody] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (body.trim()) onSubmit(body.trim(), { onSuccess: () => setBody('') });
  };
  return (
    <form className="stack comment-form" onSubmit={submit}>
      <label>
        Add a comment
        <textarea value={body} onChange={(event) => setBody(event.target.value)} rows={3} />
      </label>
      <div className="row">
        <button type="submit" className="button primary" disabled={!body.trim() || isPending}>
          Comment
        </button>
      </div>
    </form>
  );
}
