#!/usr/bin/env node
// The package's `bin`: checks the Node version, then hands over to the TypeScript CLI,
// which Node runs directly (type stripping), so there is no build step.
import './require-node.js';

const { main } = await import('../src/cli.ts');
process.exitCode = await main(process.argv.slice(2));
