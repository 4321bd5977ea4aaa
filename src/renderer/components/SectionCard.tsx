import { memo, useState } from 'react';
import type { LexicalEditor } from 'lexical';
import type * as Y from 'yjs';
import { SECTION_STATUSES, setSectionFields, type Section } from '../../core/index.ts';
import type { ApiClient } from '../api/client.ts';
import { TrashIcon } from './icons.tsx';
import { SectionEditor } from '../editor/SectionEditor.tsx';
import type { EditorIdentity, SyncManager } from '../sync/SyncManager.ts';
import { KIND_LABELS } from './AddSection.tsx';
import { Avatars } from './Avatars.tsx';
import { KindFields } from './KindFields.tsx';
import { WhenNear } from './WhenNear.tsx';
import type { ChangesSince } from '../review/ChangesSince.ts';
import { useCommentsContext } from '../comments/CommentsContext.ts';
import { CommentIcon } from '../comments/CommentIcon.tsx';

interface SectionCardProps {
  api: ApiClient;
  sync: SyncManager;
  me: EditorIdentity;
  doc: Y.Doc;
  section: Section;
  others: EditorIdentity[];
  onFocusChange: (focused: boolean) => void;
  onEditor: (editor: LexicalEditor | null) => void;
  onDelete: () => void;
  /** Connect the editor now even if off screen (a jump or a new section). */
  mountEditor: boolean;
  /** A sent edition opens read-only: the text cannot be changed until "Edit anyway". */
  readOnly?: boolean;
  /** The edition's "what changed" tracker (new text is highlighted in the editor). */
  changes?: ChangesSince | null;
}

/** A section: kind, title, status and assignee, the kind's fields, then its rich text. */
export const SectionCard = memo(function SectionCard(props: SectionCardProps) {
  const { section, doc } = props;
  const [confirming, setConfirming] = useState(false);
  const comments = useCommentsContext();
  const title = section.title || 'Untitled';
  return (
    <article
      id={`section-${section.id}`}
      className={`section-card kind-${section.kind}`}
      aria-label={`${KIND_LABELS[section.kind]}: ${title}`}
      data-section-id={section.id}
    >
      <header className="section-head">
        <div className="section-head-row">
          <span className={`kind-badge kind-${section.kind}`}>{KIND_LABELS[section.kind]}</span>
          <input
            className="section-title-input"
            aria-label="Section title"
            placeholder="Section title"
            data-comment-field="title"
            value={section.title}
            maxLength={300}
            onChange={(e) => setSectionFields(doc, section.id, { title: e.target.value })}
          />
          {comments && (
            <button
              className="icon-btn"
              aria-label={`Comment on the title “${title}”`}
              title="Comment on the title (or Ctrl+Alt+M in any field)"
              onClick={() =>
                comments.store.startDraft({
                  anchor: { sectionId: section.id, field: 'title', start: null, end: null },
                  quote: section.title,
                })
              }
            >
              <CommentIcon />
            </button>
          )}
          {confirming ? (
            <span className="confirm" role="group" aria-label="Confirm removal">
              <button className="btn small danger" onClick={props.onDelete}>
                Remove
              </button>
              <button className="btn small" autoFocus onClick={() => setConfirming(false)}>
                Keep
              </button>
            </span>
          ) : (
            <button
              className="icon-btn"
              aria-label={`Remove section “${title}”`}
              title="Remove section"
              onClick={() => setConfirming(true)}
            >
              <TrashIcon />
            </button>
          )}
        </div>
        <div className="section-head-row section-meta">
          <select
            className={`status-select status-${section.status}`}
            aria-label="Section status"
            value={section.status}
            onChange={(e) =>
              setSectionFields(doc, section.id, { status: e.target.value as Section['status'] })
            }
          >
            {SECTION_STATUSES.map((status) => (
              <option key={status} value={status}>
                {status[0]!.toUpperCase() + status.slice(1)}
              </option>
            ))}
          </select>
          <input
            className="assignee-input"
            aria-label="Assignee"
            placeholder="Assign to…"
            list="galley-people"
            value={section.assignee}
            maxLength={100}
            onChange={(e) => setSectionFields(doc, section.id, { assignee: e.target.value })}
          />
          <datalist id="galley-people">
            <option value={props.me.name} />
            {props.others.map((person) => (
              <option key={person.id} value={person.name} />
            ))}
          </datalist>
          {props.others.length > 0 && (
            <span className="here muted">
              <Avatars people={props.others} size="small" />
              {props.others.map((p) => p.name).join(', ')}{' '}
              {props.others.length === 1 ? 'is' : 'are'} here
            </span>
          )}
        </div>
      </header>
      <KindFields doc={doc} section={section} />
      <WhenNear
        force={props.mountEditor}
        placeholder={<div className="editor-placeholder" aria-hidden="true" />}
      >
        <SectionEditor
          sectionId={section.id}
          sync={props.sync}
          me={props.me}
          api={props.api}
          label={`Body of “${title}”`}
          onFocusChange={props.onFocusChange}
          onEditor={props.onEditor}
          readOnly={props.readOnly}
          roundup={section.kind === 'roundup'}
          changes={props.changes}
        />
      </WhenNear>
    </article>
  );
});
