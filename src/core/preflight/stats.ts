import type { RenderCache } from '../export/RenderCache.ts';
import type { Edition } from '../model/types.ts';
import { countWords, sectionText } from '../model/text.ts';
import type { PreflightStats } from './types.ts';

/** Adult silent reading speed for non-fiction (Brysbaert, 2019). */
export const WORDS_PER_MINUTE = 238;

/** Minutes to read `words`, to one decimal. */
export function readingMinutes(words: number): number {
  return Math.round((words / WORDS_PER_MINUTE) * 10) / 10;
}

/**
 * Words and reading time per section (title, kind fields, body) and in total; with a
 * cache, a section's count is kept until the section changes.
 */
export function editionStats(edition: Edition, cache?: RenderCache): PreflightStats {
  const sections = edition.sections.map((section) => {
    const count = () => countWords(section.title) + countWords(sectionText(section));
    const words = cache
      ? cache.reuse('words', section.id, cache.sectionKey(section), count)
      : count();
    return { sectionId: section.id, words, readingMinutes: readingMinutes(words) };
  });
  const words = sections.reduce((sum, s) => sum + s.words, 0);
  return { words, readingMinutes: readingMinutes(words), sections };
}
