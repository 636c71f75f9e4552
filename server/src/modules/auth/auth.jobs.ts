import type { JobDefinition } from '../../jobs/job-queue.js';
import type { AuthService } from './auth.service.js';

/** Daily at 04:00 UTC: drop expired sessions so the table stays small. Idempotent. */
export function authJobs(deps: { auth: Pick<AuthService, 'purgeExpiredSessions'> }): JobDefinition[] {
  return [
    {
      name: 'auth.purge-sessions',
      cron: '0 4 * * *',
      handle: async () => void (await deps.auth.purgeExpiredSessions()),
    },
  ];
}
