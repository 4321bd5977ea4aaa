import { useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
import { SECTION_KINDS, type Section, type SectionKind } from '../../core/index.ts';
import type { EditorIdentity } from '../sync/SyncManager.ts';
import { Avatars } from './Avatars.tsx';
import { KIND_LABELS } from './AddSection.tsx';
import { CommentIcon } from '../comments/CommentIcon.tsx';

function commentLabel(count: number | undefined): string {
  if (!count) return '';
  return `, ${count} open ${count === 1 ? 'comment' : 'comments'}`;
}

interface OutlineProps {
  sections: Section[];
  presence: Map<string, EditorIdentity[]>;
  activeSection: string | null;
  onMove: (sectionId: string, index: number) => void;
  onSelect: (sectionId: string) => void;
  onAdd: (kind: SectionKind) => void;
  /** A locked (sent) edition: no adding from the rail. */
  readOnly?: boolean;
  /** Sections with text new to this editor since they last looked. */
  changed?: ReadonlySet<string>;
  /** Open comment threads per section id. */
  commentCounts?: ReadonlyMap<string, number>;
}

/**
 * The outline rail: sections in reading order with status, assignee and who is in them.
 * Reorder by dragging, or with Alt+Up / Alt+Down on a focused item.
 */
export function Outline({
  sections,
  presence,
  activeSection,
  onMove,
  onSelect,
  onAdd,
  readOnly = false,
  changed,
  commentCounts,
}: OutlineProps) {
  const [dragging, setDragging] = useState<string | null>(null);
  const [dropIndex, setDropIndex] = useState<number | null>(null);
  const [announce, setAnnounce] = useState('');
  const listRef = useRef<HTMLOListElement>(null);

  const move = (sectionId: string, index: number) => {
    const clamped = Math.max(0, Math.min(sections.length - 1, index));
    onMove(sectionId, clamped);
    const title = sections.find((s) => s.id === sectionId)?.title ?? 'Section';
    setAnnounce(`${title} moved to position ${clamped + 1} of ${sections.length}.`);
    // Keep the keyboard on the moved item once React re-renders the list.
    requestAnimationFrame(() =>
      listRef.current?.querySelector<HTMLButtonElement>(`[data-section="${sectionId}"]`)?.focus(),
    );
  };

  const onKeyDown = (event: KeyboardEvent, sectionId: string, index: number) => {
    if (!event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
    event.preventDefault();
    move(sectionId, event.key === 'ArrowUp' ? index - 1 : index + 1);
  };

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    if (dragging !== null && dropIndex !== null) {
      const from = sections.findIndex((s) => s.id === dragging);
      // Dropping below itself: the item leaves its old place first.
      move(dragging, dropIndex > from ? dropIndex - 1 : dropIndex);
    }
    setDragging(null);
    setDropIndex(null);
  };

  return (
    <nav className="outline" aria-label="Outline">
      <h3 className="outline-title">Outline</h3>
      <ol ref={listRef} onDrop={onDrop} onDragOver={(e) => e.preventDefault()}>
        {sections.map((section, index) => (
          <li
            key={section.id}
            className={[
              dragging === section.id ? 'dragging' : '',
              dropIndex === index ? 'drop-before' : '',
              activeSection === section.id ? 'active' : '',
            ].join(' ')}
            draggable
            onDragStart={(e) => {
              setDragging(section.id);
              e.dataTransfer.effectAllowed = 'move';
              e.dataTransfer.setData('text/plain', section.title);
            }}
            onDragEnd={() => {
              setDragging(null);
              setDropIndex(null);
            }}
            onDragOver={(e) => {
              e.preventDefault();
              const box = e.currentTarget.getBoundingClientRect();
              setDropIndex(e.clientY < box.top + box.height / 2 ? index : index + 1);
            }}
          >
            <button
              className="outline-item"
              data-section={section.id}
              aria-label={`${section.title || 'Untitled'}, ${KIND_LABELS[section.kind]}, ${section.status}${section.assignee ? `, assigned to ${section.assignee}` : ''}${commentLabel(commentCounts?.get(section.id))}${changed?.has(section.id) ? ', changed since you last looked' : ''}. Alt+Up or Alt+Down to move.`}
              onClick={() => onSelect(section.id)}
              onKeyDown={(e) => onKeyDown(e, section.id, index)}
            >
              <span className={`kind-dot kind-${section.kind}`} aria-hidden="true" />
              <span className="outline-text">
                <span className="outline-name">{section.title || 'Untitled'}</span>
                <span className="outline-meta muted">
                  <span className={`status-chip status-${section.status}`}>{section.status}</span>
                  {section.assignee && ` · ${section.assignee}`}
                </span>
              </span>
              <Avatars people={presence.get(section.id) ?? []} size="small" />
              {changed?.has(section.id) && (
                <span
                  className="outline-changed"
                  title="Changed since you last looked"
                  aria-hidden="true"
                />
              )}
              {(commentCounts?.get(section.id) ?? 0) > 0 && (
                <span className="outline-comments" aria-hidden="true" title="Open comments">
                  <CommentIcon />
                  {commentCounts?.get(section.id)}
                </span>
              )}
            </button>
          </li>
        ))}
        {dropIndex === sections.length && <li className="drop-end" aria-hidden="true" />}
      </ol>
      <select
        hidden={readOnly}
        className="outline-add"
        aria-label="Add a section at the end"
        value=""
        onChange={(e) => {
          const kind = SECTION_KINDS.find((k) => k === e.target.value);
          if (kind) onAdd(kind);
        }}
      >
        <option value="">+ Add section…</option>
        {SECTION_KINDS.map((kind) => (
          <option key={kind} value={kind}>
            {KIND_LABELS[kind]}
          </option>
        ))}
      </select>
      <p className="sr-only" aria-live="polite">
        {announce}
      </p>
    </nav>
  );
}
