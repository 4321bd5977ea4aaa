import {
  $applyNodeReplacement,
  $createParagraphNode,
  type LexicalNode,
  type RangeSelection,
  type SerializedElementNode,
} from 'lexical';
import { BlockContainerNode } from './BlockContainerNode.ts';

/**
 * A quote that holds several blocks (a quoted email of two paragraphs, a quote with a list
 * or a code snippet). Its children are body blocks (QUOTE_BLOCK_CHILD_TYPES): paragraphs,
 * headings, lists, code, quotes (nested, bounded), images, dividers, buttons, tables, cards.
 * A quote of one run of text stays Lexical's QuoteNode, so existing documents keep their
 * shape; this node is only made for what a QuoteNode cannot hold.
 */
export class QuoteBlockNode extends BlockContainerNode {
  static override getType(): string {
    return 'quoteblock';
  }

  static override clone(node: QuoteBlockNode): QuoteBlockNode {
    return new QuoteBlockNode(node.__key);
  }

  static override importJSON(json: SerializedElementNode): QuoteBlockNode {
    return $createQuoteBlockNode().updateFromJSON(json);
  }

  protected override domShape() {
    return { tag: 'blockquote' as const, className: 'ge-quote-block' };
  }

  override insertNewAfter(_selection: RangeSelection, restoreSelection = true) {
    const paragraph = $createParagraphNode();
    this.insertAfter(paragraph, restoreSelection);
    return paragraph;
  }
}

/** Creates an empty quote container; append its blocks before the update ends. */
export function $createQuoteBlockNode(): QuoteBlockNode {
  return $applyNodeReplacement(new QuoteBlockNode());
}

/** True when `node` is a quote container. */
export function $isQuoteBlockNode(node: LexicalNode | null | undefined): node is QuoteBlockNode {
  return node instanceof QuoteBlockNode;
}
