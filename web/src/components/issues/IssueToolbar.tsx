import type { IssuePriority, IssueResponse, UpdateIssueRequest } from '@argus/contracts';
import { useState } from 'react';
import { ACTIVE_STATUSES, PRIORITIES, priorityLabel, statusLabel } from '../../api/domain';
import {
  useCloseIssue,
  useReopenIssue,
  useResolveIssue,
  useTeamOptions,
  useUpdateIssue,
} from '../../api/issues';
import { PriorityBadge, StatusBadge } from '../Badges';
import { SelectField } from '../SelectField';
import { CloseDialog } from './CloseDialog';
import { ReassignDialog } from './ReassignDialog';
import { ResolveDialog } from './ResolveDialog';

type ActiveStatus = NonNullable<UpdateIssueRequest['status']>;

/** The issue's state at a glance and the changes the signed-in person may make. */
export function IssueToolbar({
  issue,
  canWorkOn,
  canManage,
}: {
  issue: IssueResponse;
  canWorkOn: boolean;
  canManage: boolean;
}) {
  const [openDialog, setOpenDialog] = useState<'resolve' | 'close' | 'reassign' | null>(null);
  const update = useUpdateIssue(issue.key);
  const resolve = useResolveIssue(issue.key);
  const close = useCloseIssue(issue.key);
  const reopen = useReopenIssue(issue.key);
  const teams = useTeamOptions();
  const isActive = ACTIVE_STATUSES.includes(issue.status);
  const closeDialog = () => setOpenDialog(null);
  return (
    <div className="issue-toolbar card">
      <div className="row issue-summary">
        <StatusBadge status={issue.status} />
        <PriorityBadge priority={issue.priority} />
        <span>
          <span className="muted">Team </span>
          {issue.team?.name ?? 'No team'}
        </span>
        <span>
          <span className="muted">Assignees </span>
          {issue.assignees.length > 0
            ? issue.assignees.map((person) => person.name).join(', ')
            : 'Unassigned'}
        </span>
      </div>
      <div className="row issue-controls">
        {canWorkOn && isActive && (
          <SelectField label="Status" className="inline-field">
            <select
              value={issue.status}
              onChange={(event) => update.mutate({ status: event.target.value as ActiveStatus })}
            >
              {ACTIVE_STATUSES.map((status) => (
                <option key={status} value={status}>
                  {statusLabel[status]}
                </option>
              ))}
            </select>
          </SelectField>
        )}
        {canWorkOn && (
          <SelectField label="Priority" className="inline-field">
            <select
              value={issue.priority}
              onChange={(event) => update.mutate({ priority: event.target.value as IssuePriority })}
            >
              {PRIORITIES.map((priority) => (
                <option key={priority} value={priority}>
                  {priorityLabel[priority]}
                </option>
              ))}
            </select>
          </SelectField>
        )}
        {canManage && (
          <SelectField label="Team" className="inline-field">
            <select
              value={issue.team?.id ?? ''}
              disabled={update.isPending}
              onChange={(event) => update.mutate({ teamId: event.target.value || null })}
            >
              <option value="">No team</option>
              {issue.team && !(teams.data ?? []).some((team) => team.id === issue.team?.id) && (
                <option value={issue.team.id}>{issue.team.name}</option>
              )}
              {(teams.data ?? []).map((team) => (
                <option key={team.id} value={team.id}>
                  {team.name}
                </option>
              ))}
            </select>
          </SelectField>
        )}
        <div className="row issue-actions">
          {canWorkOn && isActive && (
            <button type="button" className="button primary" onClick={() => setOpenDialog('resolve')}>
              Resolve
            </button>
          )}
          {canManage && issue.status !== 'closed' && (
            <button type="button" className="button" onClick={() => setOpenDialog('close')}>
              Close
            </button>
          )}
          {canWorkOn && !isActive && (
            <button
              type="button"
              className="button"
              disabled={reopen.isPending}
              onClick={() => reopen.mutate()}
            >
              Reopen
            </button>
          )}
          {canManage && (
            <button type="button" className="button" onClick={() => setOpenDialog('reassign')}>
              Reassign
            </button>
          )}
        </div>
      </div>
      <ResolveDialog
        open={openDialog === 'resolve'}
        onClose={closeDialog}
        isPending={resolve.isPending}
        onSubmit={(reason) => resolve.mutate(reason, { onSuccess: closeDialog })}
      />
      <CloseDialog
        open={openDialog === 'close'}
        onClose={closeDialog}
        isPending={close.isPending}
        onSubmit={(reason) => close.mutate(reason, { onSuccess: closeDialog })}
      />
      {canManage && <ReassignDialog issue={issue} open={openDialog === 'reassign'} onClose={closeDialog} />}
    </div>
  );
}
