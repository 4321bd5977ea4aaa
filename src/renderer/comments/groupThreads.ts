import type { CommentThread } from '../../core/index.ts';

/** The Comments panel's filters. */
export type CommentFilter = 'open' | 'resolved' | 'mentions';

/** Threads of one place in the edition: its header (sectionId null) or a section. */
export interface ThreadGroup {
  sectionId: string | null;
  threads: CommentThread[];
}

/** True when a thread passes a filter for the editor `meId`. */
export function threadMatches(thread: CommentThread, filter: CommentFilter, meId: string): boolean {
  if (filter === 'open') return !thread.resolved;
  if (filter === 'resolved') return thread.resolved;
  return thread.messages.some((m) => !m.deleted && m.mentions.includes(meId));
}

/**
 * The threads passing `filter`, grouped in reading order: the edition header first, then
 * the sections in `order`; threads of a section that is gone come last (their text is
 * gone with it). Inside a group, field comments come before body comments, body comments
 * follow their text (`positionOf`, when the section is loaded), then age.
 */
export function groupThreads(
  threads: CommentThread[],
  order: string[],
  filter: CommentFilter,
  meId: string,
  positionOf: (threadId: string) => number | undefined = () => undefined,
): ThreadGroup[] {
  const groups = new Map<string | null, CommentThread[]>();
  for (const thread of threads) {
    if (!threadMatches(thread, filter, meId)) continue;
    const key = thread.anchor.sectionId;
    const list = groups.get(key) ?? [];
    list.push(thread);
    groups.set(key, list);
  }
  const rank = new Map(order.map((id, index) => [id, index]));
  const keyRank = (key: string | null) => (key === null ? -1 : (rank.get(key) ?? order.length));
  const where = (t: CommentThread) =>
    t.anchor.field !== 'body' ? -1 : (positionOf(t.id) ?? Number.MAX_SAFE_INTEGER);
  return [...groups.entries()]
    .sort(([a], [b]) => keyRank(a) - keyRank(b))
    .map(([sectionId, list]) => ({
      sectionId,
      threads: list.sort(
        (a, b) =>
          where(a) - where(b) || a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id),
      ),
    }));
}

/** How many threads each filter would show, for the filter labels. */
export function filterCounts(
  threads: CommentThread[],
  meId: string,
): Record<CommentFilter, number> {
  const counts: Record<CommentFilter, number> = { open: 0, resolved: 0, mentions: 0 };
  for (const thread of threads)
    for (const filter of ['open', 'resolved', 'mentions'] as const)
      if (threadMatches(thread, filter, meId)) counts[filter] += 1;
  return counts;
}

const FIELD_LABELS: Record<string, string> = {
  title: 'the title',
  subject: 'the subject line',
  preheader: 'the preheader',
  sponsor: 'the sponsor name',
  url: 'the link',
  cta: 'the button label',
  disclosure: 'the disclosure',
  question: 'the question',
  prompt: 'the prompt',
  voteUrl: 'the vote link',
};

/** "the subject line" for a field anchor's field name (unknown names as written). */
export function fieldLabel(field: string): string {
  return FIELD_LABELS[field] ?? `the ${field} field`;
}
