import type { Metrics } from '../ports/index.ts';

/** A Metrics whose counts go wherever `use` points them (nowhere until then): the app holds one from the start. */
export interface MetricsRelay extends Metrics {
  use(target: Metrics): void;
}

export function createMetricsRelay(): MetricsRelay {
  let target: Metrics | null = null;
  return {
    use: (next) => {
      target = next;
    },
    articlesIngested: (via, count) => target?.articlesIngested(via, count),
    feedFetch: (outcome) => target?.feedFetch(outcome),
    delivery: (platform, result, lagSeconds) => target?.delivery(platform, result, lagSeconds),
    llmCall: (call) => target?.llmCall(call),
  };
}

/** The Prometheus side: the counters, and the text exposition for `GET /metrics`. */
export interface PrometheusMetrics {
  metrics: Metrics;
  /** Reads the number of jobs waiting at each scrape (the job queue of this process). */
  watchQueueDepth(depth: () => Promise<number>): void;
  /** The exposition text and its content type. */
  render(): Promise<{ contentType: string; text: string }>;
}

/**
 * Counters and histograms on a registry of their own, plus Node's default metrics (event-loop
 * delay among them). prom-client is imported here, so a process that serves no metrics never loads it.
 */
export async function createPrometheusMetrics(): Promise<PrometheusMetrics> {
  const { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } = await import('prom-client');
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'market_brief_' });
  const articles = new Counter({
    name: 'market_brief_articles_ingested_total',
    help: 'Articles newly stored, by how they came in.',
    labelNames: ['via'],
    registers: [registry],
  });
  const fetches = new Counter({ name: 'market_brief_feed_fetches_total', help: 'Feed fetches by outcome.', labelNames: ['outcome'], registers: [registry] });
  const deliveries = new Counter({
    name: 'market_brief_deliveries_total',
    help: 'Delivery attempts by platform and result.',
    labelNames: ['platform', 'result'],
    registers: [registry],
  });
  const lag = new Histogram({
    name: 'market_brief_delivery_lag_seconds',
    help: 'How long after its scheduled slot a brief was posted.',
    labelNames: ['platform'],
    buckets: [1, 5, 15, 30, 60, 120, 300, 600, 1800],
    registers: [registry],
  });
  const calls = new Counter({
    name: 'market_brief_llm_calls_total',
    help: 'Language-model calls (cached: answered from the cache).',
    labelNames: ['model', 'prompt', 'cached'],
    registers: [registry],
  });
  const tokens = new Counter({
    name: 'market_brief_llm_tokens_total',
    help: 'Language-model tokens by direction.',
    labelNames: ['model', 'direction'],
    registers: [registry],
  });
  let depth: (() => Promise<number>) | null = null;
  new Gauge({
    name: 'market_brief_queue_depth',
    help: 'Jobs waiting to run (queued or waiting for a retry).',
    registers: [registry],
    async collect() {
      if (depth !== null) this.set(await depth().catch(() => Number.NaN));
    },
  });
  return {
    metrics: {
      articlesIngested: (via, count) => articles.inc({ via }, count),
      feedFetch: (outcome) => fetches.inc({ outcome }),
      delivery: (platform, result, lagSeconds) => {
        deliveries.inc({ platform, result });
        if (lagSeconds !== undefined) lag.observe({ platform }, Math.max(0, lagSeconds));
      },
      llmCall: (call) => {
        calls.inc({ model: call.model, prompt: call.promptId, cached: String(call.cached) });
        if (call.cached) return;
        tokens.inc({ model: call.model, direction: 'input' }, call.inputTokens);
        tokens.inc({ model: call.model, direction: 'output' }, call.outputTokens);
      },
    },
    watchQueueDepth: (read) => {
      depth = read;
    },
    render: async () => ({ contentType: registry.contentType, text: await registry.metrics() }),
  };
}
