import {
  $applyNodeReplacement,
  $createParagraphNode,
  $getDocument,
  ElementNode,
  type LexicalNode,
  type LexicalUpdateJSON,
  type NodeKey,
  type RangeSelection,
  type SerializedElementNode,
  type Spread,
} from 'lexical';
import { BlockContainerNode } from './BlockContainerNode.ts';
import { blockListFields, type BlockListType } from '../model/blockList.ts';

export type SerializedBlockListNode = Spread<
  { listType: BlockListType; start: number; loose: boolean },
  SerializedElementNode
>;

/**
 * A list whose items hold blocks (a step with a code block under it, an item of two
 * paragraphs): numbered or bulleted, a first number, tight or loose, as node properties
 * @lexical/yjs syncs. Its children are BlockListItemNodes. Lists of one run of text per
 * item stay Lexical's ListNode; this node is for the items that need more.
 */
export class BlockListNode extends ElementNode {
  __listType: BlockListType;
  __start: number;
  __loose: boolean;

  static override getType(): string {
    return 'blocklist';
  }

  static override clone(node: BlockListNode): BlockListNode {
    return new BlockListNode(node.__listType, node.__start, node.__loose, node.__key);
  }

  static override importJSON(json: SerializedBlockListNode): BlockListNode {
    return $createBlockListNode(json.listType, json.start, json.loose).updateFromJSON(json);
  }

  constructor(listType: BlockListType = 'bullet', start = 1, loose = false, key?: NodeKey) {
    super(key);
    const fields = blockListFields({ listType, start, loose });
    this.__listType = fields.listType;
    this.__start = fields.start;
    this.__loose = fields.loose;
  }

  override updateFromJSON(json: LexicalUpdateJSON<SerializedBlockListNode>): this {
    const fields = blockListFields(json);
    const self = super.updateFromJSON(json).getWritable();
    self.__listType = fields.listType;
    self.__start = fields.start;
    self.__loose = fields.loose;
    return self;
  }

  override exportJSON(): SerializedBlockListNode {
    const self = this.getLatest();
    return {
      ...super.exportJSON(),
      listType: self.__listType,
      start: self.__start,
      loose: self.__loose,
    };
  }

  override createDOM() {
    // Only reached with a DOM (the renderer).
    const dom = ($getDocument() as unknown as DocumentLike).createElement(
      this.__listType === 'number' ? 'ol' : 'ul',
    );
    paintList(dom, this.__start, this.__loose);
    return dom;
  }

  override updateDOM(prev: BlockListNode, dom: unknown): boolean {
    // Another tag needs another element.
    if (prev.__listType !== this.__listType) return true;
    if (prev.__start !== this.__start || prev.__loose !== this.__loose)
      paintList(dom as ElementLike, this.__start, this.__loose);
    return false;
  }

  override canBeEmpty(): false {
    return false;
  }

  override canIndent(): false {
    return false;
  }

  getListType(): BlockListType {
    return this.getLatest().__listType;
  }
  setListType(listType: BlockListType): this {
    const self = this.getWritable();
    self.__listType = blockListFields({ listType }).listType;
    return self;
  }
  getStart(): number {
    return this.getLatest().__start;
  }
  setStart(start: number): this {
    const self = this.getWritable();
    self.__start = blockListFields({ start }).start;
    return self;
  }
  isLoose(): boolean {
    return this.getLatest().__loose;
  }
  setLoose(loose: boolean): this {
    const self = this.getWritable();
    self.__loose = loose;
    return self;
  }
}

/**
 * One item of a block list: a shadow root (as a table cell is) holding blocks, so that
 * select-all, Enter and block transforms stay inside the item.
 */
export class BlockListItemNode extends BlockContainerNode {
  static override getType(): string {
    return 'blocklistitem';
  }

  static override clone(node: BlockListItemNode): BlockListItemNode {
    return new BlockListItemNode(node.__key);
  }

  static override importJSON(json: SerializedElementNode): BlockListItemNode {
    return $createBlockListItemNode().updateFromJSON(json);
  }

  protected override domShape() {
    return { tag: 'li' as const, className: 'gx-blocklist-item' };
  }

  override insertNewAfter(_selection: RangeSelection, restoreSelection = true) {
    const item = $createBlockListItemNode().append($createParagraphNode());
    this.insertAfter(item, restoreSelection);
    return item;
  }
}

// Core compiles without the DOM library; the element is only touched where one exists.
interface ElementLike {
  setAttribute(name: string, value: string): void;
  removeAttribute(name: string): void;
  className: string;
}
interface DocumentLike {
  createElement(tag: 'ol' | 'ul' | 'li'): ElementLike & ReturnType<ElementNode['createDOM']>;
}

function paintList(dom: ElementLike, start: number, loose: boolean): void {
  dom.className = loose ? 'gx-blocklist gx-blocklist-loose' : 'gx-blocklist';
  if (start !== 1) dom.setAttribute('start', String(start));
  else dom.removeAttribute('start');
}

/** Creates an empty block list; call inside an editor update and append items. */
export function $createBlockListNode(
  listType: BlockListType = 'bullet',
  start = 1,
  loose = false,
): BlockListNode {
  return $applyNodeReplacement(new BlockListNode(listType, start, loose));
}

/** True when `node` is a block list. */
export function $isBlockListNode(node: LexicalNode | null | undefined): node is BlockListNode {
  return node instanceof BlockListNode;
}

/** Creates an empty block list item; call inside an editor update and append blocks. */
export function $createBlockListItemNode(): BlockListItemNode {
  return $applyNodeReplacement(new BlockListItemNode());
}

/** True when `node` is a block list item. */
export function $isBlockListItemNode(
  node: LexicalNode | null | undefined,
): node is BlockListItemNode {
  return node instanceof BlockListItemNode;
}
