#!/usr/bin/env node
// The package's `bin`: makes sure the Node is recent enough (re-running this under Node 24 from
// the npm registry when it is not), then hands over to the TypeScript CLI, which Node runs
// directly (type stripping), so there is no build step.
import module from 'node:module';
import { fileURLToPath } from 'node:url';
import { rerunUnderSuitableNode } from './require-node.js';
import { restartWithYoungGeneration } from './young-generation.js';

const status = await rerunUnderSuitableNode([fileURLToPath(import.meta.url), ...process.argv.slice(2)]);
if (status !== null) process.exit(status);
// `start` and `ingest` run with a smaller young generation (bin/young-generation.js): Node starts again with the flag.
restartWithYoungGeneration(fileURLToPath(import.meta.url), process.argv.slice(2));
// Compiled modules are cached on disk (the OS temp dir): later starts skip parsing and compiling.
module.enableCompileCache?.();
const { runAsProcess } = await import('../src/cli.ts');
await runAsProcess();
