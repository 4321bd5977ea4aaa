import {
  $createTextNode,
  $getSelection,
  $isElementNode,
  $isRangeSelection,
  $isTabNode,
  $isTextNode,
  $setState,
  type LexicalNode,
  type RangeSelection,
  type TextNode,
} from 'lexical';
import { $isCodeBlockNode } from '../lexical/CodeBlockNode.ts';
import {
  $createSuggestionNode,
  $getSuggestion,
  suggestionState,
} from '../lexical/suggestionState.ts';
import { newId } from '../model/ids.ts';
import { UNMERGEABLE, type Suggestion, type SuggestionKind } from '../model/suggestion.ts';
import type { ReviewPerson } from './types.ts';

/**
 * Suggesting mode's edits at the selection, as `$`-functions the renderer calls from its
 * input handler (and tests call headless): text typed or pasted becomes an insertion by
 * the author, deleted text becomes a deletion by the author. Typing inside (or at the edge
 * of) one's own insertion extends it; deleting one's own insertion removes the text.
 * Structure is not suggested: the caller applies Enter, joining blocks and formatting
 * directly, and these functions leave line breaks, images and other blocks in place.
 * Code blocks are edited directly too: their text is one plain run per line by design
 * (see restoreCodeBlock), so a suggestion could not survive there.
 */

/** Who suggests, and optionally the time and id to use (tests pin them). */
export interface SuggestContext {
  author: ReviewPerson;
  time?: string;
  id?: string;
}

/** Inserts `text` at the selection as a suggestion; a selected range is suggested away first. */
export function $suggestInsertText(text: string, ctx: SuggestContext): void {
  let selection = $getSelection();
  if (!$isRangeSelection(selection)) return;
  // A replacement reads as Google Docs shows it: the old text struck, the new after it.
  if (!selection.isCollapsed()) $suggestDeleteSelection(ctx, 'end');
  selection = $getSelection();
  if (!$isRangeSelection(selection) || text === '') return;
  const format = selection.format;
  const { anchor } = selection;
  const node = anchor.getNode();
  if ($inCodeBlock(node)) {
    selection.insertText(text);
    return;
  }
  if ($isTextNode(node) && !$isTabNode(node)) {
    const offset = anchor.offset;
    const size = node.getTextContentSize();
    if (isMine(node, 'insert', ctx) && node.getFormat() === format) {
      node.spliceText(offset, 0, text, true);
      return;
    }
    const before = offset === 0 ? node.getPreviousSibling() : null;
    if (isMine(before, 'insert', ctx) && $isTextNode(before) && before.getFormat() === format) {
      before.spliceText(before.getTextContentSize(), 0, text, true);
      return;
    }
    const after = offset === size ? node.getNextSibling() : null;
    if (isMine(after, 'insert', ctx) && $isTextNode(after) && after.getFormat() === format) {
      after.spliceText(0, 0, text, true);
      return;
    }
    const run = newRun(text, format, 'insert', ctx);
    if (offset === 0) node.insertBefore(run);
    else if (offset === size) node.insertAfter(run);
    else node.splitText(offset)[0]!.insertAfter(run);
    run.select(text.length, text.length);
    return;
  }
  const parent = $isElementNode(node) ? node : node.getParent();
  if (parent === null) return;
  const run = newRun(text, format, 'insert', ctx);
  const at = $isElementNode(node) ? node.getChildAtIndex(anchor.offset) : node.getNextSibling();
  if (at === null) parent.append(run);
  else at.insertBefore(run);
  run.select(text.length, text.length);
}

/**
 * Editing mode's typing where the caret is inside or at the edge of a suggestion run:
 * the text goes in as plain text beside it (split around it when in the middle), so a
 * direct edit never becomes part of somebody's suggestion. Returns false when the caret is
 * not in a suggestion run (the caller lets Lexical insert as usual).
 */
export function $insertPlainText(text: string): boolean {
  const selection = $getSelection();
  if (!$isRangeSelection(selection) || !selection.isCollapsed() || text === '') return false;
  const node = selection.anchor.getNode();
  if (!$isTextNode(node) || $getSuggestion(node) === null) return false;
  const offset = selection.anchor.offset;
  const size = node.getTextContentSize();
  const plain = $createTextNode(text).setFormat(selection.format);
  if (offset === 0) node.insertBefore(plain);
  else if (offset === size) node.insertAfter(plain);
  else node.splitText(offset)[0]!.insertAfter(plain);
  plain.select(text.length, text.length);
  return true;
}

/**
 * Suggests the selected text away: plain text becomes a deletion by the author, the
 * author's own insertions are removed, other suggestions stay as they are. The caret ends
 * at the `collapse` end of the range (start for Backspace, end for Delete and typing).
 */
