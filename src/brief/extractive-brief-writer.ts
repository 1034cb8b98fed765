import type { BriefWriter } from '../ports/index.ts';
import type { ReferenceIndex } from '../pipeline/index.ts';
import { composeBrief } from './compose.ts';

/** The offline brief writer: stories and summaries taken verbatim from the articles. */
export function createExtractiveBriefWriter(reference: ReferenceIndex): BriefWriter {
  return { compose: async (request) => composeBrief(request, reference) };
}
