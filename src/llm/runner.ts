import type { Prompt } from '../../prompts/index.ts';
import {
  type ChatMessage,
  type Clock,
  currentOwner,
  type LanguageModel,
  LanguageModelError,
  type Logger,
  type Metrics,
  type ModelTier,
  type Store,
} from '../ports/index.ts';
import { estimateCostUsd, type TokenPrices } from './budget/index.ts';

/** Calls and tokens spent on one piece of work (a brief, an answer). */
export interface UsageMeter {
  calls: number;
  cacheHits: number;
  inputTokens: number;
  outputTokens: number;
  /** USD at the configured or list prices; null once a call's model has no known price. */
  estimatedCostUsd: number | null;
}

export function newMeter(): UsageMeter {
  return { calls: 0, cacheHits: 0, inputTokens: 0, outputTokens: 0, estimatedCostUsd: 0 };
}

export interface RunOptions {
  signal?: AbortSignal | undefined;
  meter?: UsageMeter | undefined;
}

/** Runs prompts on the model: validation with one corrective retry, usage accounting, the daily budget. */
export interface PromptRunner {
  readonly model: LanguageModel;
  /** Largest prompt (system + user) one call may send, in tokens. */
  readonly maxInputTokens: number;
  modelName(tier: ModelTier): string;
  run<Vars, Output>(prompt: Prompt<Vars, Output>, vars: Vars, options?: RunOptions): Promise<Output>;
  /** Records an answer served from the cache, so usage reports show what caching saved. */
  recordCacheHit(prompt: Prompt<unknown, unknown>, options?: RunOptions): Promise<void>;
}

export interface RunnerDependencies {
  model: LanguageModel;
  store: Store;
  clock: Clock;
  logger: Logger;
  /** Tokens (in + out) all calls may spend per UTC day; 0 for no limit. */
  dailyTokenBudget: number;
  maxInputTokens: number;
  /** Prices of a model for the cost estimate; null when unknown. */
  priceOf(model: string): TokenPrices | null;
  /** Counts each call and its tokens for `GET /metrics`. */
  metrics?: Metrics | undefined;
}

const MAX_REPAIR_ECHO = 2_000;

function problemsOf(text: string, schema: Prompt<unknown, unknown>['schema']): { value: unknown; problems: string | null } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return { value: null, problems: `not valid JSON (${(error as Error).message})` };
  }
  const result = schema.safeParse(parsed);
  if (result.success) return { value: result.data, problems: null };
  return {
    value: null,
    problems: result.error.issues
      .slice(0, 8)
      .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
      .join('; '),
  };
}

export function createPromptRunner(dependencies: RunnerDependencies): PromptRunner {
  const { model, store, clock, logger } = dependencies;
  let today = { day: '', tokens: 0, loaded: false };

  async function spentToday(): Promise<number> {
    const now = clock.now().toISOString();
    const day = now.slice(0, 10);
    if (today.day !== day || !today.loaded) {
      const totals = await store.usageSince(`${day}T00:00:00.000Z`);
      today = { day, tokens: totals.reduce((sum, total) => sum + total.inputTokens + total.outputTokens, 0), loaded: true };
    }
    return today.tokens;
  }

  async function record(prompt: Prompt<unknown, unknown>, modelName: string, inputTokens: number, outputTokens: number, cached: boolean): Promise<void> {
    today.tokens += inputTokens + outputTokens;
    dependencies.metrics?.llmCall({ model: modelName, promptId: prompt.id, inputTokens, outputTokens, cached });
    await store.recordUsage({ at: clock.now().toISOString(), promptId: prompt.id, model: modelName, inputTokens, outputTokens, cached, owner: currentOwner() });
  }

  const runner: PromptRunner = {
    model,
    maxInputTokens: dependencies.maxInputTokens,
    modelName: (tier) => model.models[tier],
    async run<Vars, Output>(prompt: Prompt<Vars, Output>, vars: Vars, options: RunOptions = {}): Promise<Output> {
      const user = prompt.render(vars);
      const messages: ChatMessage[] = [
        { role: 'system', content: prompt.system },
        { role: 'user', content: user },
      ];
      const size = model.countTokens(prompt.system) + model.countTokens(user);
      if (size > dependencies.maxInputTokens) {
        // Callers trim to the budget first; reaching here is a bug, and sending it anyway would cost money.
        throw new LanguageModelError('budget', `${prompt.id} prompt is ${size} tokens, over the ${dependencies.maxInputTokens} per call`);
      }
      for (let attempt = 1; attempt <= 2; attempt += 1) {
        if (dependencies.dailyTokenBudget > 0 && (await spentToday()) >= dependencies.dailyTokenBudget) {
          throw new LanguageModelError('budget', `daily token budget of ${dependencies.dailyTokenBudget} is spent`);
        }
        if (options.signal?.aborted === true) throw new LanguageModelError('aborted', 'deadline passed');
        const completion = await model.complete({
          tier: prompt.tier,
          messages,
          output: { name: prompt.id.replace(/[^\w-]/g, '_'), schema: prompt.schema },
          maxOutputTokens: prompt.maxOutputTokens,
          signal: options.signal,
        });
        await record(prompt as Prompt<unknown, unknown>, completion.model, completion.inputTokens, completion.outputTokens, false);
        const meter = options.meter;
        if (meter !== undefined) {
          meter.calls += 1;
          meter.inputTokens += completion.inputTokens;
          meter.outputTokens += completion.outputTokens;
          const cost = estimateCostUsd(completion, dependencies.priceOf(model.models[prompt.tier]));
          meter.estimatedCostUsd = meter.estimatedCostUsd === null || cost === null ? null : meter.estimatedCostUsd + cost;
        }
        const { value, problems } = problemsOf(completion.text, prompt.schema);
        if (problems === null) return value as Output;
        logger.warn({ prompt: prompt.id, attempt, problems }, 'model answer failed validation');
        if (attempt === 2) throw new LanguageModelError('invalid-output', `${prompt.id}: ${problems}`);
        messages.push(
          { role: 'assistant', content: completion.text.slice(0, MAX_REPAIR_ECHO) },
          { role: 'user', content: `That answer is invalid: ${problems}. Answer again with JSON only, matching the schema exactly.` },
        );
      }
      throw new LanguageModelError('invalid-output', prompt.id);
    },
    async recordCacheHit(prompt, options = {}) {
      if (options.meter !== undefined) options.meter.cacheHits += 1;
      await record(prompt, model.models[prompt.tier], 0, 0, true);
    },
  };
  return runner;
}
