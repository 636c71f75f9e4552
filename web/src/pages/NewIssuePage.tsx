import type { IssuePriority } from '@argus/contracts';
import { type FormEvent, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { PRIORITIES, priorityLabel } from '../api/domain';
import { useCreateIssue, useTeamOptions } from '../api/issues';
import { usePermissions } from '../app/auth';
import { SelectField } from '../components/SelectField';
import { EmptyState } from '../components/States';

/**
 * Raise an issue by hand. Priority and team may be left to triage, which fills them within seconds; with a team the
 * issue goes to the member with the lowest workload.
 */
export function NewIssuePage() {
  const permissions = usePermissions();
  const navigate = useNavigate();
  const teams = useTeamOptions();
  const create = useCreateIssue();
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [priority, setPriority] = useState<IssuePriority | ''>('');
  const [teamId, setTeamId] = useState('');
  const [service, setService] = useState('');
  if (!permissions.canCreateIssues) {
    return (
      <div>
        <h1>New issue</h1>
        <EmptyState title="Viewers cannot create issues">
          <Link to="/issues">Back to issues</Link>
        </EmptyState>
      </div>
    );
  }
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!title.trim()) return;
    create.mutate(
      {
        title: title.trim(),
        description: description.trim(),
        ...(priority ? { priority } : {}),
        ...(teamId ? { teamId } : {}),
        ...(service.trim() ? { service: service.trim() } : {}),
      },
      { onSuccess: (issue) => navigate(`/issues/${issue.key}`) },
    );
  };
  return (
    <div className="new-issue">
      <div className="page-header">
        <h1>New issue</h1>
        <Link to="/issues">Back to issues</Link>
      </div>
      <form className="card stack new-issue-form" onSubmit={onSubmit}>
        <label>
          Title
          <input value={title} onChange={(event) => setTitle(event.target.value)} required maxLength={200} />
        </label>
        <label>
          Description
          <textarea
            value={description}
            onChange={(event) => setDescription(event.target.value)}
            placeholder="What is happening, since when, who is affected?"
          />
        </label>
        <div className="grid grid-2">
          <SelectField label="Priority">
            <select
              value={priority}
              onChange={(event) => setPriority(event.target.value as IssuePriority | '')}
            >
              <option value="">Let Argus decide</option>
              {PRIORITIES.map((value) => (
                <option key={value} value={value}>
                  {priorityLabel[value]}
                </option>
              ))}
            </select>
          </SelectField>
          <SelectField label="Team">
            <select
              value={teamId}
              onChange={(event) => setTeamId(event.target.value)}
              disabled={teams.isPending}
            >
              <option value="">Let Argus decide</option>
              {(teams.data ?? []).map((team) => (
                <option key={team.id} value={team.id}>
                  {team.name}
                </option>
              ))}
            </select>
            {teams.isError && (
              <span className="form-error">Teams could not be loaded: {teams.error.message}</span>
            )}
          </SelectField>
          <label>
            Service (optional)
            <input value={service} onChange={(event) => setService(event.target.value)} maxLength={120} />
          </label>
        </div>
        <p className="hint">
          Left to Argus, priority and team come from triage within seconds (from each team's routing keywords
          and past issues). Either way the team member with the lowest workload is assigned.
        </p>
        {create.isError && (
          <p className="form-error" role="alert">
            {create.error.message}
          </p>
        )}
        <div className="row">
          <button type="submit" className="button primary" disabled={!title.trim() || create.isPending}>
            {create.isPending ? 'Creating…' : 'Create issue'}
          </button>
        </div>
      </form>
    </div>
  );
}
