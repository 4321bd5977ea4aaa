import type { Edition } from '../model/types.ts';
import { countWords, sectionText } from '../model/text.ts';
import type { PreflightStats } from './types.ts';

/** Adult silent reading speed for non-fiction (Brysbaert, 2019). */
export const WORDS_PER_MINUTE = 238;

/** Minutes to read `words`, to one decimal. */
export function readingMinutes(words: number): number {
  return Math.round((words / WORDS_PER_MINUTE) * 10) / 10;
}

/** Words and reading time per section (title, kind fields, body) and in total. */
export function editionStats(edition: Edition): PreflightStats {
  const sections = edition.sections.map((section) => {
    const words = countWords(section.title) + countWords(sectionText(section));
    return { sectionId: section.id, words, readingMinutes: readingMinutes(words) };
  });
  const words = sections.reduce((sum, s) => sum + s.words, 0);
  return { words, readingMinutes: readingMinutes(words), sections };
}
