import type { z } from 'zod';

/**
 * What the modules ask of an AI model (the adapter is integrations/llm): a JSON answer checked against a schema,
 * and a long answer streamed piece by piece. `fast` is the triage model, `main` the analysis model.
 */
export interface AnswersInJson {
  completeJson<T>(request: {
    tier: 'fast' | 'main';
    system: string;
    user: string;
    schema: z.ZodType<T>;
  }): Promise<{ value: T; model: string }>;
}

export interface StreamsText {
  streamText(request: {
    tier: 'fast' | 'main';
    system: string;
    user: string;
    onDelta: (text: string) => void;
  }): Promise<{ text: string; model: string }>;
}
