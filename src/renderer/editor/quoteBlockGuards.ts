import { $createParagraphNode, type LexicalEditor } from 'lexical';
import {
  $isQuoteBlockNode,
  MAX_QUOTE_DEPTH,
  QUOTE_BLOCK_CHILD_TYPES,
  QuoteBlockNode,
} from '../../core/index.ts';

/**
 * Keeps a quote container in the editor the shape restoreBody gives it, so what is typed
 * is what is exported: a block a quote cannot hold (a roundup item inserted with the caret
 * in the quote) moves out after it, and a container nested past MAX_QUOTE_DEPTH gives its
 * blocks to the one around it. Returns the unregister function.
 */
export function registerQuoteBlockGuards(editor: LexicalEditor): () => void {
  return editor.registerNodeTransform(QuoteBlockNode, (quote) => {
    let depth = 1;
    for (let p = quote.getParent(); p !== null; p = p.getParent())
      if ($isQuoteBlockNode(p)) depth++;
    if (depth > MAX_QUOTE_DEPTH) {
      for (const child of quote.getChildren()) quote.insertBefore(child);
      quote.remove();
      return;
    }
    const out = quote.getChildren().filter((c) => !QUOTE_BLOCK_CHILD_TYPES.has(c.getType()));
    for (const child of out.reverse()) {
      // Inline content that lost its paragraph gets one back; a block moves out.
      if (child.isInline()) child.replace($createParagraphNode()).append(child);
      else quote.insertAfter(child);
    }
    if (quote.getChildrenSize() === 0) quote.remove();
  });
}
