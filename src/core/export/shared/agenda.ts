import type { Edition } from '../../model/types.ts';
import { oneLine } from './text.ts';

/** One line of an intro's generated agenda. */
export interface AgendaItem {
  sectionId: string;
  title: string;
}

/**
 * The agenda an intro with `agenda: 'auto'` shows: the titles of the story sections in
 * reading order. Sponsors, polls and feedback are furniture, not what the issue is about.
 */
export function agendaItems(edition: Edition): AgendaItem[] {
  return edition.sections
    .filter((s) => s.kind === 'story')
    .map((s) => ({ sectionId: s.id, title: oneLine(s.title) }))
    .filter((item) => item.title !== '');
}

/** The heading above the generated agenda. */
export const AGENDA_HEADING = 'In this issue';
