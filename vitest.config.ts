import { availableParallelism } from 'node:os';
import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The fault suite kills processes and fills disks for minutes: `npm run test:faults`.
    exclude: [...configDefaults.exclude, 'test/faults/**'],
    // Generous outer limits: a busy 2-core machine must pass the same suite; no test asserts speed.
    testTimeout: 180_000,
    hookTimeout: 180_000,
    pool: 'forks',
    // Vitest's default is one fork fewer than the cores: one on a 2-core machine, where much of the
    // suite waits on processes, sockets and PostgreSQL rather than the CPU.
    maxWorkers: Math.max(2, availableParallelism()),
  },
});
