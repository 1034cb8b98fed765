export { renderMarkdown } from './markdown.ts';
export { renderText } from './text.ts';
