import type { RunningArgus } from './server';

export const PASSWORD = 'person-password-123';

export interface SeedPerson {
  id: string;
  email: string;
  name: string;
}

export interface SeedIssue {
  id: string;
  key: string;
  title: string;
  priority: string;
  status: string;
}

export interface Seed {
  teams: { payments: { id: string; name: string }; platform: { id: string; name: string } };
  /** Manager of Payments. */
  manager: SeedPerson;
  /** Agent of Payments. */
  agent: SeedPerson;
  /** The only member (agent) of Platform, so auto-assignment there is predictable. */
  platformAgent: SeedPerson;
  /** No team membership: the viewer role. */
  viewer: SeedPerson;
  issues: SeedIssue[];
}

interface IssueBody {
  title: string;
  priority: 'critical' | 'high' | 'medium' | 'low';
  team: 'payments' | 'platform';
  description?: string;
  service?: string;
}

const ISSUES: IssueBody[] = [
  {
    title: 'Checkout returns 502 for card payments',
    priority: 'critical',
    team: 'payments',
    service: 'checkout',
  },
  {
    title: 'Database failover alarm on primary',
    priority: 'critical',
    team: 'platform',
    service: 'postgres',
  },
  { title: 'Refund e-mails are delayed', priority: 'high', team: 'payments', service: 'mailer' },
  { title: 'Slow search on the admin console', priority: 'medium', team: 'platform', service: 'search' },
  { title: 'Typo on the invoice footer', priority: 'low', team: 'payments', service: 'invoices' },
  { title: 'Disk usage warning on build agents', priority: 'medium', team: 'platform', service: 'ci' },
];

/** Fills a fresh Argus through its HTTP API, as the admin. */
export async function seed(argus: RunningArgus): Promise<Seed> {
  const team = (name: string, routingKeywords: string[]) =>
    argus.api<{ id: string; name: string }>('POST', '/api/teams', { name, routingKeywords });
  const payments = await team('Payments', ['checkout', 'refund']);
  const platform = await team('Platform', ['database', 'disk']);

  const person = async (name: string, email: string): Promise<SeedPerson> => {
    const user = await argus.api<{ id: string }>('POST', '/api/users', {
      email,
      name,
      password: PASSWORD,
      isAdmin: false,
    });
    return { id: user.id, email, name };
  };
  const manager = await person('Maria Manager', 'maria@argus.test');
  const agent = await person('Alex Agent', 'alex@argus.test');
  const platformAgent = await person('Priya Platform', 'priya@argus.test');
  const viewer = await person('Victor Viewer', 'victor@argus.test');
  await argus.api('POST', `/api/teams/${payments.id}/members`, { userId: manager.id, role: 'manager' });
  await argus.api('POST', `/api/teams/${payments.id}/members`, { userId: agent.id, role: 'agent' });
  await argus.api('POST', `/api/teams/${platform.id}/members`, { userId: platformAgent.id, role: 'agent' });

  const teams = { payments, platform };
  const issues: SeedIssue[] = [];
  for (const body of ISSUES) {
    issues.push(await createIssue(argus, { ...body, teamId: teams[body.team].id }));
  }
  // One critical issue that is already resolved: the "Critical" card must not list it.
  const fixed = await createIssue(argus, {
    title: 'Old payment outage, already fixed',
    priority: 'critical',
    teamId: payments.id,
  });
  await argus.api('POST', `/api/issues/${fixed.id}/resolve`, { reason: 'Rolled back the release' });
  issues.push({ ...fixed, status: 'resolved' });
  return { teams, manager, agent, platformAgent, viewer, issues };
}

/** Creates an issue through the API as the admin (auto-assigned within its team). */
export async function createIssue(
  argus: RunningArgus,
  body: { title: string; priority: string; teamId?: string | null; description?: string; service?: string },
): Promise<SeedIssue> {
  const { team: _unused, ...rest } = body as typeof body & { team?: string };
  const issue = await argus.api<SeedIssue>('POST', '/api/issues', rest);
  return { id: issue.id, key: issue.key, title: issue.title, priority: issue.priority, status: issue.status };
}
