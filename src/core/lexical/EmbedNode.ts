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
import { emptyEmbed, restoreEmbedFields, type EmbedFields } from '../model/embed.ts';

export type SerializedEmbedNode = Spread<EmbedFields, SerializedLexicalNode>;

/**
 * An embed card (a video, a post or a link card; see model/embed.ts): all its fields are
 * node properties, so @lexical/yjs syncs them and the email shows a static card. Every
 * write goes through `restoreEmbedFields`, so a peer cannot store an unsafe URL here.
 */
export class EmbedNode extends DecoratorNode<unknown> {
  __fields: EmbedFields;

  static override getType(): string {
    return 'embed';
  }

  static override clone(node: EmbedNode): EmbedNode {
    return new EmbedNode(node.__fields, node.__key);
  }

  static override importJSON(json: SerializedEmbedNode): EmbedNode {
    return $createEmbedNode().updateFromJSON(json);
  }

  constructor(fields: EmbedFields = emptyEmbed(), key?: NodeKey) {
    super(key);
    this.__fields = fields;
  }

  override updateFromJSON(json: LexicalUpdateJSON<SerializedEmbedNode>): this {
    return super.updateFromJSON(json).setFields(json);
  }

  override exportJSON(): SerializedEmbedNode {
    return { ...super.exportJSON(), ...this.getFields() };
  }

  override createDOM() {
    return domOf().createElement('div');
  }

  override decorate(editor: LexicalEditor): unknown {
    return decoratorView('embed', this, editor);
  }

  override updateDOM(): false {
    return false;
  }

  override isInline(): false {
    return false;
  }

  override getTextContent(): string {
    const f = this.getFields();
    return `${[f.title, f.author, f.text].filter((s) => s !== '').join(' ')}\n`;
  }

  getFields(): EmbedFields {
    return this.getLatest().__fields;
  }
  setFields(fields: Partial<EmbedFields>): this {
    const self = this.getWritable();
    self.__fields = restoreEmbedFields({ ...self.__fields, ...fields });
    return self;
  }
}

/** Creates an embed node; call inside an editor update. */
export function $createEmbedNode(fields: Partial<EmbedFields> = {}): EmbedNode {
  return $applyNodeReplacement(new EmbedNode(restoreEmbedFields({ ...emptyEmbed(), ...fields })));
}

/** True when `node` is an embed node. */
export function $isEmbedNode(node: LexicalNode | null | undefined): node is EmbedNode {
  return node instanceof EmbedNode;
}
