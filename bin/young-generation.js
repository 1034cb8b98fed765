// Plain JavaScript, like require-node.js: the size of V8's young generation for the commands that
// run long or allocate a lot. Node reserves up to 64 MB per semi-space (128 MB of young generation)
// on a machine with a few GB of memory, and a process that allocates briskly grows into it: the shell
// bot held 32 MB of it before answering anything, and `market-brief ingest` of 3,000 articles 128 MB
// at its peak. A semi-space can only be sized when Node starts (--max-semi-space-size), so
// bin/market-brief.js starts Node again with the flag (process.execve: same process id, nothing
// left behind) for these commands. See README "Start-up and memory" for the measurements.
//
// MARKET_BRIEF_SEMI_SPACE_MB=<MB> chooses another size for any command, `off` keeps Node's own; a
// --max-semi-space-size already given (on the command line or in NODE_OPTIONS) is left as it is.

const FLAG = '--max-semi-space-size';

/**
 * MB per semi-space, by command: the bot (its event loop; the engine threads inherit it) and bulk ingest. 8 MB
 * gave the lowest peaks ingesting 3,000 articles (187-256 MB over 6 runs; 16 MB: 203-271 over 10; Node's own:
 * 328-365) for the same CPU (about 20 s at every size, within run-to-run noise).
 */
export const SEMI_SPACE_MB = { start: 8, ingest: 8 };

/** The Node flags `market-brief <command>` should run with: none, or the semi-space size. */
export function youngGenerationFlags(command, env = process.env, execArgv = process.execArgv) {
  if (execArgv.some((argument) => argument.startsWith(FLAG)) || (env.NODE_OPTIONS ?? '').includes(FLAG)) return [];
  const chosen = (env.MARKET_BRIEF_SEMI_SPACE_MB ?? '').trim();
  if (chosen === 'off') return [];
  if (chosen !== '') {
    if (!/^[1-9]\d{0,3}$/.test(chosen)) throw new Error(`MARKET_BRIEF_SEMI_SPACE_MB must be a whole number of MB (1-9999) or off, not "${chosen}"`);
    return [`${FLAG}=${chosen}`];
  }
  const size = Object.hasOwn(SEMI_SPACE_MB, command ?? '') ? SEMI_SPACE_MB[command] : undefined;
  return size === undefined ? [] : [`${FLAG}=${size}`];
}

/**
 * Starts this script again under the same Node with the young-generation flag when the command
 * wants one; returns only when it does not (or where Node cannot replace the process: Windows).
 */
export function restartWithYoungGeneration(script, args) {
  const flags = youngGenerationFlags(args[0]);
  if (flags.length === 0 || typeof process.execve !== 'function') return;
  process.execve(process.execPath, [process.execPath, ...flags, ...process.execArgv, script, ...args], process.env);
}
