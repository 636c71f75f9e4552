import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';

/**
 * A fake of Slack's Socket Mode endpoint, speaking its protocol: on connection it says `hello`; envelopes go out as
 * `{ envelope_id, type, payload, accepts_response_payload }`; the app acknowledges with `{ envelope_id, payload? }`.
 */
export interface FakeSlackSocket {
  /** The `wss://…` URL `apps.connections.open` hands out (here `ws://127.0.0.1:<port>/link`). */
  url: string;
  /** Resolves once a client connected and got its hello. */
  connected: Promise<void>;
  /** Sends one envelope and resolves with the acknowledgement's payload (undefined when it carried none). */
  send(type: 'events_api' | 'slash_commands' | 'interactive', payload: unknown): Promise<unknown>;
  close(): Promise<void>;
}

export async function startFakeSlackSocket(): Promise<FakeSlackSocket> {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0, path: '/link' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const waiting = new Map<string, (payload: unknown) => void>();
  let client: WebSocket | undefined;
  let markConnected: () => void = () => undefined;
  const connected = new Promise<void>((resolve) => {
    markConnected = resolve;
  });
  server.on('connection', (socket) => {
    client = socket;
    socket.on('message', (data) => {
      const message = JSON.parse(String(data)) as { envelope_id?: string; payload?: unknown };
      if (message.envelope_id) waiting.get(message.envelope_id)?.(message.payload);
    });
    socket.send(
      JSON.stringify({
        type: 'hello',
        num_connections: 1,
        debug_info: { host: 'fake-slack', build_number: 1, approximate_connection_time: 18060 },
        connection_info: { app_id: 'A0MDYCDME' },
      }),
    );
    markConnected();
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `ws://127.0.0.1:${port}/link`,
    connected,
    send(type, payload) {
      if (!client) return Promise.reject(new Error('no Socket Mode client connected'));
      const envelopeId = randomUUID();
      const acknowledged = new Promise<unknown>((resolve) => waiting.set(envelopeId, resolve));
      client.send(
        JSON.stringify({
          envelope_id: envelopeId,
          type,
          payload,
          accepts_response_payload: type !== 'events_api',
          retry_attempt: 0,
          retry_reason: '',
        }),
      );
      return acknowledged;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of server.clients) socket.terminate();
        server.close(() => resolve());
      }),
  };
}
