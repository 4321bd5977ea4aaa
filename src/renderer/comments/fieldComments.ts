import type { KeyboardEvent } from 'react';
import { matchesShortcut, SHORTCUTS } from '../editor/shortcuts.ts';
import type { CommentDraft } from './CommentsStore.ts';

/**
 * A field comment for the focused input, or null when it is not a commentable field.
 * Commentable inputs carry `data-comment-field` (the field's name in the edition doc);
 * a section's sit inside its `[data-section-id]` card, the edition's own do not. The
 * quote is the selected part of the value, or the whole value.
 */
export function fieldDraft(element: Element | null): CommentDraft | null {
  if (!(element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement)) return null;
  const field = element.dataset['commentField'];
  if (!field) return null;
  const sectionId = element.closest('[data-section-id]')?.getAttribute('data-section-id') ?? null;
  const from = element.selectionStart ?? 0;
  const to = element.selectionEnd ?? 0;
  const selected = to > from ? element.value.slice(from, to).trim() : '';
  return {
    anchor: { sectionId, field, start: null, end: null },
    quote: selected || element.value.trim(),
  };
}

/** Ctrl+Alt+M in a commentable field starts a field comment; true when it did. */
export function startFieldComment(
  event: KeyboardEvent,
  start: (draft: CommentDraft) => void,
): boolean {
  if (!matchesShortcut(event.nativeEvent, SHORTCUTS.comment)) return false;
  const draft = fieldDraft(event.target instanceof Element ? event.target : null);
  if (draft === null) return false;
  event.preventDefault();
  start(draft);
  return true;
}

/** The input of a field comment's field, to focus on a jump (null when not on screen). */
export function fieldElement(sectionId: string | null, field: string): HTMLElement | null {
  const scope =
    sectionId === null
      ? document.querySelector('.edition-header')
      : document.querySelector(`[data-section-id="${CSS.escape(sectionId)}"]`);
  return scope?.querySelector<HTMLElement>(`[data-comment-field="${CSS.escape(field)}"]`) ?? null;
}
