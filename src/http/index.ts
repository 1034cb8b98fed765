export { type HttpServer, type Route, sendJson, startHttpServer } from './http-server.ts';
export { createMetricsRelay, createPrometheusMetrics, type MetricsRelay, type PrometheusMetrics } from './metrics.ts';
export { createOpsRoutes, type ReadinessCheck } from './ops-routes.ts';
