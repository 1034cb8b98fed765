import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// The fault suite (npm run test:faults): real processes killed, a full disk, the LLM down. Kept out
// of `npm test` because it takes a few minutes; CI runs both.
export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: {
    include: ['test/faults/**/*.test.ts'],
    globalSetup: ['test/faults/global-setup.ts'],
    // Generous outer limits: a busy machine must pass the same suite (each test waits for its processes).
    testTimeout: 1_200_000,
    hookTimeout: 300_000,
    pool: 'forks',
  },
});
