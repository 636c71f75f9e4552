import type { ReactNode } from 'react';
import { NavLink, useNavigate } from 'react-router';
import { useToast } from '../components/Toasts';
import { useLiveEvents } from '../hooks/useLiveEvents';
import { useTheme } from '../hooks/useTheme';
import { useAuth, useMe } from './auth';

const roleLabel = { admin: 'Admin', manager: 'Manager', agent: 'Agent', viewer: 'Viewer' } as const;

/** The shell of every signed-in page: navigation, who is signed in, theme, live status. */
export function Layout({ children }: { children: ReactNode }) {
  const me = useMe();
  const { signOut } = useAuth();
  const toast = useToast();
  const navigate = useNavigate();
  const live = useLiveEvents(true);
  const { theme, toggleTheme } = useTheme();
  const links = [
    { to: '/', label: 'Dashboard', end: true },
    { to: '/issues', label: 'Issues' },
    { to: '/teams', label: 'Teams' },
    ...(me.role === 'admin' ? [{ to: '/users', label: 'Users' }] : []),
    { to: '/settings', label: 'Settings' },
  ];
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <NavLink to="/" className="brand" aria-label="Argus home">
          <span className="brand-mark" aria-hidden="true" />
          Argus
        </NavLink>
        <nav aria-label="Main" className="nav">
          {links.map((link) => (
            <NavLink key={link.to} to={link.to} end={link.end}>
              {link.label}
            </NavLink>
          ))}
        </nav>
        <div className="topbar-end">
          <span
            className={`live live-${live}`}
            title={live === 'live' ? 'Changes appear as they happen' : 'Reconnecting to live updates'}
          >
            {live === 'live' ? 'Live' : live === 'connecting' ? 'Connecting…' : 'Offline'}
          </span>
          <button
            type="button"
            className="button ghost"
            onClick={toggleTheme}
            aria-label={`Switch to ${theme === 'dark' ? 'light' : 'dark'} theme`}
          >
            {theme === 'dark' ? '☀' : '☾'}
          </button>
          <span className="who">
            {me.name} <span className="muted">· {roleLabel[me.role]}</span>
          </span>
          <button
            type="button"
            className="button ghost"
            onClick={async () => {
              try {
                await signOut();
                navigate('/signin');
              } catch (error) {
                toast.error(error);
              }
            }}
          >
            Sign out
          </button>
        </div>
      </header>
      <main id="main" className="content" tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}
