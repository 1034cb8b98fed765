export { buildSlackManifest, PLACEHOLDER_URL } from './manifest.ts';
export { renderSlackMessages } from './render/index.ts';
export { isSlackConfigured } from './setup.ts';
export { startSlack } from './start.ts';
