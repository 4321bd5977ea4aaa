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

export type SerializedButtonNode = Spread<{ label: string; url: string }, SerializedLexicalNode>;

/**
 * A call-to-action button (label and link), rendered in email as a bulletproof
 * table-cell button. A block of its own, like an image.
 */
export class ButtonNode extends DecoratorNode<unknown> {
  __label: string;
  __url: string;

  static override getType(): string {
    return 'button';
  }

  static override clone(node: ButtonNode): ButtonNode {
    return new ButtonNode(node.__label, node.__url, node.__key);
  }

  static override importJSON(json: SerializedButtonNode): ButtonNode {
    return $createButtonNode(json.label, json.url).updateFromJSON(json);
  }

  constructor(label = '', url = '', key?: NodeKey) {
    super(key);
    this.__label = label;
    this.__url = url;
  }

  override updateFromJSON(json: LexicalUpdateJSON<SerializedButtonNode>): this {
    return super.updateFromJSON(json).setLabel(json.label).setUrl(json.url);
  }

  override exportJSON(): SerializedButtonNode {
    return { ...super.exportJSON(), label: this.getLabel(), url: this.getUrl() };
  }

  override createDOM() {
    return domOf().createElement('div');
  }

  override decorate(editor: LexicalEditor): unknown {
    return decoratorView('button', this, editor);
  }

  override updateDOM(): false {
    return false;
  }

  override isInline(): false {
    return false;
  }

  override getTextContent(): string {
    return `${this.getLabel()}\n`;
  }

  getLabel(): string {
    return this.getLatest().__label;
  }
  setLabel(label: string): this {
    const self = this.getWritable();
    self.__label = label;
    return self;
  }
  getUrl(): string {
    return this.getLatest().__url;
  }
  setUrl(url: string): this {
    const self = this.getWritable();
    self.__url = url;
    return self;
  }
}

/** Creates a button node; call inside an editor update. */
export function $createButtonNode(label: string, url: string): ButtonNode {
  return $applyNodeReplacement(new ButtonNode(label, url));
}

/** True when `node` is a button node. */
export function $isButtonNode(node: LexicalNode | null | undefined): node is ButtonNode {
  return node instanceof ButtonNode;
}
