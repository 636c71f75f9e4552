import { LogLevel, SocketModeClient } from '@slack/socket-mode';

/** What arrives over Socket Mode: `events_api`, `slash_commands` or `interactive`, with Slack's usual payload. */
export type SocketEnvelopeHandler = (type: string, body: unknown) => Promise<unknown>;

/**
 * Slack over Socket Mode (SLACK_APP_TOKEN): Argus opens the WebSocket itself, so no public URL is needed. Each
 * envelope is handed to `onEnvelope` and acknowledged with what it answered (a slash command's reply, say);
 * the SDK reconnects on its own when Slack recycles the connection.
 */
export function createSlackSocketConnection(options: {
  appToken: string;
  apiUrl: string;
  onEnvelope: SocketEnvelopeHandler;
  onError(error: Error): void;
}) {
  const client = new SocketModeClient({
    appToken: options.appToken,
    logLevel: LogLevel.ERROR,
    clientOptions: { slackApiUrl: options.apiUrl },
  });
  client.on(
    'slack_event',
    async (envelope: { ack(response?: unknown): Promise<void>; type: string; body: unknown }) => {
      let response: unknown;
      try {
        response = await options.onEnvelope(envelope.type, envelope.body);
      } catch (error) {
        options.onError(error as Error);
      }
      // Acknowledge whatever happened, so Slack does not redeliver; a stored event is retried by its own job.
      await envelope.ack(response ?? undefined).catch((error: Error) => options.onError(error));
    },
  );
  return {
    async start(): Promise<void> {
      await client.start();
    },
    async stop(): Promise<void> {
      await client.disconnect();
    },
  };
}
