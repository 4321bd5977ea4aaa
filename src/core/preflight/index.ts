// Preflight's public surface.
export { preflight } from './preflight.ts';
export { commentFindings } from './commentFindings.ts';
export { editionStats, readingMinutes, WORDS_PER_MINUTE } from './stats.ts';
export type {
  CommentFindingInput,
  Finding,
  PreflightOptions,
  PreflightResult,
  PreflightStats,
  ReadingStats,
  Severity,
} from './types.ts';
