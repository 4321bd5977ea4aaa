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

export type SerializedImageNode = Spread<
  { src: string; alt: string; width: number | null; caption: string },
  SerializedLexicalNode
>;

export interface ImagePayload {
  src: string;
  alt?: string;
  width?: number | null;
  caption?: string;
}

/**
 * A block image: `src` is an https URL or an `asset:<hash>` reference into the store,
 * `width` is in CSS pixels (null: natural width, capped at the column), `caption` is
 * plain text. The React view lives in the renderer; this is the model only.
 */
export class ImageNode extends DecoratorNode<unknown> {
  __src: string;
  __alt: string;
  __width: number | null;
  __caption: string;

  static override getType(): string {
    return 'image';
  }

  static override clone(node: ImageNode): ImageNode {
    return new ImageNode(node.__src, node.__alt, node.__width, node.__caption, node.__key);
  }

  static override importJSON(json: SerializedImageNode): ImageNode {
    return $createImageNode({ src: json.src }).updateFromJSON(json);
  }

  constructor(src = '', alt = '', width: number | null = null, caption = '', key?: NodeKey) {
    super(key);
    this.__src = src;
    this.__alt = alt;
    this.__width = width;
    this.__caption = caption;
  }

  override updateFromJSON(json: LexicalUpdateJSON<SerializedImageNode>): this {
    return super
      .updateFromJSON(json)
      .setSrc(json.src)
      .setAlt(json.alt)
      .setWidth(json.width)
      .setCaption(json.caption);
  }

  override exportJSON(): SerializedImageNode {
    return {
      ...super.exportJSON(),
      src: this.getSrc(),
      alt: this.getAlt(),
      width: this.getWidth(),
      caption: this.getCaption(),
    };
  }

  override createDOM() {
    // Only reached with a DOM (the renderer); the decorator fills it.
    return domOf().createElement('div');
  }

  override decorate(editor: LexicalEditor): unknown {
    return decoratorView('image', this, editor);
  }

  override updateDOM(): false {
    return false;
  }

  override isInline(): false {
    return false;
  }

  override getTextContent(): string {
    return this.getCaption() ? `${this.getCaption()}\n` : '';
  }

  getSrc(): string {
    return this.getLatest().__src;
  }
  setSrc(src: string): this {
    const self = this.getWritable();
    self.__src = src;
    return self;
  }
  getAlt(): string {
    return this.getLatest().__alt;
  }
  setAlt(alt: string): this {
    const self = this.getWritable();
    self.__alt = alt;
    return self;
  }
  getWidth(): number | null {
    return this.getLatest().__width;
  }
  setWidth(width: number | null): this {
    const self = this.getWritable();
    self.__width = width;
    return self;
  }
  getCaption(): string {
    return this.getLatest().__caption;
  }
  setCaption(caption: string): this {
    const self = this.getWritable();
    self.__caption = caption;
    return self;
  }
}

/** Creates an image node; call inside an editor update. */
export function $createImageNode(payload: ImagePayload): ImageNode {
  return $applyNodeReplacement(
    new ImageNode(payload.src, payload.alt ?? '', payload.width ?? null, payload.caption ?? ''),
  );
}

/** True when `node` is an image node. */
export function $isImageNode(node: LexicalNode | null | undefined): node is ImageNode {
  return node instanceof ImageNode;
}
