export { decodeBytes } from './decode.ts';
export { readArticles } from './read-articles.ts';
