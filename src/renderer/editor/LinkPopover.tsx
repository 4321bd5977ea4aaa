import { $createLinkNode, $isLinkNode, $toggleLink } from '@lexical/link';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useLexicalEditable } from '@lexical/react/useLexicalEditable';
import { $unwrapNode, mergeRegister } from '@lexical/utils';
import {
  $createTextNode,
  $getNodeByKey,
  $getSelection,
  $isRangeSelection,
  COMMAND_PRIORITY_EDITOR,
  type BaseSelection,
  type NodeKey,
} from 'lexical';
import { useCallback, useEffect, useId, useRef, useState, type RefObject } from 'react';
import { LINK_REL, LINK_REL_NO_UTM, linkRel } from '../../core/index.ts';
import {
  $restoreSelection,
  $selectedLink,
  focusEditor,
  OPEN_LINK_EDITOR_COMMAND,
} from './commands.ts';
import { canOpenLink, INVALID_LINK_MESSAGE, linkFromInput, openLink } from './linkUrl.ts';

interface Position {
  top: number;
  left: number;
}

interface Editing {
  draft: string;
  /** The link being edited, or null when a new one is being made. */
  linkKey: NodeKey | null;
  /** The selection when the popover opened; focus moves to the URL field. */
  saved: BaseSelection | null;
  error: string | null;
}

interface LinkPopoverProps {
  /** The positioned element the popover is placed in (the editor surface). */
  containerRef: RefObject<HTMLElement | null>;
  /** Whether focus is in this editor; the link bar only shows while it is. */
  active: boolean;
}

/**
 * The link bar under the caret: with the caret in a link it shows the URL with Edit,
 * Remove and Open; Ctrl/Cmd+K (or the toolbar) opens the URL field, where Enter applies
 * and Escape closes. URLs go through the model's check; a refused one stays in the field
 * with the reason.
 */
