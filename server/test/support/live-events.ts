/** One server-sent event as a test sees it. */
export interface ReceivedEvent {
  event: string;
  data: any;
}

/** Reads server-sent events from a live stream until `isDone` says enough (or the stream ends). */
export async function readEvents(
  response: Response,
  isDone: (events: ReceivedEvent[]) => boolean,
): Promise<ReceivedEvent[]> {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  const events: ReceivedEvent[] = [];
  let buffer = '';
  while (!isDone(events)) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    let end = buffer.indexOf('\n\n');
    while (end >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const event = /^event: (.+)$/m.exec(block)?.[1];
      const data = /^data: (.+)$/m.exec(block)?.[1];
      if (event && data) events.push({ event, data: JSON.parse(data) });
      end = buffer.indexOf('\n\n');
    }
  }
  await reader.cancel();
  return events;
}

/** Polls `read` until `isReady` accepts its value or `timeoutMs` passes (then fails naming what it waited for). */
export async function eventually<T>(
  what: string,
  read: () => Promise<T>,
  isReady: (value: T) => boolean,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T = await read();
  while (!isReady(last)) {
    if (Date.now() > deadline)
      throw new Error(`Timed out waiting for ${what}; last seen: ${JSON.stringify(last)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    last = await read();
  }
  return last;
}
