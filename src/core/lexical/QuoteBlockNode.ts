import {
  $applyNodeReplacement,
  $createParagraphNode,
  $getDocument,
  ElementNode,
  type LexicalNode,
  type RangeSelection,
  type SerializedElementNode,
} from 'lexical';

/**
 * A quote that holds several blocks (a quoted email of two paragraphs, a quote with a list
 * or a code snippet). Its children are body blocks (QUOTE_BLOCK_CHILD_TYPES): paragraphs,
 * headings, lists, code, quotes (nested, bounded), images, dividers, buttons, tables, cards.
 * A quote of one run of text stays Lexical's QuoteNode, so existing documents keep their
 * shape; this node is only made for what a QuoteNode cannot hold.
 */
export class QuoteBlockNode extends ElementNode {
  static override getType(): string {
    return 'quoteblock';
  }

  static override clone(node: QuoteBlockNode): QuoteBlockNode {
    return new QuoteBlockNode(node.__key);
  }

  static override importJSON(json: SerializedElementNode): QuoteBlockNode {
    return $createQuoteBlockNode().updateFromJSON(json);
  }

  override createDOM() {
    // Only reached with a DOM (the renderer).
    const dom = ($getDocument() as unknown as DocumentLike).createElement('blockquote');
    dom.className = 'ge-quote-block';
    return dom;
  }

  override updateDOM(): boolean {
    return false;
  }

  override isShadowRoot(): boolean {
    // Select-all and block transforms stay inside the quote, as they do inside a table cell.
    return true;
  }

  override canBeEmpty(): false {
    return false;
  }

  override canIndent(): false {
    return false;
  }

  override insertNewAfter(_selection: RangeSelection, restoreSelection = true) {
    const paragraph = $createParagraphNode();
    this.insertAfter(paragraph, restoreSelection);
    return paragraph;
  }
}

// Core compiles without the DOM library; the element is only touched where one exists.
interface DocumentLike {
  createElement(tag: 'blockquote'): { className: string } & ReturnType<ElementNode['createDOM']>;
}

/** Creates an empty quote container; append its blocks before the update ends. */
export function $createQuoteBlockNode(): QuoteBlockNode {
  return $applyNodeReplacement(new QuoteBlockNode());
}

/** True when `node` is a quote container. */
export function $isQuoteBlockNode(node: LexicalNode | null | undefined): node is QuoteBlockNode {
  return node instanceof QuoteBlockNode;
}
