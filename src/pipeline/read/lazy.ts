import { createRequire } from 'node:module';
import { withListenersOnTargets } from './linkedom-listeners.ts';

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

/** The module `id`, required on the first call (and prepared, when it needs to be) and kept. */
function onFirstUse<T>(id: string, prepare: (module: T) => T = (module) => module): () => T {
  let module: T | undefined;
  return () => {
    module ??= prepare(require(id) as T);
    return module;
  };
}

// linkedom's nodes without its table of every node's listeners: see linkedom-listeners.ts.
export const loadLinkedom = onFirstUse<Linkedom>('linkedom', withListenersOnTargets);
export const loadReadability = onFirstUse<ReadabilityModule>('@mozilla/readability');
export const loadHtmlparser2 = onFirstUse<Htmlparser2>('htmlparser2');
export const loadChardet = onFirstUse<Chardet>('chardet');
export const loadIconv = onFirstUse<Iconv>('iconv-lite');
export const loadEntities = onFirstUse<Entities>('entities');
