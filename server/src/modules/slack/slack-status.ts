import type { SlackDeliveryListResponse, SlackStatusResponse } from '@argus/contracts';
import type { Db } from '../../db/client.js';
import type { IssueService } from '../issues/index.js';
import * as repo from './slack.repository.js';

/** What the settings page and the issue page show about Slack, configured or not. */
export function createSlackStatusReader(deps: {
  db: Db;
  issues: Pick<IssueService, 'getIssue'>;
  apiUrl: string | null;
}) {
  return {
    async readStatus(): Promise<SlackStatusResponse> {
      const figures = await repo.summarizeDeliveries(deps.db);
      return {
        configured: deps.apiUrl !== null,
        apiUrl: deps.apiUrl,
        pendingDeliveries: figures.pending,
        failingDeliveries: figures.failing,
        lastDeliveredAt: figures.lastDeliveredAt?.toISOString() ?? null,
        lastError: figures.lastError,
      };
    },

    /** The messages Argus owed Slack about an issue and how each went. */
    async listDeliveries(reference: string): Promise<SlackDeliveryListResponse> {
      const issue = await deps.issues.getIssue(reference);
      const rows = await repo.listDeliveriesOfIssue(deps.db, issue.id);
      return {
        items: rows.map((row) => ({
          key: row.key,
          kind: row.kind as SlackDeliveryListResponse['items'][number]['kind'],
          status: row.status as 'pending' | 'sent',
          attempts: row.attempts,
          lastError: row.lastError,
          createdAt: row.createdAt.toISOString(),
          sentAt: row.sentAt?.toISOString() ?? null,
        })),
      };
    },
  };
}

export type SlackStatusReader = ReturnType<typeof createSlackStatusReader>;
