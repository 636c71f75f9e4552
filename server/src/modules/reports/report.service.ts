import type { Db } from '../../db/client.js';
import type { Clock } from '../../lib/clock.js';
import { formatIssueKey, toHistoryResponse } from '../issues/index.js';
import { summarizeActivity } from './activity-summary.js';
import * as repo from './report.repository.js';

const WINDOW_DAYS = 30;

export type ReportService = ReturnType<typeof createReportService>;

/** Dashboard figures: headline counts, per-team progress and the activity feed. */
export function createReportService(deps: { db: Db; clock: Clock; issueKeyPrefix: string }) {
  const { db, clock } = deps;
  const windowStart = () => new Date(clock.now().getTime() - WINDOW_DAYS * 86_400_000);

  return {
    async dashboardStats() {
      const now = clock.now();
      const startOfDay = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
      const row = await repo.readDashboardStats(db, startOfDay, windowStart());
      return {
        ...row,
        mttaSeconds: row.mttaSeconds === null ? null : Math.round(Number(row.mttaSeconds)),
        mttrSeconds: row.mttrSeconds === null ? null : Math.round(Number(row.mttrSeconds)),
      };
    },

    async teamStats() {
      return repo.readTeamStats(db, windowStart());
    },

    async recentActivity(limit: number) {
      const rows = await repo.listRecentHistory(db, limit);
      return rows.map(({ entry, number, title }) => {
        const issueKey = formatIssueKey(deps.issueKeyPrefix, number);
        return {
          ...toHistoryResponse({
            ...entry,
            action: entry.action as Parameters<typeof toHistoryResponse>[0]['action'],
          }),
          issueKey,
          issueTitle: title,
          summary: summarizeActivity({ ...entry, issueKey }),
        };
      });
    },

    countOpenIssuesByLabels: () => repo.countOpenIssuesByLabels(db),
  };
}
