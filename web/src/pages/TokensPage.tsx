import type { CreateTokenResponse, TokenResponse } from '@argus/contracts';
import { useState } from 'react';
import { Link } from 'react-router';
import { useRevokeToken, useTokens } from '../api/tokens';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { RelativeTime } from '../components/RelativeTime';
import { EmptyState, ErrorState, Skeleton } from '../components/States';
import { NewTokenForm } from '../components/users/NewTokenForm';
import { TokenSecret } from '../components/users/TokenSecret';

/** Personal API tokens for scripts and integrations: create (secret shown once), see usage, revoke. */
export function TokensPage() {
  const tokens = useTokens();
  const revokeToken = useRevokeToken();
  const [created, setCreated] = useState<CreateTokenResponse | null>(null);
  const [toRevoke, setToRevoke] = useState<TokenResponse | null>(null);

  return (
    <div className="stack">
      <p className="breadcrumb">
        <Link to="/settings">
          <span aria-hidden="true">← </span>Settings
        </Link>
      </p>
      <div className="page-header">
        <h1>API tokens</h1>
      </div>
      <p className="muted">
        Scripts and integrations call the Argus API with a token:{' '}
        <code>Authorization: Bearer &lt;token&gt;</code>.
      </p>
      {created && <TokenSecret token={created} onDone={() => setCreated(null)} />}
      <NewTokenForm onCreated={setCreated} />
      <section className="stack" aria-labelledby="tokens-title">
        <h2 id="tokens-title">Your tokens</h2>
        {tokens.isPending ? (
          <Skeleton rows={3} label="Loading tokens" />
        ) : tokens.isError ? (
          <ErrorState error={tokens.error} onRetry={() => void tokens.refetch()} />
        ) : tokens.data.items.length === 0 ? (
          <EmptyState title="No tokens yet">
            <p>Create one above for a script, a CI job or an alerting tool.</p>
          </EmptyState>
        ) : (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col" className="hide-small">
                  Starts with
                </th>
                <th scope="col" className="hide-small">
                  Created
                </th>
                <th scope="col">Last used</th>
                <th scope="col">Expires</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {tokens.data.items.map((token) => (
                <tr key={token.id}>
                  <td>{token.name}</td>
                  <td className="hide-small">
                    <code>{token.prefix}…</code>
                  </td>
                  <td className="hide-small">
                    <RelativeTime at={token.createdAt} />
                  </td>
                  <td>
                    {token.lastUsedAt ? (
                      <RelativeTime at={token.lastUsedAt} />
                    ) : (
                      <span className="muted">Never</span>
                    )}
                  </td>
                  <td>
                    {token.expiresAt ? (
                      <ExpiresAt at={token.expiresAt} />
                    ) : (
                      <span className="muted">Never</span>
                    )}
                  </td>
                  <td className="cell-actions">
                    <button type="button" className="button danger small" onClick={() => setToRevoke(token)}>
                      Revoke
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <ConfirmDialog
        open={toRevoke !== null}
        title={toRevoke ? `Revoke “${toRevoke.name}”?` : 'Revoke token?'}
        confirmLabel="Revoke token"
        isPending={revokeToken.isPending}
        onClose={() => setToRevoke(null)}
        onConfirm={() => {
          if (toRevoke) revokeToken.mutate(toRevoke, { onSettled: () => setToRevoke(null) });
        }}
      >
        <p>Anything still using this token stops working at once. This cannot be undone.</p>
      </ConfirmDialog>
    </div>
  );
}

function ExpiresAt({ at }: { at: string }) {
  const isExpired = new Date(at).getTime() <= Date.now();
  return (
    <span className={isExpired ? 'expired' : undefined}>
      {isExpired && 'Expired '}
      <RelativeTime at={at} />
    </span>
  );
}
