import { createRequire } from 'node:module';

// The HTML and XML libraries are loaded on first use, not at start: commands that never read a page
// or a feed (`market-brief topics`, the shell bot answering) do not pay for them.
const require = createRequire(import.meta.url);

type Linkedom = typeof import('linkedom');
type ReadabilityModule = typeof import('@mozilla/readability');
type Htmlparser2 = typeof import('htmlparser2');

let linkedom: Linkedom | undefined;
let readability: ReadabilityModule | undefined;
let htmlparser2: Htmlparser2 | undefined;

export function loadLinkedom(): Linkedom {
  linkedom ??= require('linkedom') as Linkedom;
  return linkedom;
}

export function loadReadability(): ReadabilityModule {
  readability ??= require('@mozilla/readability') as ReadabilityModule;
  return readability;
}

export function loadHtmlparser2(): Htmlparser2 {
  htmlparser2 ??= require('htmlparser2') as Htmlparser2;
  return htmlparser2;
}
