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
//
// Bulk ingest also runs with a smaller growth of the old generation (--heap-growing-percent): after
// a full GC, V8 lets the old generation grow up to 4 times what that GC kept before the next one, and
// ingest's promoted garbage (each page's DOM, each batch's analyses) fills it: `bench/ingest.ts`'s
// child grew from ≈52 MB kept to ≈215 MB before its next full GC in about one run in three (peak RSS
// ≈340 MB; ≈290 MB in the others). MARKET_BRIEF_HEAP_GROWING_PERCENT=<percent> or `off` overrides it,
// and a --heap-growing-percent already given is left as it is.

const FLAG = '--max-semi-space-size';
const GROWING_FLAG = '--heap-growing-percent';

/**
 * MB per semi-space, by command: the bot (its event loop; the engine threads inherit it) and bulk ingest. 8 MB
 * gave the lowest peaks ingesting 3,000 articles (187-256 MB over 6 runs; 16 MB: 203-271 over 10; Node's own:
 * 328-365) for the same CPU (about 20 s at every size, within run-to-run noise).
 */
export const SEMI_SPACE_MB = { start: 8, ingest: 8 };

/**
 * Percent the old generation may grow past what the last full GC kept, by command (V8's own: up to
 * 300). 50 kept the ingest bench's child at 239–246 MB over 5 runs (without: 287–339 MB), for 4 % more
 * CPU (8.70 against 8.33 CPU-s) and 22 % more wall time (11.7 against 9.6 s) on the loaded 2-core
 * machine (medians of 5 alternated runs, load 2–4): 3–4 more full GCs, and concurrent marking for longer.
 */
export const HEAP_GROWING_PERCENT = { ingest: 50 };

/**
 * A V8 flag for the commands that run worker threads (`start`: the engine's threads). Node strips
 * the types of every `.ts` module with a WebAssembly build of swc, once in each thread, and V8 13.6
 * can abort the whole process when wasm code is freed in one thread while another tiers up its
 * calls into JavaScript (`ThreadIsolation::UnregisterWasmAllocation`: "Check failed", or a
 * SIGSEGV; caught with a core dump in this project's contract tests, about one run in five, and
 * reported upstream for other wasm users, nodejs/node#64500). The crash is in the tier-up of the
 * wasm-to-JavaScript call wrappers, which this budget (calls before a wrapper tiers up) turns off;
 * the type stripper's calls into JavaScript are few, so nothing measurable is lost.
 */
export const WASM_WRAPPER_FLAG = '--wasm-wrapper-tiering-budget=2147483647';
const THREADED_COMMANDS = new Set(['start']);

/** The Node flags `market-brief <command>` should run with: none, the semi-space size, the old generation's growth, the wasm wrapper budget. */
export function youngGenerationFlags(command, env = process.env, execArgv = process.execArgv) {
  return [...semiSpaceFlags(command, env, execArgv), ...growingFlags(command, env, execArgv), ...wasmFlags(command, env, execArgv)];
}

function wasmFlags(command, env, execArgv) {
  if (!THREADED_COMMANDS.has(command ?? '') || given('--wasm-wrapper-tiering-budget', env, execArgv)) return [];
  return [WASM_WRAPPER_FLAG];
}

const given = (flag, env, execArgv) => execArgv.some((argument) => argument.startsWith(flag)) || (env.NODE_OPTIONS ?? '').includes(flag);

function semiSpaceFlags(command, env, execArgv) {
  if (given(FLAG, env, execArgv)) return [];
  const chosen = (env.MARKET_BRIEF_SEMI_SPACE_MB ?? '').trim();
  if (chosen === 'off') return [];
  if (chosen !== '') {
    if (!/^[1-9]\d{0,3}$/.test(chosen)) throw new Error(`MARKET_BRIEF_SEMI_SPACE_MB must be a whole number of MB (1-9999) or off, not "${chosen}"`);
    return [`${FLAG}=${chosen}`];
  }
  const size = Object.hasOwn(SEMI_SPACE_MB, command ?? '') ? SEMI_SPACE_MB[command] : undefined;
  return size === undefined ? [] : [`${FLAG}=${size}`];
}

function growingFlags(command, env, execArgv) {
  if (given(GROWING_FLAG, env, execArgv)) return [];
  const chosen = (env.MARKET_BRIEF_HEAP_GROWING_PERCENT ?? '').trim();
  if (chosen === 'off') return [];
  if (chosen !== '') {
    if (!/^[1-9]\d{0,2}$/.test(chosen)) throw new Error(`MARKET_BRIEF_HEAP_GROWING_PERCENT must be a whole percent (1-999) or off, not "${chosen}"`);
    return [`${GROWING_FLAG}=${chosen}`];
  }
  const percent = Object.hasOwn(HEAP_GROWING_PERCENT, command ?? '') ? HEAP_GROWING_PERCENT[command] : undefined;
  return percent === undefined ? [] : [`${GROWING_FLAG}=${percent}`];
}

/**
 * Starts this script again under the same Node with the young-generation flag when the command
 * wants one; returns only when it does not (or where Node cannot replace the process: Windows).
 */
export function restartWithYoungGeneration(script, args) {
  const flags = youngGenerationFlags(args[0]);
  if (flags.length === 0 || typeof process.execve !== 'function') return;
  process.execve(process.execPath, [process.execPath, ...flags, ...process.execArgv, script, ...args], restartEnvironment(process.env));
}

/**
 * The environment the restarted command runs in: glibc's malloc held to two arenas
 * (MALLOC_ARENA_MAX=2) unless one is chosen. V8's helper threads and SQLite allocate from several
 * threads, and each thread's own arena kept freed memory: over six alternating runs of the ingest
 * bench's child at 100k stored, peak RSS 249.5–264.5 MB (median 256.7) against 263.9–279.1
 * (median 270.5), for the same CPU (medians 3.28 and 3.55 ms an article). Other C libraries ignore it.
 */
export function restartEnvironment(env) {
  return env.MALLOC_ARENA_MAX === undefined ? { ...env, MALLOC_ARENA_MAX: '2' } : env;
}
