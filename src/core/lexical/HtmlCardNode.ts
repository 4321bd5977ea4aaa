import { domOf } from './dom.ts';
import { decoratorView } from './decoratorViews.ts';
import {
  $applyNodeReplacement,
  DecoratorNode,
  type LexicalEditor,
  type LexicalNode,
  type LexicalUpdateJSON,
  type NodeKey,
  type SerializedLexicalNode,
  type Spread,
} from 'lexical';
import { cardHtmlToKeep } from '../model/cardHtml.ts';

export type SerializedHtmlCardNode = Spread<{ html: string }, SerializedLexicalNode>;

/**
 * A card of the editor's own email HTML. The node holds what cardHtmlToKeep keeps: the
 * source as written when it is inert, else the sanitized HTML. The setter decides, so
 * neither the editor nor a loaded file can store a script here (restoreBody decides again,
 * and every export but Galley Markdown reads the card through the email sanitizer).
 */
export class HtmlCardNode extends DecoratorNode<unknown> {
  __html: string;

  static override getType(): string {
    return 'htmlcard';
  }

  static override clone(node: HtmlCardNode): HtmlCardNode {
    return new HtmlCardNode(node.__html, node.__key);
  }

  static override importJSON(json: SerializedHtmlCardNode): HtmlCardNode {
    return $createHtmlCardNode('').updateFromJSON(json);
  }

  constructor(html = '', key?: NodeKey) {
    super(key);
    this.__html = html;
  }

  override updateFromJSON(json: LexicalUpdateJSON<SerializedHtmlCardNode>): this {
    return super.updateFromJSON(json).setHtml(json.html);
  }

  override exportJSON(): SerializedHtmlCardNode {
    return { ...super.exportJSON(), html: this.getHtml() };
  }

  override createDOM() {
    return domOf().createElement('div');
  }

  override decorate(editor: LexicalEditor): unknown {
    return decoratorView('htmlcard', this, editor);
  }

  override updateDOM(): false {
    return false;
  }

  override isInline(): false {
    return false;
  }

  getHtml(): string {
    return this.getLatest().__html;
  }
  setHtml(html: string): this {
    const self = this.getWritable();
    self.__html = cardHtmlToKeep(html);
    return self;
  }
}

/** Creates an HTML card from (unchecked) HTML; call inside an editor update. */
export function $createHtmlCardNode(html: string): HtmlCardNode {
  return $applyNodeReplacement(new HtmlCardNode(cardHtmlToKeep(html)));
}

/** True when `node` is an HTML card node. */
export function $isHtmlCardNode(node: LexicalNode | null | undefined): node is HtmlCardNode {
  return node instanceof HtmlCardNode;
}
