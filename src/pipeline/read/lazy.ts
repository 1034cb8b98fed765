import { createRequire } from 'node:module';

// The HTML and XML libraries, the charset detector and decoders, and the entity tables are loaded on
// first use, not at start: commands that never read a page, a feed or a legacy charset
// (`market-brief topics`, the shell bot answering) do not pay for them.
const require = createRequire(import.meta.url);

type Linkedom = typeof import('linkedom');
type ReadabilityModule = typeof import('@mozilla/readability');
type Htmlparser2 = typeof import('htmlparser2');
type Chardet = typeof import('chardet');
type Iconv = typeof import('iconv-lite');
type Entities = typeof import('entities');

let linkedom: Linkedom | undefined;
let readability: ReadabilityModule | undefined;
let htmlparser2: Htmlparser2 | undefined;
let chardet: Chardet | undefined;
let iconv: Iconv | undefined;
let entities: Entities | undefined;

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

export function loadChardet(): Chardet {
  chardet ??= require('chardet') as Chardet;
  return chardet;
}

export function loadIconv(): Iconv {
  iconv ??= require('iconv-lite') as Iconv;
  return iconv;
}

export function loadEntities(): Entities {
  entities ??= require('entities') as Entities;
  return entities;
}
