// Types for bin/young-generation.js, which stays plain JavaScript like bin/require-node.js.
/** MB per semi-space of V8's young generation, by command. */
export const SEMI_SPACE_MB: Record<string, number>;
/** The Node flags `market-brief <command>` should run with: none, or `--max-semi-space-size=<MB>`. */
export function youngGenerationFlags(command: string | undefined, env?: NodeJS.ProcessEnv, execArgv?: readonly string[]): string[];
/** Replaces this process by `node <flag> <script> <args>` when the command wants a flag; else returns. */
export function restartWithYoungGeneration(script: string, args: string[]): void;
