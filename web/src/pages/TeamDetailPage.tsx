import { Link, useParams } from 'react-router';
import { ApiError } from '../api/client';
import { useMembers, useTeam } from '../api/teams';
import { usePermissions } from '../app/auth';
import { EmptyState, ErrorState, Skeleton } from '../components/States';
import { AddMemberForm } from '../components/teams/AddMemberForm';
import { MembersTable } from '../components/teams/MembersTable';
import { TeamSettingsForm } from '../components/teams/TeamSettingsForm';

/** One team: its settings and its members. */
export function TeamDetailPage() {
  const { id = '' } = useParams();
  const { isAdmin, managesTeam } = usePermissions();
  const team = useTeam(id);
  const members = useMembers(id);
  const canEdit = managesTeam(id);

  if (team.isPending) return <Skeleton rows={6} label="Loading team" />;
  if (team.isError) {
    if (team.error instanceof ApiError && team.error.status === 404) {
      return (
        <EmptyState title="This team does not exist">
          <p>
            It may have been deleted. <Link to="/teams">Back to teams</Link>
          </p>
        </EmptyState>
      );
    }
    return <ErrorState error={team.error} onRetry={() => void team.refetch()} />;
  }

  return (
    <div className="stack">
      <p className="breadcrumb">
        <Link to="/teams">
          <span aria-hidden="true">← </span>All teams
        </Link>
      </p>
      <div className="page-header">
        <h1>{team.data.name}</h1>
        <Link className="button" to={`/issues?teamId=${team.data.id}&status=open,acknowledged,in_progress`}>
          Open issues ({team.data.openIssueCount})
        </Link>
      </div>
      <TeamSettingsForm key={`${team.data.id}-${team.data.name}`} team={team.data} canEdit={canEdit} />
      <section className="stack" aria-labelledby="members-title">
        <h2 id="members-title">Members</h2>
        {members.isPending ? (
          <Skeleton rows={4} label="Loading members" />
        ) : members.isError ? (
          <ErrorState error={members.error} onRetry={() => void members.refetch()} />
        ) : members.data.items.length === 0 ? (
          <EmptyState title="No members yet">
            <p>Issues routed to this team wait unassigned until someone joins it.</p>
          </EmptyState>
        ) : (
          <MembersTable teamId={id} members={members.data.items} canEdit={canEdit} />
        )}
        {canEdit && members.data && (
          <AddMemberForm teamId={id} members={members.data.items} isAdmin={isAdmin} />
        )}
      </section>
    </div>
  );
}
