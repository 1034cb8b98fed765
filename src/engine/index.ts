export { type Engine, startEngine } from './start-engine.ts';
export type { EngineDatabase } from './wire.ts';
