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
import { restoreCalloutFields } from '../model/callout.ts';

export type SerializedCalloutNode = Spread<{ emoji: string; title: string }, SerializedElementNode>;

/**
 * A callout box (the TL;DR, "Why it matters"): an emoji and a title as node properties,
 * and rich text blocks (paragraphs, lists) as children. Its DOM shows the emoji and title
 * from data attributes (the editor edits them in a form), so the reconciler owns every
 * child of the element.
 */
export class CalloutNode extends ElementNode {
  __emoji: string;
  __title: string;

  static override getType(): string {
    return 'callout';
  }

  static override clone(node: CalloutNode): CalloutNode {
    return new CalloutNode(node.__emoji, node.__title, node.__key);
  }

  static override importJSON(json: SerializedCalloutNode): CalloutNode {
    return $createCalloutNode(json.emoji, json.title).updateFromJSON(json);
  }

  constructor(emoji = '', title = '', key?: NodeKey) {
    super(key);
    this.__emoji = emoji;
    this.__title = title;
  }

  override updateFromJSON(json: LexicalUpdateJSON<SerializedCalloutNode>): this {
    return super.updateFromJSON(json).setEmoji(json.emoji).setTitle(json.title);
  }

  override exportJSON(): SerializedCalloutNode {
    return { ...super.exportJSON(), emoji: this.getEmoji(), title: this.getTitle() };
  }

  override createDOM() {
    // Only reached with a DOM (the renderer).
    const dom = ($getDocument() as unknown as DocumentLike).createElement('aside');
    dom.className = 'gx-callout';
    paintHeader(dom, this.__emoji, this.__title);
    return dom;
  }

  override updateDOM(prev: CalloutNode, dom: unknown): boolean {
    if (prev.__emoji !== this.__emoji || prev.__title !== this.__title)
      paintHeader(dom as ElementLike, this.__emoji, this.__title);
    return false;
  }

  override isShadowRoot(): boolean {
    // Select-all and block transforms stay inside the box, as they do inside a table cell.
    return true;
  }

  override canBeEmpty(): false {
    return false;
  }

  override collapseAtStart(): boolean {
    // Backspace at the very start of an empty callout removes the box, keeping a paragraph.
    if (this.getTextContentSize() > 0) return false;
    const paragraph = $createParagraphNode();
    this.replace(paragraph);
    paragraph.select();
    return true;
  }

  override insertNewAfter(_selection: RangeSelection, restoreSelection = true) {
    const paragraph = $createParagraphNode();
    this.insertAfter(paragraph, restoreSelection);
    return paragraph;
  }

  getEmoji(): string {
    return this.getLatest().__emoji;
  }
  setEmoji(emoji: string): this {
    const self = this.getWritable();
    self.__emoji = restoreCalloutFields({ emoji }).emoji;
    return self;
  }
  getTitle(): string {
    return this.getLatest().__title;
  }
  setTitle(title: string): this {
    const self = this.getWritable();
    self.__title = restoreCalloutFields({ title }).title;
    return self;
  }
}

// Core compiles without the DOM library; the element is only touched where one exists.
interface ElementLike {
  setAttribute(name: string, value: string): void;
  className: string;
}
interface DocumentLike {
  createElement(tag: 'aside'): ElementLike & ReturnType<ElementNode['createDOM']>;
}

function paintHeader(dom: ElementLike, emoji: string, title: string): void {
  dom.setAttribute('data-emoji', emoji);
  dom.setAttribute('data-title', title);
}

/** Creates a callout holding one empty paragraph; call inside an editor update. */
export function $createCalloutNode(emoji = '', title = ''): CalloutNode {
  return $applyNodeReplacement(new CalloutNode(emoji, title));
}

/** True when `node` is a callout node. */
export function $isCalloutNode(node: LexicalNode | null | undefined): node is CalloutNode {
  return node instanceof CalloutNode;
}
