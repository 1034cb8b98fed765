import { fileURLToPath } from 'node:url';
import type { Logger } from '../ports/index.ts';
import type { IngestServices } from '../pipeline/index.ts';
import { ingestInput, listInputFiles } from './ingest-inputs.ts';

export const EXAMPLES_DIRECTORY = fileURLToPath(new URL('../../examples/', import.meta.url));

/** On first run with an empty store, ingests the sample articles so the bot has something to say. */
export async function ingestExamplesIfEmpty(app: {
  config: { EXAMPLES_ON_FIRST_RUN: boolean; MAX_INPUT_BYTES: number };
  store: { countArticles(): Promise<number> };
  ingest: IngestServices;
  logger: Logger;
}): Promise<number | null> {
  if (!app.config.EXAMPLES_ON_FIRST_RUN || (await app.store.countArticles()) > 0) return null;
  let stored = 0;
  for (const file of await listInputFiles(EXAMPLES_DIRECTORY)) {
    const report = await ingestInput(file, app.ingest, { maxBytes: app.config.MAX_INPUT_BYTES });
    if (report.error !== null) app.logger.warn({ file }, report.error);
    stored += report.outcomes.filter((outcome) => outcome.status === 'stored').length;
  }
  return stored;
}
