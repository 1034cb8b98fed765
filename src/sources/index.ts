export { ingestExamplesIfEmpty } from './examples.ts';
export { createIngestRoutes } from './ingest-endpoint.ts';
export { articleJson, ingestInput, ingestInputs, type InputReport, listInputFiles, scanInputDirectory, type SkippedFile } from './ingest-inputs.ts';
export { dueSourceIds, pollSourceById, pollSources, type SourcePollingDependencies, startSourcePolling } from './poll-sources.ts';
export { createSourceServices } from './source-services.ts';
