export { decodeBytes } from './decode.ts';
export { readArticles } from './read-articles.ts';
export { isFeedRoot, isHtmlRoot, rootElement } from './sniff.ts';
export { readFeedTitle } from './feed.ts';
export { loadLinkedom } from './lazy.ts';
