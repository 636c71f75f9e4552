import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError } from '../api/client';
import { useAddComment, useComments, useHistory, useIssue } from '../api/issues';
import { usePermissions } from '../app/auth';
import { AutoResolvedNotice } from '../components/issues/AutoResolvedNotice';
import { CommentForm, CommentList } from '../components/issues/CommentList';
import { IssueFacts } from '../components/issues/IssueFacts';
import { IssueTimeline } from '../components/issues/IssueTimeline';
import { IssueTitle } from '../components/issues/IssueTitle';
import { IssueToolbar } from '../components/issues/IssueToolbar';
import { RootCausePanel } from '../components/issues/RootCausePanel';
import { SimilarIssuesCard } from '../components/issues/SimilarIssuesCard';
import { SlackPanel } from '../components/issues/SlackPanel';
import { TriagePanel } from '../components/issues/TriagePanel';
import { EmptyState, ErrorState, Skeleton } from '../components/States';

/**
 * One issue: its state, the actions the signed-in person may take, assignees, comments, history, Argus's
 * triage and root-cause analysis, similar past issues, and its messages to Slack.
 */
export function IssueDetailPage() {
  const { key = '' } = useParams();
  const issue = useIssue(key);
  if (issue.isPending) return <Skeleton rows={8} label="Loading issue" />;
  if (issue.isError) {
    if (issue.error instanceof ApiError && issue.error.status === 404) {
      return (
        <EmptyState title={`Issue ${key} was not found`}>
          <Link to="/issues">Back to issues</Link>
        </EmptyState>
      );
    }
    return <ErrorState error={issue.error} onRetry={() => void issue.refetch()} />;
  }
  return <IssueView issueKey={key} issue={issue.data} />;
}

function IssueView({
  issueKey,
  issue,
}: {
  issueKey: string;
  issue: NonNullable<ReturnType<typeof useIssue>['data']>;
}) {
  const permissions = usePermissions();
  const queryClient = useQueryClient();
  const history = useHistory(issueKey);
  const comments = useComments(issueKey);
  const addComment = useAddComment(issueKey);
  const canWorkOn = permissions.canWorkOn(issue);
  const canManage = permissions.canManage(issue);
  // Live updates refresh the issue; when it changed, its history, comments and Slack messages changed too.
  useEffect(() => {
    void queryClient.invalidateQueries({ queryKey: ['history', issueKey] });
    void queryClient.invalidateQueries({ queryKey: ['comments', issueKey] });
    void queryClient.invalidateQueries({ queryKey: ['slack-deliveries', issueKey] });
  }, [issue.updatedAt, issueKey, queryClient]);
  return (
    <article className="issue-detail">
      <p className="issue-crumbs">
        <Link to="/issues">Issues</Link> / <span className="issue-key">{issue.key}</span>
      </p>
      <IssueTitle issueKey={issueKey} title={issue.title} canEdit={canWorkOn} />
      <AutoResolvedNotice issue={issue} canReopen={canWorkOn} />
      <IssueToolbar issue={issue} canWorkOn={canWorkOn} canManage={canManage} />
      <div className="issue-columns">
        <div className="stack issue-main">
          <IssueFacts issue={issue} />
          <RootCausePanel issue={issue} canRerun={permissions.canRequestAnalysis} />
          <section className="card" aria-labelledby="comments-heading">
            <h2 id="comments-heading">Comments</h2>
            {comments.isPending ? (
              <Skeleton rows={2} label="Loading comments" />
            ) : comments.isError ? (
              <ErrorState error={comments.error} onRetry={() => void comments.refetch()} />
            ) : (
              <CommentList comments={comments.data} />
            )}
            {permissions.canComment && (
              <CommentForm
                isPending={addComment.isPending}
                onSubmit={(body, options) => addComment.mutate(body, options)}
              />
            )}
          </section>
          <section className="card" aria-labelledby="history-heading">
            <h2 id="history-heading">History</h2>
            {history.isPending ? (
              <Skeleton rows={3} label="Loading history" />
            ) : history.isError ? (
              <ErrorState error={history.error} onRetry={() => void history.refetch()} />
            ) : (
              <IssueTimeline entries={history.data} />
            )}
          </section>
        </div>
        <aside className="stack issue-side">
          <section className="card" aria-labelledby="assignees-heading">
            <h2 id="assignees-heading">Assignees</h2>
            {issue.assignees.length > 0 ? (
              <ul className="assignee-list">
                {issue.assignees.map((person) => (
                  <li key={person.id}>
                    {person.name} <span className="hint">{person.email}</span>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="muted">Nobody is assigned.</p>
            )}
          </section>
          <TriagePanel issue={issue} canRetriage={permissions.canRequestAnalysis} />
          <SimilarIssuesCard issue={issue} canMarkDuplicate={permissions.canMarkDuplicate} />
          <SlackPanel issue={issue} />
        </aside>
      </div>
    </article>
  );
}
