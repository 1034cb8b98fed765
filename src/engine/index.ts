export { type Engine, startEngine } from './start-engine.ts';
