import { $findMatchingParent } from '@lexical/utils';
import { $getSelection, $isRangeSelection, createCommand, type LexicalCommand } from 'lexical';
import { $isCalloutNode, type CalloutNode, type EmbedFields } from '../../core/index.ts';

/** Inserts a callout (emoji, title) holding one empty paragraph, with the caret in it. */
export const INSERT_CALLOUT_COMMAND: LexicalCommand<{ emoji: string; title: string }> =
  createCommand('INSERT_CALLOUT_COMMAND');

/** Inserts an embed card with these fields. */
export const INSERT_EMBED_COMMAND: LexicalCommand<Partial<EmbedFields>> =
  createCommand('INSERT_EMBED_COMMAND');

/** Inserts an HTML card from pasted (not yet sanitized) HTML. */
export const INSERT_HTML_CARD_COMMAND: LexicalCommand<string> = createCommand(
  'INSERT_HTML_CARD_COMMAND',
);

/** The callout the caret is in, if any. */
export function $selectedCallout(): CalloutNode | null {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return null;
  const found = $findMatchingParent(selection.anchor.getNode(), $isCalloutNode);
  return $isCalloutNode(found) ? found : null;
}
