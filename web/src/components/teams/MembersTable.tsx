import type { MemberResponse, MemberRole } from '@argus/contracts';
import { Link } from 'react-router';
import { useRemoveMember, useUpdateMember } from '../../api/teams';

/** A team's members: role, whether they take new work, and how much they carry now. */
export function MembersTable({
  teamId,
  members,
  canEdit,
}: {
  teamId: string;
  members: MemberResponse[];
  canEdit: boolean;
}) {
  const updateMember = useUpdateMember(teamId);
  const removeMember = useRemoveMember(teamId);
  const busyId = updateMember.isPending
    ? updateMember.variables?.member.id
    : removeMember.isPending
      ? removeMember.variables?.id
      : undefined;

  return (
    <table className="table">
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Role</th>
          <th scope="col">Active</th>
          <th scope="col">Open issues</th>
          {canEdit && (
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          )}
        </tr>
      </thead>
      <tbody>
        {members.map((member) => {
          const name = member.user.name;
          const isBusy = busyId === member.id;
          return (
            <tr key={member.id} className={member.isActive ? undefined : 'inactive-row'}>
              <td>
                {name}
                <div className="hint hide-small">{member.user.email}</div>
              </td>
              <td>
                {canEdit ? (
                  <select
                    aria-label={`Role for ${name}`}
                    value={member.role}
                    disabled={isBusy}
                    onChange={(event) =>
                      updateMember.mutate({ member, role: event.target.value as MemberRole })
                    }
                  >
                    <option value="agent">Agent</option>
                    <option value="manager">Manager</option>
                  </select>
                ) : member.role === 'manager' ? (
                  'Manager'
                ) : (
                  'Agent'
                )}
              </td>
              <td>
                {canEdit ? (
                  <label className="checkbox">
                    <input
                      type="checkbox"
                      checked={member.isActive}
                      disabled={isBusy}
                      aria-label={`Active for ${name}`}
                      onChange={(event) => updateMember.mutate({ member, isActive: event.target.checked })}
                    />
                    <span aria-hidden="true">{member.isActive ? 'Active' : 'Inactive'}</span>
                  </label>
                ) : member.isActive ? (
                  'Active'
                ) : (
                  'Inactive'
                )}
              </td>
              <td>
                {member.openIssueCount > 0 ? (
                  <Link to={`/issues?assignee=${member.user.id}&status=open,acknowledged,in_progress`}>
                    {member.openIssueCount}
                  </Link>
                ) : (
                  0
                )}
              </td>
              {canEdit && (
                <td className="cell-actions">
                  <button
                    type="button"
                    className="button danger small"
                    disabled={isBusy}
                    onClick={() => removeMember.mutate(member)}
                  >
                    Remove
                  </button>
                </td>
              )}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
