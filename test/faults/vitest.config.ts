import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { WASM_WRAPPER_FLAG } from '../../bin/young-generation.js';

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
    // As in vitest.config.ts: worker threads in the test's own process (bin/young-generation.js).
    execArgv: [WASM_WRAPPER_FLAG],
  },
});
