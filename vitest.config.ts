import { availableParallelism } from 'node:os';
import { configDefaults, defineConfig } from 'vitest/config';
import { WASM_WRAPPER_FLAG } from './bin/young-generation.js';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The fault suite kills processes and fills disks for minutes: `npm run test:faults`.
    exclude: [...configDefaults.exclude, 'test/faults/**'],
    // Generous outer limits: a busy 2-core machine must pass the same suite; no test asserts speed.
    testTimeout: 180_000,
    hookTimeout: 180_000,
    pool: 'forks',
    // Tests start the engine's worker threads in their own process, as `market-brief start` does:
    // the same V8 flag keeps a wasm crash of Node's type stripper away (bin/young-generation.js).
    execArgv: [WASM_WRAPPER_FLAG],
    // Vitest's default is one fork fewer than the cores: one on a 2-core machine, where much of the
    // suite waits on processes, sockets and PostgreSQL rather than the CPU.
    maxWorkers: Math.max(2, availableParallelism()),
  },
});