export function LinkPopover({ containerRef, active }: LinkPopoverProps) {
  const [editor] = useLexicalComposerContext();
  const editable = useLexicalEditable();
  const [current, setCurrent] = useState<{ key: NodeKey; url: string; tracked: boolean } | null>(
    null,
  );
  const [editing, setEditing] = useState<Editing | null>(null);
  const [position, setPosition] = useState<Position | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const popoverRef = useRef<HTMLDivElement>(null);
  const inputId = useId();

  const place = useCallback(
    (rect: DOMRect | null) => {
      const container = containerRef.current;
      if (!container || !rect) return;
      const box = container.getBoundingClientRect();
      const left = Math.max(0, Math.min(rect.left - box.left, box.width - 320));
      setPosition({ top: rect.bottom - box.top + 6, left });
    },
    [containerRef],
  );

  // Follow the caret: which link it is in, and where that link is.
  useEffect(
    () =>
      editor.registerUpdateListener(({ editorState }) => {
        const found = editorState.read(() => {
          const link = $selectedLink($getSelection());
          return link
            ? {
                key: link.getKey(),
                url: link.getURL(),
                tracked: linkRel(link.getRel()) !== LINK_REL_NO_UTM,
              }
            : null;
        });
        setCurrent((prev) =>
          prev?.key === found?.key && prev?.url === found?.url && prev?.tracked === found?.tracked
            ? prev
            : found,
        );
        if (found) place(editor.getElementByKey(found.key)?.getBoundingClientRect() ?? null);
      }),
    [editor, place],
  );

  const close = useCallback(
    (refocus: boolean) => {
      setEditing(null);
      if (refocus) {
        editor.update(() => {
          if (editing) $restoreSelection(editing.saved);
        });
        focusEditor(editor);
      }
    },
    [editor, editing],
  );

  useEffect(
    () =>
      mergeRegister(
        editor.registerCommand(
          OPEN_LINK_EDITOR_COMMAND,
          () => {
            const selection = $getSelection();
            // A selected image or button cannot be linked; its own form has the URL.
            if (!editor.isEditable() || !$isRangeSelection(selection)) return false;
            const link = $selectedLink(selection);
            setEditing({
              draft: link?.getURL() ?? '',
              linkKey: link?.getKey() ?? null,
              saved: selection.clone(),
              error: null,
            });
            const dom = window.getSelection();
            const rect =
              (link && editor.getElementByKey(link.getKey())?.getBoundingClientRect()) ||
              (dom && dom.rangeCount > 0 ? dom.getRangeAt(0).getBoundingClientRect() : null);
            if (rect && (rect.width > 0 || rect.height > 0)) place(rect);
            else place(editor.getRootElement()?.getBoundingClientRect() ?? null);
            return true;
          },
          COMMAND_PRIORITY_EDITOR,
        ),
      ),
    [editor, place],
  );

  const isEditing = editing !== null;
  useEffect(() => {
    if (isEditing) inputRef.current?.focus();
  }, [isEditing]);

  const apply = () => {
    if (!editing) return;
    const url = linkFromInput(editing.draft);
    if (url === null) {
      setEditing({
        ...editing,
        error: editing.draft.trim() === '' ? 'Type or paste a link first.' : INVALID_LINK_MESSAGE,
      });
      inputRef.current?.focus();
      return;
    }
    editor.update(() => {
      $restoreSelection(editing.saved);
      const selection = $getSelection();
      const existing = editing.linkKey ? $getNodeByKey(editing.linkKey) : null;
      const collapsed = !$isRangeSelection(selection) || selection.isCollapsed();
      if ($isLinkNode(existing) && collapsed) {
        existing.setURL(url);
      } else if ($isRangeSelection(selection) && selection.isCollapsed()) {
        // Nothing selected: the link's text is its address.
        const link = $createLinkNode(url);
        link.append($createTextNode(url));
        selection.insertNodes([link]);
      } else {
        $toggleLink(url);
      }
    });
    setEditing(null);
    focusEditor(editor);
  };

  const remove = (key: NodeKey | null, saved: BaseSelection | null) => {
    editor.update(() => {
      $restoreSelection(saved);
      const node = key ? $getNodeByKey(key) : null;
      const selection = $getSelection();
      if ($isLinkNode(node) && (!$isRangeSelection(selection) || selection.isCollapsed())) {
        $unwrapNode(node);
      } else {
        $toggleLink(null);
      }
    });
    setEditing(null);
    focusEditor(editor);
  };

  const startEdit = () => {
    if (!current) return;
    const saved = editor.getEditorState().read(() => $getSelection()?.clone() ?? null);
    setEditing({ draft: current.url, linkKey: current.key, saved, error: null });
  };

  // The opt-out lives in the link's own rel, which Yjs and every reader keep.
  const setTracked = (key: NodeKey, tracked: boolean) =>
    editor.update(() => {
      const link = $getNodeByKey(key);
      if ($isLinkNode(link)) link.setRel(tracked ? LINK_REL : LINK_REL_NO_UTM);
    });

  if (!position) return null;
  if (editing) {
    return (
      <div
        ref={popoverRef}
        className="ge-popover ge-link-popover"
        style={{ top: position.top, left: position.left }}
        role="dialog"
        aria-label={editing.linkKey ? 'Edit link' : 'Add link'}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.preventDefault();
            event.stopPropagation();
            close(true);
          }
        }}
        onBlur={(event) => {
          // Clicking back into the text (or anywhere else) leaves the link as it was.
          if (!popoverRef.current?.contains(event.relatedTarget as Node | null)) close(false);
        }}
      >
        <label htmlFor={inputId} className="sr-only">
          Link address
        </label>
        <div className="ge-link-popover__row">
          <input
            id={inputId}
            ref={inputRef}
            className="input ge-link-popover__input"
            value={editing.draft}
            placeholder="https://… or {{merge_tag}}"
            aria-invalid={editing.error !== null}
            aria-describedby={editing.error ? `${inputId}-error` : undefined}
            onChange={(event) => setEditing({ ...editing, draft: event.target.value, error: null })}
            onKeyDown={(event) => {
              if (event.key === 'Enter') {
                event.preventDefault();
                apply();
              }
            }}
          />
          <button type="button" className="btn small primary" onClick={apply}>
            Apply
          </button>
          {editing.linkKey ? (
            <button
              type="button"
              className="btn small danger"
              onClick={() => remove(editing.linkKey, editing.saved)}
            >
              Remove
            </button>
          ) : null}
          <button type="button" className="btn small" onClick={() => close(true)}>
            Cancel
          </button>
        </div>
        {editing.error ? (
          <p id={`${inputId}-error`} className="ge-popover__error" role="alert">
            {editing.error}
          </p>
        ) : null}
      </div>
    );
  }
  if (!current || !active) return null;
  return (
    <div
      className="ge-popover ge-link-popover ge-link-popover--view"
      style={{ top: position.top, left: position.left }}
      role="group"
      aria-label="Link"
      onMouseDown={(event) => {
        // Keep the caret (and so this bar) in the link while its buttons are clicked.
        if (event.target instanceof HTMLButtonElement) event.preventDefault();
      }}
    >
      <span className="ge-link-popover__url" title={current.url}>
        {current.url}
      </span>
      {editable ? (
        <>
          <button type="button" className="btn small" onClick={startEdit}>
            Edit
          </button>
          {/^https?:/i.test(current.url) ? (
            <button
              type="button"
              className="btn small"
              aria-pressed={current.tracked}
              title="Add the publication's UTM tags to this link in the email and the text"
              onClick={() => setTracked(current.key, !current.tracked)}
            >
              Track clicks
            </button>
          ) : null}
          <button
            type="button"
            className="btn small danger"
            onClick={() => remove(current.key, null)}
          >
            Remove
          </button>
        </>
      ) : null}
      <button
        type="button"
        className="btn small"
        disabled={!canOpenLink(current.url)}
        title={canOpenLink(current.url) ? 'Open in a new tab' : 'Merge tags open only once sent'}
        onClick={() => openLink(current.url)}
      >
        Open in new tab
      </button>
    </div>
  );
}
