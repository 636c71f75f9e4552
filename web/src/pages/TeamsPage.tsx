import type { TeamResponse } from '@argus/contracts';
import { useState } from 'react';
import { Link } from 'react-router';
import { useDeleteTeam, useTeams } from '../api/teams';
import { usePermissions } from '../app/auth';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { EmptyState, ErrorState, Skeleton } from '../components/States';
import { NewTeamForm } from '../components/teams/NewTeamForm';

/** Every team with its size and open work; admins create and delete teams here. */
export function TeamsPage() {
  const { isAdmin } = usePermissions();
  const teams = useTeams();
  const deleteTeam = useDeleteTeam();
  const [toDelete, setToDelete] = useState<TeamResponse | null>(null);

  return (
    <div className="stack">
      <div className="page-header">
        <h1>Teams</h1>
      </div>
      {isAdmin && <NewTeamForm />}
      {teams.isPending ? (
        <Skeleton rows={4} label="Loading teams" />
      ) : teams.isError ? (
        <ErrorState error={teams.error} onRetry={() => void teams.refetch()} />
      ) : teams.data.items.length === 0 ? (
        <EmptyState title="No teams yet">
          <p>
            {isAdmin
              ? 'Create the first team above: issues are routed to teams and shared among their members.'
              : 'An admin creates teams; issues are then routed to them and shared among their members.'}
          </p>
        </EmptyState>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Team</th>
              <th scope="col">Members</th>
              <th scope="col">Open issues</th>
              <th scope="col" className="hide-small">
                Slack channel
              </th>
              {isAdmin && (
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {teams.data.items.map((team) => (
              <tr key={team.id}>
                <td>
                  <Link to={`/teams/${team.id}`}>{team.name}</Link>
                  {team.description && <div className="hint">{team.description}</div>}
                </td>
                <td>{team.memberCount}</td>
                <td>
                  {team.openIssueCount > 0 ? (
                    <Link to={`/issues?teamId=${team.id}&status=open,acknowledged,in_progress`}>
                      {team.openIssueCount}
                    </Link>
                  ) : (
                    0
                  )}
                </td>
                <td className="hide-small">{team.slackChannel ?? <span className="muted">—</span>}</td>
                {isAdmin && (
                  <td className="cell-actions">
                    <button type="button" className="button danger small" onClick={() => setToDelete(team)}>
                      Delete
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <ConfirmDialog
        open={toDelete !== null}
        title={toDelete ? `Delete ${toDelete.name}?` : 'Delete team?'}
        confirmLabel="Delete team"
        isPending={deleteTeam.isPending}
        onClose={() => setToDelete(null)}
        onConfirm={() => {
          if (toDelete) deleteTeam.mutate(toDelete, { onSettled: () => setToDelete(null) });
        }}
      >
        <p>
          The team and its memberships go away. Its issues stay, with their full history, but without a team:
          they show up under “No team” until someone moves them.
        </p>
      </ConfirmDialog>
    </div>
  );
}
