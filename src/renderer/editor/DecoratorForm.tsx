import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import {
  $getNodeByKey,
  CLICK_COMMAND,
  COMMAND_PRIORITY_LOW,
  type LexicalNode,
  type NodeKey,
} from 'lexical';
import { useEffect, useId, useRef, useState, type ReactNode, type RefObject } from 'react';
import { focusEditor } from './commands.ts';
import { useIsolateFromLexical } from './isolateFromLexical.ts';

/**
 * Selects a decorator node when its body (not its form) is clicked, as Lexical's
 * playground does: through CLICK_COMMAND, so it happens inside Lexical's click update.
 */
export function useSelectOnClick(
  bodyRef: RefObject<HTMLElement | null>,
  isSelected: boolean,
  setSelected: (selected: boolean) => void,
  clearSelection: () => void,
): void {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () =>
      editor.registerCommand<MouseEvent>(
        CLICK_COMMAND,
        (event) => {
          const body = bodyRef.current;
          if (!body || !(event.target instanceof Node) || !body.contains(event.target)) {
            return false;
          }
          if (!editor.isEditable()) return false;
          if (event.shiftKey) setSelected(!isSelected);
          else {
            clearSelection();
            setSelected(true);
          }
          return true;
        },
        COMMAND_PRIORITY_LOW,
      ),
    [editor, bodyRef, isSelected, setSelected, clearSelection],
  );
}

/** Runs `fn` on the live node with key `nodeKey`, if it still exists, in an editor update. */
export function useNodeUpdater<T extends LexicalNode>(
  nodeKey: NodeKey,
  isNode: (node: LexicalNode | null) => node is T,
): (fn: (node: T) => void) => void {
  const [editor] = useLexicalComposerContext();
  return (fn) =>
    editor.update(() => {
      const node = $getNodeByKey(nodeKey);
      if (isNode(node)) fn(node);
    });
}

interface NodeFormProps {
  /** Accessible name of the form, e.g. "Image settings". */
  label: string;
  nodeKey: NodeKey;
  removeLabel: string;
  children: ReactNode;
}

/**
 * The small form under a selected image or button. Events inside it are kept from
 * Lexical (see useIsolateFromLexical); Escape puts the caret back after the node.
 */
export function NodeForm({ label, nodeKey, removeLabel, children }: NodeFormProps) {
  const [editor] = useLexicalComposerContext();
  const isolate = useIsolateFromLexical();
  const leave = () => {
    editor.update(() => $getNodeByKey(nodeKey)?.selectNext());
    focusEditor(editor);
  };
  return (
    <div
      ref={isolate}
      className="ge-node-form"
      role="group"
      aria-label={label}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          leave();
        }
      }}
    >
      {children}
      <div className="ge-node-form__actions">
        <button
          type="button"
          className="btn small danger"
          onClick={() => {
            editor.update(() => $getNodeByKey(nodeKey)?.remove());
            focusEditor(editor);
          }}
        >
          {removeLabel}
        </button>
        <button type="button" className="btn small" onClick={leave}>
          Done
        </button>
      </div>
    </div>
  );
}

interface DraftFieldProps {
  label: string;
  /** The node's current value. */
  value: string;
  /**
   * Called with every edit; return an error message to refuse it (the draft stays, shown
   * as invalid, and the node keeps its last good value), or null once it was applied.
   */
  onChange: (value: string) => string | null;
  /** A warning shown while the value is valid but worth a second look (empty alt text). */
  warning?: string | null;
  placeholder?: string;
  inputMode?: 'text' | 'numeric' | 'url';
  autoFocus?: boolean;
}

/**
 * A text input over a node property that writes through on every keystroke, keeping a
 * local draft so the caret does not jump while the editor re-renders, and taking a
 * co-author's change when the field is not being edited.
 */
export function DraftField({
  label,
  value,
  onChange,
  warning,
  placeholder,
  inputMode = 'text',
  autoFocus,
}: DraftFieldProps) {
  const id = useId();
  const [draft, setDraft] = useState(value);
  const [error, setError] = useState<string | null>(null);
  const editing = useRef(false);
  useEffect(() => {
    if (!editing.current) {
      setDraft(value);
      setError(null);
    }
  }, [value]);
  const note = error ?? warning ?? null;
  return (
    <div className="ge-field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        className="input"
        value={draft}
        placeholder={placeholder}
        inputMode={inputMode}
        autoFocus={autoFocus}
        aria-invalid={error !== null}
        aria-describedby={note ? `${id}-note` : undefined}
        onFocus={() => (editing.current = true)}
        onBlur={() => {
          editing.current = false;
          if (error === null) setDraft(value);
        }}
        onChange={(event) => {
          setDraft(event.target.value);
          setError(onChange(event.target.value));
        }}
      />
      {note ? (
        <span id={`${id}-note`} className={error ? 'ge-field__error' : 'ge-field__warning'}>
          {note}
        </span>
      ) : null}
    </div>
  );
}
