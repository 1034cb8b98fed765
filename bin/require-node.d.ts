// Types for bin/require-node.js, which stays plain JavaScript so that Node 20 can run it.
/** The lowest Node the dependencies accept, from package.json `engines.node`: [major, minor, patch]. */
export function requiredNode(): [number, number, number];
export function isRecentEnough(version?: string): boolean;
/** Where Node 24 from the npm registry is kept: $MARKET_BRIEF_NODE_CACHE, else ~/.cache/node24. */
export function nodeCacheFolder(): string;
/** A folder holding a recent enough `node`, installing Node 24 there the first time; prints the notice. */
export function suitableNodeFolder(): string;
/** null when this Node will do; else runs `node <args>` under a suitable Node and resolves with its status. */
export function rerunUnderSuitableNode(args: string[]): Promise<number | null>;
