export { renderMarkdown, renderText } from './render/index.ts';
export { createShellPublisher, runShell } from './start.ts';
