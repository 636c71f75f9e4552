import { createParser, type EventSourceMessage } from 'eventsource-parser';

/** What a chat-completion stream delivered and how it ended. */
export interface StreamedAnswer {
  text: string;
  /** The model the service says answered, from the first chunk that names one. */
  model: string | null;
  /**
   * complete: `data: [DONE]`, or a finish_reason followed by the end of the body (some servers omit [DONE]);
   * cut_off: the body ended before either; service_error: the service sent an error object mid-stream.
   */
  ending: 'complete' | 'cut_off' | 'service_error';
  /** The service's error message when `ending` is service_error. */
  serviceError: string | null;
  /** A chunk that was not JSON, quoted; reading stops there. */
  unreadableChunk: string | null;
}

interface CompletionChunk {
  model?: unknown;
  error?: unknown;
  choices?: Array<{ delta?: { content?: unknown }; finish_reason?: unknown }>;
}

/**
 * Reads an OpenAI-style chat-completion stream (server-sent events whose `data:` is a `chat.completion.chunk`, ending
 * with `data: [DONE]`), handing each `choices[0].delta.content` piece to `onDelta` in order.
 */
export async function readChatCompletionStream(
  chunks: AsyncIterable<string>,
  onDelta: (text: string) => void,
): Promise<StreamedAnswer> {
  const answer: StreamedAnswer = {
    text: '',
    model: null,
    ending: 'cut_off',
    serviceError: null,
    unreadableChunk: null,
  };
  let hasFinishReason = false;
  const pending: EventSourceMessage[] = [];
  const parser = createParser({ onEvent: (event) => pending.push(event) });

  for await (const chunk of chunks) {
    parser.feed(chunk);
    while (pending.length > 0) {
      const data = (pending.shift() as EventSourceMessage).data.trim();
      if (data === '[DONE]') {
        answer.ending = 'complete';
        return answer;
      }
      if (data === '') continue;
      let parsed: CompletionChunk;
      try {
        parsed = JSON.parse(data) as CompletionChunk;
      } catch {
        answer.unreadableChunk = data.slice(0, 200);
        return answer;
      }
      if (parsed.error !== undefined && parsed.error !== null) {
        answer.ending = 'service_error';
        answer.serviceError = JSON.stringify(parsed);
        return answer;
      }
      if (answer.model === null && typeof parsed.model === 'string') answer.model = parsed.model;
      const choice = parsed.choices?.[0];
      const content = choice?.delta?.content;
      if (typeof content === 'string' && content !== '') {
        answer.text += content;
        onDelta(content);
      }
      if (typeof choice?.finish_reason === 'string') hasFinishReason = true;
    }
  }
  if (hasFinishReason) answer.ending = 'complete';
  return answer;
}
