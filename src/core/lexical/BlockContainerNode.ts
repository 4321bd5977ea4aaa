import { ElementNode } from 'lexical';
import { domOf, type CoreTag } from './dom.ts';

/**
 * An element that holds body blocks (paragraphs, lists, code...) rather than text: a quote
 * of several blocks, an item of a block list. Like a table cell it is a shadow root, so
 * select-all, Enter and block transforms stay inside it; it is never empty (restoreBody and
 * the editor's guards keep at least one block in it) and never indented as a whole.
 */
export abstract class BlockContainerNode extends ElementNode {
  /** The element and class the editor draws the container as. */
  protected abstract domShape(): { tag: CoreTag; className: string };

  override createDOM() {
    // Only reached with a DOM (the renderer).
    const { tag, className } = this.domShape();
    const dom = domOf().createElement(tag);
    dom.className = className;
    return dom;
  }

  override updateDOM(): boolean {
    return false;
  }

  override isShadowRoot(): boolean {
    return true;
  }

  override canBeEmpty(): false {
    return false;
  }

  override canIndent(): false {
    return false;
  }
}
