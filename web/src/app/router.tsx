import { lazy, Suspense } from 'react';
import { createBrowserRouter, Navigate, Outlet, useLocation } from 'react-router';
import { Skeleton } from '../components/States';
import { SignInPage } from '../pages/SignInPage';
import { useAuth } from './auth';
import { Layout } from './Layout';

// Each page is its own chunk: the first load carries the shell and the page being opened, not the whole app.
const DashboardPage = lazy(() =>
  import('../pages/DashboardPage').then((m) => ({ default: m.DashboardPage })),
);
const IssuesPage = lazy(() => import('../pages/IssuesPage').then((m) => ({ default: m.IssuesPage })));
const NewIssuePage = lazy(() => import('../pages/NewIssuePage').then((m) => ({ default: m.NewIssuePage })));
const IssueDetailPage = lazy(() =>
  import('../pages/IssueDetailPage').then((m) => ({ default: m.IssueDetailPage })),
);
const TeamsPage = lazy(() => import('../pages/TeamsPage').then((m) => ({ default: m.TeamsPage })));
const TeamDetailPage = lazy(() =>
  import('../pages/TeamDetailPage').then((m) => ({ default: m.TeamDetailPage })),
);
const UsersPage = lazy(() => import('../pages/UsersPage').then((m) => ({ default: m.UsersPage })));
const SettingsPage = lazy(() => import('../pages/SettingsPage').then((m) => ({ default: m.SettingsPage })));
const TokensPage = lazy(() => import('../pages/TokensPage').then((m) => ({ default: m.TokensPage })));
const NotFoundPage = lazy(() => import('../pages/NotFoundPage').then((m) => ({ default: m.NotFoundPage })));

/** Pages behind sign-in: people who are not signed in go to /signin and come back afterwards. */
function RequireSignIn() {
  const { me, isLoading } = useAuth();
  const location = useLocation();
  if (isLoading) return <Skeleton rows={3} label="Checking your sign-in" />;
  if (!me)
    return (
      <Navigate to={`/signin?next=${encodeURIComponent(location.pathname + location.search)}`} replace />
    );
  return (
    <Layout>
      <Suspense fallback={<Skeleton rows={6} />}>
        <Outlet />
      </Suspense>
    </Layout>
  );
}

export const router = createBrowserRouter([
  { path: '/signin', element: <SignInPage /> },
  {
    element: <RequireSignIn />,
    children: [
      { path: '/', element: <DashboardPage /> },
      { path: '/issues', element: <IssuesPage /> },
      { path: '/issues/new', element: <NewIssuePage /> },
      { path: '/issues/:key', element: <IssueDetailPage /> },
      { path: '/teams', element: <TeamsPage /> },
      { path: '/teams/:id', element: <TeamDetailPage /> },
      { path: '/users', element: <UsersPage /> },
      { path: '/settings', element: <SettingsPage /> },
      { path: '/settings/tokens', element: <TokensPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
