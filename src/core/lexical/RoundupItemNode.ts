import { domOf } from './dom.ts';
import {
  $applyNodeReplacement,
  ElementNode,
  type LexicalNode,
  type LexicalUpdateJSON,
  type NodeKey,
  type RangeSelection,
  type SerializedElementNode,
  type Spread,
  setDOMUnmanaged,
} from 'lexical';

export type SerializedRoundupItemNode = Spread<
  { title: string; url: string; source: string; emoji: string },
  SerializedElementNode
>;

/** The fields of a roundup item beside its blurb. */
export interface RoundupItemFields {
  title: string;
  url: string;
  source: string;
  emoji: string;
}

type ElementDom = Parameters<ElementNode['getDOMSlot']>[0];
type SlotOf = ReturnType<ElementNode['getDOMSlot']>;

/** Class names the renderer finds an item's parts by (fields form, blurb). */
export const ROUNDUP_ITEM_CLASS = {
  item: 'ge-roundup-item',
  fields: 'ge-roundup-fields',
  blurb: 'ge-roundup-blurb',
} as const;

/**
 * One item of a link roundup section: a title, URL, source name and optional emoji as
 * node properties, and its one-line blurb as inline children (text, links, formats).
 *
 * The items are nodes of the section's body rather than fields of the section's Y.Map:
 * @lexical/yjs syncs node properties and children through the body doc, so an item's
 * blurb co-edits character by character like any other text, undo covers items with the
 * rest of the body, a reorder is a move of nodes, and the edition doc keeps only the
 * section's kind and title. A third-party Yjs client reads them as XmlText elements of
 * type `roundupitem` with `__title`, `__url`, `__source`, `__emoji` attributes.
 */
export class RoundupItemNode extends ElementNode {
  __title: string;
  __url: string;
  __source: string;
  __emoji: string;

  static override getType(): string {
    return 'roundupitem';
  }

  static override clone(node: RoundupItemNode): RoundupItemNode {
    return new RoundupItemNode(
      { title: node.__title, url: node.__url, source: node.__source, emoji: node.__emoji },
      node.__key,
    );
  }

  static override importJSON(json: SerializedRoundupItemNode): RoundupItemNode {
    return $createRoundupItemNode().updateFromJSON(json);
  }

  constructor(fields: Partial<RoundupItemFields> = {}, key?: NodeKey) {
    super(key);
    this.__title = fields.title ?? '';
    this.__url = fields.url ?? '';
    this.__source = fields.source ?? '';
    this.__emoji = fields.emoji ?? '';
  }

  override updateFromJSON(json: LexicalUpdateJSON<SerializedRoundupItemNode>): this {
    return super.updateFromJSON(json).setFields({
      title: json.title,
      url: json.url,
      source: json.source,
      emoji: json.emoji,
    });
  }

  override exportJSON(): SerializedRoundupItemNode {
    return { ...super.exportJSON(), ...this.getFields() };
  }

  // A fields slot (filled by the renderer's form) above the blurb, where the children go.
  override createDOM(): ElementDom {
    const doc = domOf();
    const item = doc.createElement('div');
    item.className = ROUNDUP_ITEM_CLASS.item;
    const fields = doc.createElement('div');
    fields.className = ROUNDUP_ITEM_CLASS.fields;
    fields.setAttribute('contenteditable', 'false');
    // The renderer fills it with a form: Lexical must neither evict that DOM nor move the
    // caret out of its inputs.
    setDOMUnmanaged(fields, { captureSelection: true });
    const blurb = doc.createElement('div');
    blurb.className = ROUNDUP_ITEM_CLASS.blurb;
    item.append(fields, blurb);
    return item;
  }

  override getDOMSlot(element: ElementDom): SlotOf {
    const blurb = element.querySelector(`.${ROUNDUP_ITEM_CLASS.blurb}`);
    const slot = super.getDOMSlot(element);
    return blurb ? slot.withElement(blurb as ElementDom) : slot;
  }

  override updateDOM(): false {
    return false;
  }

  override isInline(): false {
    return false;
  }

  override canBeEmpty(): true {
    return true;
  }

  override canIndent(): false {
    return false;
  }

  /** Enter in a blurb starts the next item; the blurb is one line. */
  override insertNewAfter(_selection: RangeSelection, restoreSelection = true): RoundupItemNode {
    const next = $createRoundupItemNode();
    this.insertAfter(next, restoreSelection);
    return next;
  }

  /**
   * Backspace at the start of a blurb does nothing: merging the blurb into the item
   * before would silently drop this item's title and link. Items are removed with their
   * delete button.
   */
  override collapseAtStart(): true {
    return true;
  }

  getFields(): RoundupItemFields {
    const self = this.getLatest();
    return { title: self.__title, url: self.__url, source: self.__source, emoji: self.__emoji };
  }

  /** Sets some fields; unchanged values are not written (no needless Yjs updates). */
  setFields(patch: Partial<RoundupItemFields>): this {
    const current = this.getFields();
    const changed = (Object.keys(patch) as Array<keyof RoundupItemFields>).filter(
      (key) => patch[key] !== undefined && patch[key] !== current[key],
    );
    if (changed.length === 0) return this;
    const self = this.getWritable();
    for (const key of changed) {
      const value = patch[key]!;
      if (key === 'title') self.__title = value;
      else if (key === 'url') self.__url = value;
      else if (key === 'source') self.__source = value;
      else self.__emoji = value;
    }
    return self;
  }
}

/** Creates a roundup item; call inside an editor update. */
export function $createRoundupItemNode(fields: Partial<RoundupItemFields> = {}): RoundupItemNode {
  return $applyNodeReplacement(new RoundupItemNode(fields));
}

/** True when `node` is a roundup item. */
export function $isRoundupItemNode(node: LexicalNode | null | undefined): node is RoundupItemNode {
  return node instanceof RoundupItemNode;
}
