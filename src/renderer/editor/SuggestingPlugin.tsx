import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import {
  $getNodeByKey,
  $getSelection,
  $isRangeSelection,
  COMMAND_PRIORITY_HIGH,
  KEY_DOWN_COMMAND,
  TextNode,
  type LexicalEditor,
} from 'lexical';
import { useEffect, useState, type CSSProperties, type JSX } from 'react';
import {
  $acceptAllSuggestions,
  $acceptSuggestion,
  $getSuggestion,
  $listSuggestions,
  $rejectAllSuggestions,
  $rejectSuggestion,
  type Suggestion,
  type SuggestionSummary,
} from '../../core/index.ts';
import type { EditorIdentity } from '../sync/SyncManager.ts';
import { matchesShortcut, shortcutLabel } from './shortcuts.ts';
import {
  registerPlainTypingBesideSuggestions,
  registerSuggestingInput,
} from './suggestingInput.ts';
import { SUGGESTING_SHORTCUT, useSuggestingMode } from './suggestingMode.ts';
import './suggestions.css';

interface ReviewState {
  open: SuggestionSummary[];
  /** The suggestion at the caret, for its card. */
  atCaret: SuggestionSummary | null;
}

/**
 * Suggesting mode for one section editor: the Editing / Suggesting switch (the mode is
 * the editor person's, in every section; Ctrl+Alt+Shift+S), its input handling, the
 * suggestions drawn in their author's colour, the card of the suggestion at the caret
 * with Accept and Reject, and Accept all / Reject all for the section.
 */
export function SuggestingPlugin({
  me,
  readOnly,
}: {
  me: EditorIdentity;
  readOnly: boolean;
}): JSX.Element | null {
  const [editor] = useLexicalComposerContext();
  const [suggesting, setSuggesting] = useSuggestingMode(me.id);
  const [review, setReview] = useState<ReviewState>({ open: [], atCaret: null });

  useEffect(() => registerSuggestionMarks(editor), [editor]);
  useEffect(() => {
    if (readOnly) return;
    return suggesting
      ? registerSuggestingInput(editor, { id: me.id, name: me.name, color: me.color })
      : registerPlainTypingBesideSuggestions(editor);
  }, [editor, readOnly, suggesting, me.id, me.name, me.color]);
  useEffect(
    () =>
      editor.registerCommand(
        KEY_DOWN_COMMAND,
        (event) => {
          if (readOnly || !matchesShortcut(event, SUGGESTING_SHORTCUT)) return false;
          event.preventDefault();
          setSuggesting(!suggesting);
          return true;
        },
        COMMAND_PRIORITY_HIGH,
      ),
    [editor, readOnly, suggesting, setSuggesting],
  );
  useEffect(
    () =>
      editor.registerUpdateListener(({ editorState }) => {
        const next = editorState.read(readReview);
        setReview((prev) => (sameReview(prev, next) ? prev : next));
      }),
    [editor],
  );

  if (readOnly) return null;
  const decide = (fn: () => unknown) => editor.update(() => void fn());
  const card = review.atCaret;
  const shortcut = shortcutLabel(SUGGESTING_SHORTCUT);
  return (
    <div className="ge-review" role="group" aria-label="Review">
      <div className="ge-review__mode" role="radiogroup" aria-label={`Mode (${shortcut})`}>
        {(['Editing', 'Suggesting'] as const).map((mode) => (
          <button
            key={mode}
            type="button"
            role="radio"
            aria-checked={(mode === 'Suggesting') === suggesting}
            className="ge-review__mode-option"
            title={`${mode} (${shortcut} switches)`}
            onClick={() => setSuggesting(mode === 'Suggesting')}
          >
            {mode}
          </button>
        ))}
      </div>
      {suggesting ? (
        <span className="ge-review__hint">
          Typing and deleting become suggestions. Enter, joining paragraphs, formatting and code
          blocks apply directly.
        </span>
      ) : null}
      {card ? (
        <div
          className="ge-review__card"
          role="status"
          style={{ '--suggestion-color': card.author.color } as CSSProperties}
        >
          <span className="ge-review__swatch" aria-hidden="true" />
          <span>
            <strong>{card.author.name}</strong>{' '}
            {card.kind === 'insert' ? 'suggested adding' : 'suggested deleting'} “{short(card.text)}
            ” · <time dateTime={card.time}>{when(card.time)}</time>
          </span>
          <button
            type="button"
            className="btn small"
            onClick={() => decide(() => $acceptSuggestion(card.id))}
          >
            Accept
          </button>
          <button
            type="button"
            className="btn small"
            onClick={() => decide(() => $rejectSuggestion(card.id))}
          >
            Reject
          </button>
        </div>
      ) : null}
      {review.open.length > 0 ? (
        <div className="ge-review__all">
          <span className="muted">
            {review.open.length} suggestion{review.open.length === 1 ? '' : 's'}
          </span>
          <button type="button" className="btn small" onClick={() => decide($acceptAllSuggestions)}>
            Accept all
          </button>
          <button type="button" className="btn small" onClick={() => decide($rejectAllSuggestions)}>
            Reject all
          </button>
        </div>
      ) : null}
    </div>
  );
}

function readReview(): ReviewState {
  const open = $listSuggestions();
  const selection = $getSelection();
  let atCaret: Suggestion | null = null;
  if ($isRangeSelection(selection)) {
    const node = selection.anchor.getNode();
    atCaret = $getSuggestion(node);
    // At the very start of a run the caret reads as the end of the one before.
    if (atCaret === null && selection.anchor.offset === 0)
      atCaret = $getSuggestion(node.getPreviousSibling());
    if (atCaret === null && selection.anchor.offset === node.getTextContentSize())
      atCaret = $getSuggestion(node.getNextSibling());
  }
  return { open, atCaret: atCaret ? (open.find((s) => s.id === atCaret!.id) ?? null) : null };
}

function sameReview(a: ReviewState, b: ReviewState): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Draws suggestion runs: `data-suggestion` (insert or delete) and the author's colour on
 * the run's element, for editor CSS; a decided run loses them. The node is a plain text
 * run (see suggestionState), so its DOM is Lexical's and is annotated after each update.
 */
function registerSuggestionMarks(editor: LexicalEditor): () => void {
  return editor.registerMutationListener(
    TextNode,
    (mutations) => {
      editor.getEditorState().read(() => {
        for (const [key, mutation] of mutations) {
          if (mutation === 'destroyed') continue;
          const element = editor.getElementByKey(key);
          if (element) mark(element, $getSuggestion($getNodeByKey(key)));
        }
      });
    },
    { skipInitialization: false },
  );
}

function mark(element: HTMLElement, suggestion: Suggestion | null): void {
  if (suggestion === null) {
    if (!element.hasAttribute('data-suggestion')) return;
    element.removeAttribute('data-suggestion');
    element.removeAttribute('title');
    element.style.removeProperty('--suggestion-color');
    return;
  }
  element.setAttribute('data-suggestion', suggestion.kind);
  // restorePerson keeps only #rrggbb colours, so this is never anything else.
  element.style.setProperty('--suggestion-color', suggestion.author.color);
  const verb = suggestion.kind === 'insert' ? 'Suggested by' : 'Deletion suggested by';
  element.title = `${verb} ${suggestion.author.name}, ${when(suggestion.time)}`;
}

function when(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? ''
    : date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

function short(text: string): string {
  const chars = [...text.replace(/\s+/g, ' ').trim()];
  return chars.length > 48 ? `${chars.slice(0, 47).join('')}…` : chars.join('');
}
