import type { UserResponse } from '@argus/contracts';
import { Link } from 'react-router';
import { useUpdateUser } from '../../api/users';
import { RelativeTime } from '../RelativeTime';

/** Accounts with their teams; per row: make or remove admin, deactivate or reactivate. */
export function UsersTable({ users, myId }: { users: UserResponse[]; myId: string }) {
  const updateUser = useUpdateUser();
  const busyId = updateUser.isPending ? updateUser.variables?.user.id : undefined;

  return (
    <table className="table">
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col" className="hide-small">
            E-mail
          </th>
          <th scope="col">Admin</th>
          <th scope="col">Active</th>
          <th scope="col" className="hide-small">
            Teams
          </th>
          <th scope="col" className="hide-small">
            Last sign-in
          </th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {users.map((user) => {
          const isBusy = busyId === user.id;
          return (
            <tr key={user.id} className={user.isActive ? undefined : 'inactive-row'}>
              <td>
                {user.name}
                {user.id === myId && <span className="muted"> (you)</span>}
                {!user.hasPassword && <div className="hint">Signs in with SSO</div>}
              </td>
              <td className="hide-small">{user.email}</td>
              <td>{user.isAdmin ? 'Admin' : <span className="muted">No</span>}</td>
              <td>{user.isActive ? 'Active' : <span className="muted">Deactivated</span>}</td>
              <td className="hide-small">
                {user.memberships.length === 0 ? (
                  <span className="muted">No team</span>
                ) : (
                  <ul className="inline-list">
                    {user.memberships.map((membership) => (
                      <li key={membership.teamId}>
                        <Link to={`/teams/${membership.teamId}`}>{membership.teamName}</Link>{' '}
                        <span className="muted">({membership.role === 'manager' ? 'manager' : 'agent'})</span>
                      </li>
                    ))}
                  </ul>
                )}
              </td>
              <td className="hide-small">
                {user.lastLoginAt ? (
                  <RelativeTime at={user.lastLoginAt} />
                ) : (
                  <span className="muted">Never</span>
                )}
              </td>
              <td className="cell-actions">
                <div className="row">
                  <button
                    type="button"
                    className="button small"
                    disabled={isBusy}
                    onClick={() => updateUser.mutate({ user, isAdmin: !user.isAdmin })}
                  >
                    {user.isAdmin ? 'Remove admin' : 'Make admin'}
                  </button>
                  <button
                    type="button"
                    className={`button small${user.isActive ? ' danger' : ''}`}
                    disabled={isBusy}
                    onClick={() => updateUser.mutate({ user, isActive: !user.isActive })}
                  >
                    {user.isActive ? 'Deactivate' : 'Reactivate'}
                  </button>
                </div>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
