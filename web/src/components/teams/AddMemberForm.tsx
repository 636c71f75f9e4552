import type { MemberResponse, MemberRole } from '@argus/contracts';
import { type FormEvent, useMemo, useState } from 'react';
import { useAddMember, useAssignable } from '../../api/teams';
import { useUsers } from '../../api/users';
import { SelectField } from '../SelectField';

interface Candidate {
  userId: string;
  label: string;
}

/**
 * Adds someone to the team. Admins pick from every active account; managers (who cannot list accounts)
 * pick from people already in some team.
 */
export function AddMemberForm({
  teamId,
  members,
  isAdmin,
}: {
  teamId: string;
  members: MemberResponse[];
  isAdmin: boolean;
}) {
  const addMember = useAddMember(teamId);
  const users = useUsers({ active: 'true', pageSize: 200 }, isAdmin);
  const assignable = useAssignable('', !isAdmin);
  const [userId, setUserId] = useState('');
  const [role, setRole] = useState<MemberRole>('agent');

  const candidates = useMemo<Candidate[]>(() => {
    const inTeam = new Set(members.map((member) => member.user.id));
    const people: Candidate[] = isAdmin
      ? (users.data?.items ?? []).map((user) => ({ userId: user.id, label: `${user.name} (${user.email})` }))
      : (assignable.data?.items ?? []).map((person) => ({
          userId: person.userId,
          label: `${person.name} (${person.teams.map((team) => team.name).join(', ')})`,
        }));
    return people
      .filter((person) => !inTeam.has(person.userId))
      .sort((a, b) => a.label.localeCompare(b.label));
  }, [isAdmin, users.data, assignable.data, members]);

  const source = isAdmin ? users : assignable;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!userId) return;
    addMember.mutate({ userId, role }, { onSuccess: () => setUserId('') });
  };

  return (
    <form className="card stack" onSubmit={submit} aria-labelledby="add-member-title">
      <h3 id="add-member-title">Add member</h3>
      <div className="form-grid">
        <SelectField label="Person">
          <select
            value={userId}
            onChange={(event) => setUserId(event.target.value)}
            disabled={source.isPending}
            aria-describedby="add-member-hint"
          >
            <option value="">{source.isPending ? 'Loading people…' : 'Choose a person'}</option>
            {candidates.map((person) => (
              <option key={person.userId} value={person.userId}>
                {person.label}
              </option>
            ))}
          </select>
        </SelectField>
        <SelectField label="Role">
          <select value={role} onChange={(event) => setRole(event.target.value as MemberRole)}>
            <option value="agent">Agent</option>
            <option value="manager">Manager</option>
          </select>
        </SelectField>
      </div>
      <p id="add-member-hint" className="hint">
        {isAdmin
          ? 'Everyone with an active account who is not in this team yet. New accounts are created on the Users page.'
          : 'As a manager you can add people who already belong to some team. To add someone new to Argus, ask an admin.'}
      </p>
      {source.isError && <p className="form-error">Could not load people: {source.error.message}</p>}
      {!source.isPending && !source.isError && candidates.length === 0 && (
        <p className="hint">Everyone {isAdmin ? 'with an account' : 'in a team'} is already a member.</p>
      )}
      <div>
        <button type="submit" className="button primary" disabled={!userId || addMember.isPending}>
          {addMember.isPending ? 'Adding…' : 'Add member'}
        </button>
      </div>
    </form>
  );
}
