import type { ReviewPerson } from '../../core/index.ts';

/** An `@` being typed: where it starts in the text and what follows it so far. */
export interface MentionQuery {
  /** Index of the `@`. */
  start: number;
  query: string;
}

// Names may hold spaces ("Ana Lima"), so the query runs up to the caret, within reason.
const QUERY = /(?:^|[^\p{L}\p{N}_])@([\p{L}\p{N}_.' -]{0,40})$/u;

/**
 * The mention the caret is typing, or null: an `@` at the start of the text or after a
 * non-word character (so an e-mail address is not a mention), followed by up to 40
 * name characters, with no line break in between.
 */
export function mentionQuery(text: string, caret: number): MentionQuery | null {
  const before = text.slice(0, caret);
  const match = QUERY.exec(before);
  if (match === null) return null;
  const query = match[1] ?? '';
  return { start: caret - query.length - 1, query };
}

/**
 * The people a mention query can mean, best first: names starting with the query, then
 * names with a word starting with it, at most `limit`; never the writer, each person once.
 */
export function mentionCandidates(
  query: string,
  people: ReviewPerson[],
  meId: string,
  limit = 6,
): ReviewPerson[] {
  const q = query.trim().toLowerCase();
  const seen = new Set<string>([meId]);
  const unique = people.filter((p) => (seen.has(p.id) ? false : (seen.add(p.id), true)));
  const rank = (person: ReviewPerson): number => {
    const name = person.name.toLowerCase();
    if (name.startsWith(q)) return 0;
    if (name.split(/\s+/).some((word) => word.startsWith(q))) return 1;
    return -1;
  };
  return unique
    .map((person) => ({ person, rank: rank(person) }))
    .filter((c) => c.rank >= 0)
    .sort((a, b) => a.rank - b.rank || a.person.name.localeCompare(b.person.name))
    .slice(0, limit)
    .map((c) => c.person);
}

/** The text with the query at `mention` replaced by `@Name `, and the caret after it. */
export function insertMention(
  text: string,
  caret: number,
  mention: MentionQuery,
  name: string,
): { text: string; caret: number } {
  const inserted = `@${name} `;
  const next = text.slice(0, mention.start) + inserted + text.slice(caret).replace(/^ /, '');
  return { text: next, caret: mention.start + inserted.length };
}

/** Everyone who can be mentioned: the edition's editors and whoever is here now, by id. */
export function mentionablePeople(
  editors: ReviewPerson[],
  present: ReviewPerson[],
): ReviewPerson[] {
  const byId = new Map<string, ReviewPerson>();
  // Who is here now has the current name and colour.
  for (const person of [...editors, ...present]) byId.set(person.id, person);
  return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name));
}