export function $suggestDeleteSelection(ctx: SuggestContext, collapse: 'start' | 'end'): void {
  const selection = $getSelection();
  if (!$isRangeSelection(selection) || selection.isCollapsed()) return;
  const nodes = selection.extract();
  const texts = nodes.filter((n): n is TextNode => $isTextNode(n) && !$isTabNode(n));
  // Consecutive Backspaces by one author make one suggestion, not one per character.
  const neighbour = [texts[0]?.getPreviousSibling(), texts.at(-1)?.getNextSibling()].find((n) =>
    isMine(n ?? null, 'delete', ctx),
  );
  const joined = neighbour ? $getSuggestion(neighbour) : null;
  const suggestion = joined ?? suggestionFor('delete', ctx);
  for (const node of texts) {
    if (node.getTextContentSize() === 0) continue;
    if ($inCodeBlock(node)) {
      node.remove();
      continue;
    }
    const current = $getSuggestion(node);
    if (current === null) {
      node.setDetail(node.getDetail() | UNMERGEABLE);
      $setState(node, suggestionState, suggestion);
    } else if (current.kind === 'insert' && current.author.id === ctx.author.id) {
      node.remove();
    }
  }
  collapseTo(collapse);
}

/**
 * Backspace (`backward`) or Delete with a caret, as a suggestion: the next character that
 * is not already suggested away becomes a deletion. Returns false when there is no such
 * character in the block (the caret is at a block edge, a line break or an image), so the
 * caller applies the key directly, as structure is not suggested.
 */
export function $suggestDeleteCharacter(backward: boolean, ctx: SuggestContext): boolean {
  const selection = $getSelection();
  if (!$isRangeSelection(selection) || !selection.isCollapsed()) return false;
  if ($inCodeBlock(selection.anchor.getNode())) return false;
  let point = textPoint(selection, backward);
  while (point !== null) {
    const { node, offset } = point;
    const size = node.getTextContentSize();
    if (backward ? offset === 0 : offset === size) {
      const sibling = backward ? node.getPreviousSibling() : node.getNextSibling();
      if (!$isTextNode(sibling) || $isTabNode(sibling)) return false;
      point = { node: sibling, offset: backward ? sibling.getTextContentSize() : 0 };
      continue;
    }
    const text = node.getTextContent();
    const step = charLength(text, offset, backward);
    const [start, end] = backward ? [offset - step, offset] : [offset, offset + step];
    if ($getSuggestion(node)?.kind === 'delete') {
      // Already suggested away: step over it, as the caret does over struck text.
      point = { node, offset: backward ? start : end };
      continue;
    }
    selection.setTextNodeRange(node, start, node, end);
    $suggestDeleteSelection(ctx, backward ? 'start' : 'end');
    return true;
  }
  return false;
}

function $inCodeBlock(node: LexicalNode): boolean {
  for (let n: LexicalNode | null = node; n !== null; n = n.getParent())
    if ($isCodeBlockNode(n)) return true;
  return false;
}

function textPoint(
  selection: RangeSelection,
  backward: boolean,
): { node: TextNode; offset: number } | null {
  const { anchor } = selection;
  const node = anchor.getNode();
  if ($isTextNode(node)) return { node, offset: anchor.offset };
  if (!$isElementNode(node)) return null;
  const child = node.getChildAtIndex(backward ? anchor.offset - 1 : anchor.offset);
  if (!$isTextNode(child)) return null;
  return { node: child, offset: backward ? child.getTextContentSize() : 0 };
}

// A surrogate pair is one character to the reader; never leave half of one.
function charLength(text: string, offset: number, backward: boolean): number {
  const code = text.charCodeAt(backward ? offset - 1 : offset);
  const low = code >= 0xdc00 && code <= 0xdfff;
  const high = code >= 0xd800 && code <= 0xdbff;
  if (backward && low && offset >= 2) return 2;
  if (!backward && high && offset + 1 < text.length) return 2;
  return 1;
}

function collapseTo(collapse: 'start' | 'end'): void {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return;
  const [start, end] = selection.isBackward()
    ? [selection.focus, selection.anchor]
    : [selection.anchor, selection.focus];
  const point = collapse === 'start' ? start : end;
  const { key, offset, type } = point;
  selection.anchor.set(key, offset, type);
  selection.focus.set(key, offset, type);
}

function isMine(node: LexicalNode | null, kind: SuggestionKind, ctx: SuggestContext): boolean {
  const suggestion = $getSuggestion(node);
  return suggestion !== null && suggestion.kind === kind && suggestion.author.id === ctx.author.id;
}

function suggestionFor(kind: SuggestionKind, ctx: SuggestContext): Suggestion {
  return {
    kind,
    id: ctx.id ?? newId(),
    author: ctx.author,
    time: ctx.time ?? new Date().toISOString(),
  };
}

function newRun(text: string, format: number, kind: SuggestionKind, ctx: SuggestContext): TextNode {
  return $createSuggestionNode(text, suggestionFor(kind, ctx)).setFormat(format);
}
