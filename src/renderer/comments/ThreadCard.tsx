import { memo, useState } from 'react';
import type * as Y from 'yjs';
import {
  addReply,
  deleteMessage,
  editMessage,
  setResolved,
  type CommentMessage,
  type CommentThread,
  type ReviewPerson,
} from '../../core/index.ts';
import { absoluteTime, relativeTime } from '../state/relativeTime.ts';
import type { EditorIdentity } from '../sync/SyncManager.ts';
import { CommentText } from './CommentText.tsx';
import { Composer } from './Composer.tsx';
import type { AnchorStatus } from './CommentsStore.ts';
import { fieldLabel } from './groupThreads.ts';

interface ThreadCardProps {
  doc: Y.Doc;
  thread: CommentThread;
  status: AnchorStatus | undefined;
  me: EditorIdentity;
  people: ReviewPerson[];
  active: boolean;
  now: number;
  onJump: (thread: CommentThread) => void;
}

/**
 * One thread in the Comments panel: the text it is on (a button that jumps there, or
 * "on deleted text" with the quote), its messages, edit and delete for the writer's own,
 * resolve or reopen, and a reply box. Every action is a local Yjs edit of the edition doc.
 */
export const ThreadCard = memo(function ThreadCard(props: ThreadCardProps) {
  const { doc, thread, status, me, people, now } = props;
  const deleted = status?.deleted === true;
  const current = status && !deleted ? status.text : thread.quote;
  const onBody = thread.anchor.field === 'body';
  const first = thread.messages[0];

  return (
    <article
      className={`cm-thread${props.active ? ' cm-thread--active' : ''}${thread.resolved ? ' cm-thread--resolved' : ''}`}
      data-thread-id={thread.id}
      aria-label={`Comment by ${thread.author.name} on “${clip(thread.quote, 60)}”`}
    >
      {onBody ? (
        deleted ? (
          <div className="cm-anchor cm-anchor--deleted">
            <span className="cm-badge">on deleted text</span>
            <q className="cm-quote">{clip(thread.quote, 200)}</q>
          </div>
        ) : (
          <button
            type="button"
            className="cm-anchor cm-anchor--link"
            title="Show this text in the edition"
            onClick={() => props.onJump(thread)}
          >
            <q className="cm-quote">{clip(current, 200)}</q>
          </button>
        )
      ) : (
        <button
          type="button"
          className="cm-anchor cm-anchor--link"
          title="Show this field in the edition"
          onClick={() => props.onJump(thread)}
        >
          <span className="cm-badge">on {fieldLabel(thread.anchor.field)}</span>
          {thread.quote !== '' && <q className="cm-quote">{clip(thread.quote, 200)}</q>}
        </button>
      )}
      <ol className="cm-messages">
        {thread.messages.map((message) => (
          <Message
            key={message.id}
            message={message}
            mine={message.author.id === me.id}
            now={now}
            people={people}
            meId={me.id}
            onEdit={(text, mentions) => editMessage(doc, thread.id, message.id, text, mentions)}
            onDelete={() => deleteMessage(doc, thread.id, message.id)}
            isFirst={message === first}
          />
        ))}
      </ol>
      <div className="cm-thread-actions">
        {thread.resolved ? (
          <>
            <span className="muted">
              Resolved{thread.resolvedBy ? ` by ${thread.resolvedBy.name}` : ''}
              {thread.resolvedAt ? ` ${when(thread.resolvedAt, now)}` : ''}
            </span>
            <button
              type="button"
              className="btn small"
              onClick={() => setResolved(doc, thread.id, false, me)}
            >
              Reopen
            </button>
          </>
        ) : (
          <button
            type="button"
            className="btn small"
            onClick={() => setResolved(doc, thread.id, true, me)}
          >
            Resolve
          </button>
        )}
      </div>
      {!thread.resolved && (
        <Composer
          label={`Reply to ${thread.author.name}`}
          placeholder="Reply…"
          submitLabel="Reply"
          people={people}
          meId={me.id}
          onSubmit={(text, mentions) => addReply(doc, thread.id, me, text, mentions)}
        />
      )}
    </article>
  );
});

function Message(props: {
  message: CommentMessage;
  mine: boolean;
  isFirst: boolean;
  now: number;
  people: ReviewPerson[];
  meId: string;
  onEdit: (text: string, mentions: string[]) => void;
  onDelete: () => void;
}) {
  const { message, mine } = props;
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  return (
    <li className="cm-message">
      <div className="cm-message-head">
        <span className="cm-dot" style={{ background: message.author.color }} aria-hidden="true" />
        <strong className="cm-author">{message.author.name}</strong>
        <time
          className="muted cm-time"
          dateTime={message.createdAt}
          title={absoluteTime(new Date(message.createdAt))}
        >
          {when(message.createdAt, props.now)}
        </time>
        {message.editedAt && !message.deleted && <span className="muted">(edited)</span>}
      </div>
      {message.deleted ? (
        <p className="cm-text muted cm-text--deleted">Message deleted</p>
      ) : editing ? (
        <Composer
          label="Edit your comment"
          placeholder="Comment…"
          submitLabel="Save"
          initial={message.text}
          people={props.people}
          meId={props.meId}
          autoFocus
          onSubmit={(text, mentions) => {
            props.onEdit(text, mentions);
            setEditing(false);
          }}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <CommentText text={message.text} />
      )}
      {mine && !message.deleted && !editing && (
        <div className="cm-message-actions">
          {confirming ? (
            <span role="group" aria-label="Confirm deletion" className="cm-confirm">
              <button type="button" className="btn small danger" onClick={props.onDelete}>
                {props.isFirst ? 'Delete comment' : 'Delete reply'}
              </button>
              <button type="button" className="btn small" onClick={() => setConfirming(false)}>
                Keep
              </button>
            </span>
          ) : (
            <>
              <button type="button" className="cm-link-btn" onClick={() => setEditing(true)}>
                Edit
              </button>
              <button type="button" className="cm-link-btn" onClick={() => setConfirming(true)}>
                Delete
              </button>
            </>
          )}
        </div>
      )}
    </li>
  );
}

function when(iso: string, now: number): string {
  return relativeTime(new Date(iso), new Date(now));
}

function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
