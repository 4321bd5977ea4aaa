import { useEffect, useMemo, useState } from 'react';
import { addThread, findMentions, type CommentThread } from '../../core/index.ts';
import { shortcutLabel, SHORTCUTS } from '../editor/shortcuts.ts';
import { SegmentedControl } from '../panels/SegmentedControl.tsx';
import type { EditorIdentity } from '../sync/SyncManager.ts';
import { Composer } from './Composer.tsx';
import { useCommentsSnapshot } from './CommentsContext.ts';
import type { CommentsStore } from './CommentsStore.ts';
import { fieldLabel, filterCounts, groupThreads, type CommentFilter } from './groupThreads.ts';
import { mentionablePeople } from './mentionPicker.ts';
import { ThreadCard } from './ThreadCard.tsx';
import './comments.css';

interface CommentsPanelProps {
  store: CommentsStore;
  me: EditorIdentity;
  /** The sections in reading order, for grouping and group titles. */
  sections: Array<{ id: string; title: string }>;
  /** Co-editors here now (awareness), mentionable even before the edition records them. */
  present: EditorIdentity[];
  onJump: (thread: CommentThread) => void;
}

/**
 * The Comments tab: a new comment's composer when one is being started, then the threads
 * (Open / Resolved / Mentioning me) grouped by section in reading order.
 */
export function CommentsPanel({ store, me, sections, present, onJump }: CommentsPanelProps) {
  const snapshot = useCommentsSnapshot(store);
  const [filter, setFilter] = useState<CommentFilter>('open');
  // Relative times move on while the panel is open.
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);

  const threads = snapshot?.threads ?? [];
  const status = snapshot?.status;
  const people = useMemo(
    () => mentionablePeople(snapshot?.editors ?? [], present),
    [snapshot?.editors, present],
  );
  const order = sections.map((s) => s.id);
  const groups = groupThreads(threads, order, filter, me.id, (id) => status?.get(id)?.start);
  const counts = filterCounts(threads, me.id);
  const active = snapshot?.active ?? null;
  const draft = snapshot?.draft ?? null;

  // A thread opened from its highlight: show it (the open filter, if it was resolved).
  useEffect(() => {
    if (active === null) return;
    const thread = threads.find((t) => t.id === active);
    if (thread && thread.resolved && filter === 'open') setFilter('resolved');
    requestAnimationFrame(() =>
      document
        .querySelector(`.cm-thread[data-thread-id="${CSS.escape(active)}"]`)
        ?.scrollIntoView({ block: 'nearest' }),
    );
    // Only when another thread becomes active, not on every change of the threads.
  }, [active]);

  const titleOf = (sectionId: string | null) =>
    sectionId === null
      ? 'Edition details'
      : (sections.find((s) => s.id === sectionId)?.title ?? 'Removed section') || 'Untitled';

  return (
    <div className="sp-panel cm-panel">
      <div className="sp-panel-header">
        <SegmentedControl
          label="Show comments"
          options={[
            { value: 'open', label: `Open (${counts.open})` },
            { value: 'resolved', label: `Resolved (${counts.resolved})` },
            { value: 'mentions', label: `Mentioning me (${counts.mentions})` },
          ]}
          value={filter}
          onChange={setFilter}
        />
      </div>
      <div className="sp-panel-body">
        {draft && (
          <section className="cm-draft" aria-label="New comment">
            <p className="cm-draft-on">
              {draft.anchor.field === 'body'
                ? 'Comment on '
                : `Comment on ${fieldLabel(draft.anchor.field)} `}
              {draft.quote !== '' && <q className="cm-quote">{draft.quote.slice(0, 200)}</q>}
            </p>
            <Composer
              key={`${draft.anchor.sectionId}:${draft.anchor.field}:${draft.anchor.start}`}
              label="New comment"
              placeholder="Write a comment… (@ to mention)"
              submitLabel="Comment"
              people={people}
              meId={me.id}
              autoFocus
              onSubmit={(text) => {
                const id = addThread(store.doc, {
                  anchor: draft.anchor,
                  quote: draft.quote,
                  author: me,
                  text,
                  mentions: findMentions(text, people),
                });
                store.cancelDraft();
                setFilter('open');
                store.setActive(id);
              }}
              onCancel={() => store.cancelDraft()}
            />
          </section>
        )}
        {groups.length === 0 ? (
          <p className="cm-empty muted">{EMPTY[filter]}</p>
        ) : (
          groups.map((group) => (
            <section
              key={group.sectionId ?? ''}
              className="cm-group"
              aria-label={`Comments in ${titleOf(group.sectionId)}`}
            >
              <h3 className="cm-group-title">{titleOf(group.sectionId)}</h3>
              {group.threads.map((thread) => (
                <ThreadCard
                  key={thread.id}
                  doc={store.doc}
                  thread={thread}
                  status={status?.get(thread.id)}
                  me={me}
                  people={people}
                  active={thread.id === active}
                  now={now}
                  onJump={onJump}
                />
              ))}
            </section>
          ))
        )}
      </div>
    </div>
  );
}

const EMPTY: Record<CommentFilter, string> = {
  open: `No open comments. Select text and press ${shortcutLabel(SHORTCUTS.comment)} to comment.`,
  resolved: 'No resolved comments yet.',
  mentions: 'Nobody has mentioned you. Comments that @mention your name show here.',
};
