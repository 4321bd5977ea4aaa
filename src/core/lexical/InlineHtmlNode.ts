import { domOf } from './dom.ts';
import { decoratorView } from './decoratorViews.ts';
import {
  $applyNodeReplacement,
  DecoratorNode,
  type EditorConfig,
  type LexicalEditor,
  type LexicalNode,
  type LexicalUpdateJSON,
  type NodeKey,
  type SerializedLexicalNode,
  type Spread,
} from 'lexical';
import { inlineHtmlSource } from '../model/inlineHtml.ts';

export type SerializedInlineHtmlNode = Spread<{ source: string }, SerializedLexicalNode>;

/**
 * One piece of inline raw HTML from imported Markdown (`<kbd>`, `</span>`, `<!-- note -->`),
 * kept exactly as written so the Markdown goes back out as it came in. It sits among the
 * text but is not text: its source never counts as words, search text or plain text, and the
 * email, plain text and web page leave it out (a lone tag cannot be placed safely there).
 *
 * The node only ever holds inert source (`inlineHtmlSource`): the setter stores '' for
 * anything else, and restoreBody drops a node without source, so neither a peer nor a file
 * can put a script here. There is no DOM import: pasted HTML never becomes one.
 */
export class InlineHtmlNode extends DecoratorNode<unknown> {
  __source: string;

  static override getType(): string {
    return 'inlinehtml';
  }

  static override clone(node: InlineHtmlNode): InlineHtmlNode {
    return new InlineHtmlNode(node.__source, node.__key);
  }

  static override importJSON(json: SerializedInlineHtmlNode): InlineHtmlNode {
    return $createInlineHtmlNode('').updateFromJSON(json);
  }

  constructor(source = '', key?: NodeKey) {
    super(key);
    this.__source = source;
  }

  override updateFromJSON(json: LexicalUpdateJSON<SerializedInlineHtmlNode>): this {
    return super.updateFromJSON(json).setSource(json.source);
  }

  override exportJSON(): SerializedInlineHtmlNode {
    return { ...super.exportJSON(), source: this.getSource() };
  }

  override createDOM(_config: EditorConfig) {
    // Only reached with a DOM (the renderer); the decorator fills it.
    return domOf().createElement('span');
  }

  override decorate(editor: LexicalEditor): unknown {
    return decoratorView('inlinehtml', this, editor);
  }

  override updateDOM(): false {
    return false;
  }

  override isInline(): true {
    return true;
  }

  // Not words: search, word counts, comment anchors and plain text skip the tag.
  override getTextContent(): string {
    return '';
  }

  getSource(): string {
    return this.getLatest().__source;
  }
  setSource(source: string): this {
    const self = this.getWritable();
    self.__source = inlineHtmlSource(source) ?? '';
    return self;
  }
}

/** Creates an inline HTML node ('' unless `source` is inert inline HTML); call inside an update. */
export function $createInlineHtmlNode(source: string): InlineHtmlNode {
  return $applyNodeReplacement(new InlineHtmlNode(inlineHtmlSource(source) ?? ''));
}

/** True when `node` is an inline HTML node. */
export function $isInlineHtmlNode(node: LexicalNode | null | undefined): node is InlineHtmlNode {
  return node instanceof InlineHtmlNode;
}
