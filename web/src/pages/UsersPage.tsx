import { useDeferredValue, useState } from 'react';
import { useUsers } from '../api/users';
import { useMe } from '../app/auth';
import { Pagination } from '../components/Pagination';
import { EmptyState, ErrorState, Skeleton } from '../components/States';
import { NewUserForm } from '../components/users/NewUserForm';
import { UsersTable } from '../components/users/UsersTable';

const PAGE_SIZE = 50;

/** Accounts (admins only): search, create, make admin, deactivate. */
export function UsersPage() {
  const me = useMe();
  const isAdmin = me.role === 'admin';
  const [search, setSearch] = useState('');
  const [page, setPage] = useState(1);
  const q = useDeferredValue(search.trim());
  const users = useUsers({ q: q || undefined, page, pageSize: PAGE_SIZE }, isAdmin);

  if (!isAdmin) {
    return (
      <div className="stack">
        <h1>Users</h1>
        <EmptyState title="Only admins manage accounts">
          <p>Ask an admin to add someone to Argus, change a role or deactivate an account.</p>
        </EmptyState>
      </div>
    );
  }

  const total = users.data?.page.total ?? 0;
  const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));

  return (
    <div className="stack">
      <div className="page-header">
        <h1>Users</h1>
        <input
          type="search"
          aria-label="Search users"
          placeholder="Search by name or e-mail"
          value={search}
          onChange={(event) => {
            setSearch(event.target.value);
            setPage(1);
          }}
        />
      </div>
      <NewUserForm />
      {users.isPending ? (
        <Skeleton rows={5} label="Loading users" />
      ) : users.isError ? (
        <ErrorState error={users.error} onRetry={() => void users.refetch()} />
      ) : users.data.items.length === 0 ? (
        <EmptyState title={q ? `Nobody matches “${q}”` : 'No users yet'} />
      ) : (
        <>
          <UsersTable users={users.data.items} myId={me.id} />
          {pageCount > 1 && <Pagination page={page} pageCount={pageCount} onPage={setPage} />}
        </>
      )}
    </div>
  );
}
