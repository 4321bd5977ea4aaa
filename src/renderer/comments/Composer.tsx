import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { flushSync } from 'react-dom';
import { findMentions, MAX_COMMENT_TEXT, type ReviewPerson } from '../../core/index.ts';
import {
  insertMention,
  mentionCandidates,
  mentionQuery,
  type MentionQuery,
} from './mentionPicker.ts';

interface ComposerProps {
  /** The text area's accessible name, e.g. "Reply". */
  label: string;
  placeholder: string;
  submitLabel: string;
  /** Who can be @mentioned (the writer is left out). */
  people: ReviewPerson[];
  meId: string;
  initial?: string;
  autoFocus?: boolean;
  onSubmit: (text: string, mentions: string[]) => void;
  onCancel?: () => void;
}

/**
 * A plain-text comment box: Ctrl+Enter posts, Escape cancels, and `@` opens a picker of
 * co-editors (arrow keys, Enter or Tab to pick). Mentions are stored as the ids of the
 * names written after an `@`.
 */
export function Composer(props: ComposerProps) {
  const { people, meId } = props;
  const [text, setText] = useState(props.initial ?? '');
  const [mention, setMention] = useState<MentionQuery | null>(null);
  const [pick, setPick] = useState(0);
  const area = useRef<HTMLTextAreaElement>(null);
  const listId = useId();
  const candidates = mention === null ? [] : mentionCandidates(mention.query, people, meId);
  const open = candidates.length > 0;

  const follow = (value: string, caret: number) => {
    setText(value);
    const next = mentionQuery(value, caret);
    setMention(next);
    if (next?.query !== mention?.query) setPick(0);
  };

  const choose = (person: ReviewPerson) => {
    const caret = area.current?.selectionStart ?? text.length;
    if (mention === null) return;
    const next = insertMention(text, caret, mention, person.name);
    // Synchronously: a caret placed a frame later would land after keys typed meanwhile.
    flushSync(() => {
      setText(next.text);
      setMention(null);
    });
    area.current?.focus();
    area.current?.setSelectionRange(next.caret, next.caret);
  };

  const submit = () => {
    const value = text.trim();
    if (value === '') return;
    props.onSubmit(value, findMentions(value, people));
    setText('');
    setMention(null);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (open && (event.key === 'ArrowDown' || event.key === 'ArrowUp')) {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setPick((p) => (p + step + candidates.length) % candidates.length);
      return;
    }
    if (open && (event.key === 'Enter' || event.key === 'Tab') && !event.ctrlKey) {
      event.preventDefault();
      const person = candidates[pick] ?? candidates[0];
      if (person) choose(person);
      return;
    }
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      if (open) setMention(null);
      else props.onCancel?.();
      return;
    }
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      submit();
    }
  };

  return (
    <form
      className="cm-composer"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <textarea
        ref={area}
        className="cm-input"
        aria-label={props.label}
        placeholder={props.placeholder}
        value={text}
        rows={2}
        maxLength={MAX_COMMENT_TEXT}
        autoFocus={props.autoFocus}
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={open ? listId : undefined}
        aria-activedescendant={open ? `${listId}-${pick}` : undefined}
        onChange={(e) => follow(e.target.value, e.target.selectionStart)}
        onSelect={(e) => {
          const target = e.currentTarget;
          setMention(mentionQuery(target.value, target.selectionStart));
        }}
        onKeyDown={onKeyDown}
      />
      {open && (
        <ul className="cm-mentions" role="listbox" id={listId} aria-label="Mention a co-editor">
          {candidates.map((person, index) => (
            <li
              key={person.id}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={index === pick}
              className="cm-mention-option"
              onMouseDown={(e) => {
                e.preventDefault();
                choose(person);
              }}
            >
              <span className="cm-dot" style={{ background: person.color }} aria-hidden="true" />
              {person.name}
            </li>
          ))}
        </ul>
      )}
      <div className="cm-composer-actions">
        <button className="btn small primary" type="submit" disabled={text.trim() === ''}>
          {props.submitLabel}
        </button>
        {props.onCancel && (
          <button className="btn small" type="button" onClick={props.onCancel}>
            Cancel
          </button>
        )}
        <span className="muted cm-hint">Ctrl+Enter to post · @ to mention</span>
      </div>
    </form>
  );
}
