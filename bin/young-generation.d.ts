// Types for bin/young-generation.js, which stays plain JavaScript like bin/require-node.js.
/** MB per semi-space of V8's young generation, by command. */
export const SEMI_SPACE_MB: Record<string, number>;
/** Percent V8's old generation may grow past what the last full GC kept, by command. */
export const HEAP_GROWING_PERCENT: Record<string, number>;
/** The V8 flag that keeps worker threads' wasm-to-JavaScript wrappers from tiering up (see young-generation.js). */
export const WASM_WRAPPER_FLAG: string;
/** The Node flags `market-brief <command>` should run with: `--max-semi-space-size=<MB>`, `--heap-growing-percent=<percent>` and, for `start`, WASM_WRAPPER_FLAG; or none. */
export function youngGenerationFlags(command: string | undefined, env?: NodeJS.ProcessEnv, execArgv?: readonly string[]): string[];
/** Replaces this process by `node <flag> <script> <args>` when the command wants a flag; else returns. */
export function restartWithYoungGeneration(script: string, args: string[]): void;
/** The restarted command's environment: MALLOC_ARENA_MAX=2 unless one is set. */
export function restartEnvironment(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv;
