import { createGroundingGuard, loadCommonWords } from './grounding/index.ts';
import type { Clock, LanguageModel, Logger, Store } from '../ports/index.ts';
import type { LlmServices } from './llm-services.ts';
import { fallbackAnswerWriter } from '../brief/index.ts';
import { createAnswerWriter, createBriefWriter, pendingSummaries, summariseStored } from './writers/index.ts';
import { createPromptRunner } from './runner.ts';
import type { ReferenceIndex } from '../pipeline/index.ts';
import { type LlmConfig, llmEnabled } from '../config/index.ts';
import { createOpenAiModel } from './openai/index.ts';
import { tokenPrices } from './budget/index.ts';

/**
 * The LLM services from config, or undefined when no key or base URL is set (the bot then runs
 * offline with extractive summaries and says so). `model` replaces the OpenAI one in tests.
 */
export function createLlmServices(
  config: LlmConfig,
  services: { store: Store; reference: ReferenceIndex; clock: Clock; logger: Logger },
  model?: LanguageModel,
): LlmServices | undefined {
  if (model === undefined && !llmEnabled(config)) return undefined;
  const languageModel =
    model ??
    createOpenAiModel({
      apiKey: config.OPENAI_API_KEY,
      baseURL: config.OPENAI_BASE_URL,
      model: config.LLM_MODEL,
      fastModel: config.LLM_MODEL_FAST ?? config.LLM_MODEL,
      timeoutMs: config.LLM_TIMEOUT_MS,
      maxRetries: config.LLM_MAX_RETRIES,
      concurrency: config.LLM_CONCURRENCY,
      responseFormat: config.LLM_RESPONSE_FORMAT,
    });
  const runner = createPromptRunner({
    model: languageModel,
    store: services.store,
    clock: services.clock,
    logger: services.logger,
    dailyTokenBudget: config.LLM_DAILY_TOKEN_BUDGET,
    maxInputTokens: config.LLM_MAX_INPUT_TOKENS,
    priceOf: (name) => tokenPrices(name, { input: config.LLM_PRICE_INPUT, output: config.LLM_PRICE_OUTPUT }),
  });
  const guard = createGroundingGuard({ reference: services.reference, commonWords: loadCommonWords() });
  const summaryServices = () => ({ runner, store: services.store, guard, logger: services.logger, now: services.clock.now().toISOString() });
  const shared = { runner, store: services.store, guard, clock: services.clock, logger: services.logger, deadlineMs: config.LLM_DEADLINE_MS };
  return {
    label: languageModel.models.main,
    runner,
    writers: {
      briefs: createBriefWriter({ ...shared, reference: services.reference }),
      answers: createAnswerWriter({ ...shared, fallback: fallbackAnswerWriter }),
    },
    pendingSummaries: (options) => pendingSummaries(summaryServices(), options),
    summariseStored: (articleId) => summariseStored(articleId, summaryServices()),
  };
}
