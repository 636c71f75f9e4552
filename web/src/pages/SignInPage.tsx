import type { AuthConfigResponse, LoginResponse } from '@argus/contracts';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { ApiError, api, setCsrfToken } from '../api/client';
import { useAuth } from '../app/auth';
import { ErrorState, Skeleton } from '../components/States';

/** Sign in with e-mail and password or SSO; on an empty installation, create the first admin instead. */
export function SignInPage() {
  const { me, refresh } = useAuth();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const next = safeNext(params.get('next'));
  const config = useQuery({
    queryKey: ['auth-config'],
    queryFn: () => api<AuthConfigResponse>('GET', '/api/auth/config'),
  });
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);

  if (me) return <Navigate to={next} replace />;
  if (config.isLoading) return <Skeleton rows={3} label="Loading sign-in" />;
  if (config.error) return <ErrorState error={config.error} onRetry={() => config.refetch()} />;
  const needsSetup = config.data?.needsSetup ?? false;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    try {
      const body = needsSetup
        ? { email: form.get('email'), name: form.get('name'), password: form.get('password') }
        : { email: form.get('email'), password: form.get('password') };
      const session = await api<LoginResponse>(
        'POST',
        needsSetup ? '/api/auth/setup' : '/api/auth/login',
        body,
      );
      setCsrfToken(session.csrfToken);
      await refresh();
      navigate(next, { replace: true });
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : 'Sign-in failed; try again.');
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="signin" id="main">
      <div className="signin-card">
        <h1>
          <span className="brand-mark" aria-hidden="true" /> Argus
        </h1>
        <p className="muted">
          {needsSetup
            ? 'Welcome! Create the first admin account to start.'
            : 'Sign in to see and act on your issues.'}
        </p>
        {config.data?.oidc.enabled && !needsSetup && (
          <>
            <a className="button primary wide" href="/api/auth/oidc/start">
              Sign in with {config.data.oidc.displayName}
            </a>
            <p className="divider">
              <span>or</span>
            </p>
          </>
        )}
        <form onSubmit={submit} className="stack">
          {needsSetup && (
            <label>
              Your name
              <input name="name" required maxLength={120} autoComplete="name" />
            </label>
          )}
          <label>
            E-mail
            <input name="email" type="email" required maxLength={320} autoComplete="username" />
          </label>
          <label>
            Password
            <input
              name="password"
              type="password"
              required
              minLength={needsSetup ? 12 : 1}
              maxLength={1024}
              autoComplete={needsSetup ? 'new-password' : 'current-password'}
            />
            {needsSetup && <span className="hint">At least 12 characters.</span>}
          </label>
          {error && (
            <p className="form-error" role="alert">
              {error}
            </p>
          )}
          <button type="submit" className="button primary wide" disabled={isBusy}>
            {isBusy ? 'Please wait…' : needsSetup ? 'Create admin and sign in' : 'Sign in'}
          </button>
        </form>
      </div>
    </main>
  );
}

/** Only same-site paths are followed after sign-in. */
function safeNext(next: string | null): string {
  return next?.startsWith('/') && !next.startsWith('//') ? next : '/';
}
