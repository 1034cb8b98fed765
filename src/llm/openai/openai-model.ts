import { createRequire } from 'node:module';
import type OpenAI from 'openai';
import pLimit from 'p-limit';
import { z } from 'zod';
import { type Completion, type CompletionRequest, type LanguageModel, LanguageModelError } from '../../ports/index.ts';

export interface OpenAiModelOptions {
  /** Local servers (Ollama, llama.cpp, vLLM) need none; the SDK still wants a non-empty string. */
  apiKey: string | undefined;
  /** Undefined: api.openai.com. */
  baseURL: string | undefined;
  model: string;
  fastModel: string;
  /** Per attempt; the SDK retries a timed-out attempt like a 5xx. */
  timeoutMs: number;
  /** Retries on 408/409/429/5xx and connection errors, waiting as Retry-After says (up to 60 s) or backing off. */
  maxRetries: number;
  /** Calls in flight at once across the whole process. */
  concurrency: number;
  /** json_schema (strict structured output) or json_object for servers that lack json_schema. */
  responseFormat: 'json_schema' | 'json_object';
}

const OPENAI_BASE_URL = 'https://api.openai.com/v1';

interface Sdk {
  OpenAI: typeof import('openai').default;
  zodResponseFormat: typeof import('openai/helpers/zod').zodResponseFormat;
  countTokens: typeof import('gpt-tokenizer').countTokens;
}

let sdk: Sdk | null = null;

/**
 * The SDK and the tokenizer, loaded when the first model is made (together ≈0.6 CPU-s and 110 MB
 * of start-up), so a command or a bot that runs offline never pays for them.
 */
function loadSdk(): Sdk {
  if (sdk !== null) return sdk;
  const require = createRequire(import.meta.url);
  sdk = {
    OpenAI: (require('openai') as typeof import('openai')).default,
    zodResponseFormat: (require('openai/helpers/zod') as typeof import('openai/helpers/zod')).zodResponseFormat,
    countTokens: (require('gpt-tokenizer') as typeof import('gpt-tokenizer')).countTokens,
  };
  return sdk;
}

function toFailure(error: unknown): LanguageModelError {
  if (error instanceof LanguageModelError) return error;
  const { OpenAI } = loadSdk();
  if (error instanceof OpenAI.APIUserAbortError) return new LanguageModelError('aborted', 'the call was cancelled (deadline)', { cause: error });
  if (error instanceof OpenAI.APIConnectionTimeoutError) return new LanguageModelError('timeout', 'the model endpoint timed out', { cause: error });
  if (error instanceof OpenAI.RateLimitError) return new LanguageModelError('rate-limited', 'the model endpoint is rate limiting (429)', { cause: error });
  if (error instanceof OpenAI.AuthenticationError || error instanceof OpenAI.PermissionDeniedError) {
    return new LanguageModelError('unavailable', `the model endpoint rejected the API key (${error.status})`, { cause: error });
  }
  if (error instanceof OpenAI.APIError) {
    const status = error.status === undefined ? 'no status' : `HTTP ${error.status}`;
    return new LanguageModelError('unavailable', `the model endpoint failed (${status}): ${error.message.slice(0, 200)}`, { cause: error });
  }
  return new LanguageModelError('unavailable', `the model call failed: ${String(error).slice(0, 200)}`, { cause: error });
}

/**
 * The LanguageModel on the official `openai` SDK: any OpenAI-compatible chat completions endpoint.
 * Tokens are counted with gpt-tokenizer (o200k_base, the encoding of current OpenAI models);
 * other vendors' tokenizers differ by a few percent, which the per-call budget's margin absorbs.
 */
export function createOpenAiModel(options: OpenAiModelOptions): LanguageModel {
  const { OpenAI, zodResponseFormat, countTokens } = loadSdk();
  const client = new OpenAI({
    apiKey: options.apiKey ?? 'not-needed',
    baseURL: options.baseURL ?? OPENAI_BASE_URL,
    // Config is the one reader of the environment: keep the SDK from reading its own variables.
    organization: null,
    project: null,
    timeout: options.timeoutMs,
    maxRetries: options.maxRetries,
  });
  const limit = pLimit(options.concurrency);
  // OpenAI's reasoning models refuse `max_tokens`; most other servers know only `max_tokens`.
  const outputLimitField = options.baseURL === undefined ? 'max_completion_tokens' : 'max_tokens';

  async function call(request: CompletionRequest): Promise<Completion> {
    if (request.signal?.aborted === true) throw new LanguageModelError('aborted', 'deadline passed before the call');
    const model = options[request.tier === 'fast' ? 'fastModel' : 'model'];
    let messages = request.messages;
    let responseFormat: OpenAI.Chat.Completions.ChatCompletionCreateParams['response_format'];
    if (options.responseFormat === 'json_schema') {
      responseFormat = zodResponseFormat(request.output.schema, request.output.name);
    } else {
      responseFormat = { type: 'json_object' };
      const shape = JSON.stringify(z.toJSONSchema(request.output.schema));
      messages = messages.map((message, position) =>
        position === 0 && message.role === 'system' ? { ...message, content: `${message.content}\nJSON schema of the answer: ${shape}` } : message,
      );
    }
    try {
      const response = await client.chat.completions.create(
        { model, messages, response_format: responseFormat, [outputLimitField]: request.maxOutputTokens, stream: false },
        { signal: request.signal },
      );
      const text = response.choices[0]?.message.content ?? '';
      return {
        text,
        model: response.model || model,
        inputTokens: response.usage?.prompt_tokens ?? messages.reduce((sum, message) => sum + countTokens(message.content), 0),
        outputTokens: response.usage?.completion_tokens ?? countTokens(text),
      };
    } catch (error) {
      throw toFailure(error);
    }
  }

  return {
    models: { main: options.model, fast: options.fastModel },
    countTokens: (text) => countTokens(text),
    complete: (request) => limit(call, request),
  };
}
