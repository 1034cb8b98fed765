export { renderMarkdown, renderText } from './render/index.ts';
export { runShell } from './start.ts';
export { createShellPublisher } from './publisher.ts';
