export { estimateCostUsd, type TokenPrices } from './daily-budget.ts';
export { tokenPrices } from './prices.ts';
export { createUsageReport, type UsageReport } from './usage-report.ts';
