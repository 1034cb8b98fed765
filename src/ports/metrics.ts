/**
 * What the bot counts for operators (`GET /metrics`). The core reports through this port; the
 * Prometheus implementation lives in src/http/ and is loaded only by a process that serves it.
 */
export interface Metrics {
  /** Articles newly stored, by how they came in. */
  articlesIngested(via: 'feed' | 'api', count: number): void;
  /** One feed fetch and its outcome ('stored', 'not-modified', 'failed'). */
  feedFetch(outcome: string): void;
  /**
   * One delivery attempt by platform and result ('posted', 'disabled', 'retry', 'gave-up'); with
   * `lagSeconds`, how long after its scheduled slot a brief was posted.
   */
  delivery(platform: string, result: string, lagSeconds?: number): void;
  /** One language-model call (or cache hit) and its tokens. */
  llmCall(call: { model: string; promptId: string; inputTokens: number; outputTokens: number; cached: boolean }): void;
}

/** Counts nothing: CLI commands and tests that do not look at metrics. */
export const noMetrics: Metrics = {
  articlesIngested: () => undefined,
  feedFetch: () => undefined,
  delivery: () => undefined,
  llmCall: () => undefined,
};
