import {
  $applyNodeReplacement,
  $createLineBreakNode,
  $createParagraphNode,
  $createTabNode,
  $createTextNode,
  $isLineBreakNode,
  ElementNode,
  type EditorConfig,
  type LexicalNode,
  type LexicalUpdateJSON,
  type NodeKey,
  type ParagraphNode,
  type RangeSelection,
  type SerializedElementNode,
  type Spread,
} from 'lexical';
import { normalizeCodeInfo, normalizeCodeLanguage } from '../model/codeLanguage.ts';
import { domOf } from './dom.ts';

/** `info` is present only when the block keeps an info string beyond its language. */
export type SerializedCodeBlockNode = Spread<
  { language: string; info?: string },
  SerializedElementNode
>;

/**
 * A block of code with a language: an element whose children are plain text runs, tabs
 * and line breaks, so two people typing in it merge character by character through
 * @lexical/yjs like any paragraph.
 *
 * Why not @lexical/code's CodeNode: its highlighting stores every token as a
 * CodeHighlightNode in the document. Under co-editing each client re-tokenizes after every
 * change and replaces nodes; in Yjs a replace is a delete plus an insert, so two clients
 * re-highlighting the same line at once duplicate or drop text. CodeNode also carries a
 * non-serialized `__isSyntaxHighlightSupported` that @lexical/yjs would sync as a property,
 * expects its CodeExtension, and claims `<div>` and `<table>` on paste. Here highlighting is
 * a view concern only (the renderer paints it with the CSS Highlight API from the same
 * lowlight tokens the email uses), so the document never changes because it was painted.
 *
 * `info` is the Markdown info string an imported block came with when it says more than
 * the language (`ts title="a.ts"`), kept so Markdown round trips; only Markdown writes it,
 * and picking another language drops it.
 */
export class CodeBlockNode extends ElementNode {
  __language: string;
  __info: string;

  static override getType(): string {
    return 'code-block';
  }

  static override clone(node: CodeBlockNode): CodeBlockNode {
    return new CodeBlockNode(node.__language, node.__key, node.__info);
  }

  static override importJSON(json: SerializedCodeBlockNode): CodeBlockNode {
    return $createCodeBlockNode(json.language).updateFromJSON(json);
  }

  constructor(language = '', key?: NodeKey, info = '') {
    super(key);
    this.__language = normalizeCodeLanguage(language);
    this.__info = normalizeCodeInfo(info, this.__language);
  }

  override updateFromJSON(json: LexicalUpdateJSON<SerializedCodeBlockNode>): this {
    return super.updateFromJSON(json).setLanguage(json.language).setInfo(json.info);
  }

  override exportJSON(): SerializedCodeBlockNode {
    const info = this.getInfo();
    return { ...super.exportJSON(), language: this.getLanguage(), ...(info ? { info } : {}) };
  }

  override createDOM(config: EditorConfig): HTMLElement {
    // A div styled `white-space: pre` by the theme class (core creates only divs; see dom.ts).
    const block = domOf().createElement('div');
    const className: unknown = config.theme.codeBlock;
    if (typeof className === 'string') block.className = className;
    block.setAttribute('spellcheck', 'false');
    block.setAttribute('data-language', this.__language);
    return block;
  }

  override updateDOM(prev: CodeBlockNode, dom: HTMLElement): boolean {
    if (prev.__language !== this.__language) dom.setAttribute('data-language', this.__language);
    return false;
  }

  /**
   * Enter inside code is a new line of code, not a new paragraph; Enter on a second empty
   * line at the very end leaves the block (those two empty lines go) for a paragraph after.
   */
  override insertNewAfter(selection: RangeSelection): ParagraphNode | null {
    const last = this.getLastChild();
    const { anchor } = selection;
    const atEnd =
      selection.isCollapsed() &&
      anchor.type === 'element' &&
      anchor.key === this.getKey() &&
      anchor.offset === this.getChildrenSize();
    if (atEnd && $isLineBreakNode(last) && $isLineBreakNode(last.getPreviousSibling())) {
      last.getPreviousSibling()?.remove();
      last.remove();
      const paragraph = $createParagraphNode();
      this.insertAfter(paragraph);
      return paragraph;
    }
    selection.insertNodes([$createLineBreakNode()]);
    return null;
  }

  override canIndent(): false {
    return false;
  }

  /** Backspace at the start of the block turns it back into a paragraph of its text. */
  override collapseAtStart(): boolean {
    const paragraph = $createParagraphNode();
    paragraph.append(...this.getChildren());
    this.replace(paragraph);
    paragraph.selectStart();
    return true;
  }

  override extractWithChild(): boolean {
    return true;
  }

  getLanguage(): string {
    return this.getLatest().__language;
  }

  /** Sets the language; an info string that named another language goes with it. */
  setLanguage(language: unknown): this {
    const self = this.getWritable();
    self.__language = normalizeCodeLanguage(language);
    self.__info = normalizeCodeInfo(self.__info, self.__language);
    return self;
  }

  /** The Markdown info string kept beside the language, or ''. */
  getInfo(): string {
    return this.getLatest().__info;
  }

  /** Sets the info string; one that does not start with the language is dropped. */
  setInfo(info: unknown): this {
    const self = this.getWritable();
    self.__info = normalizeCodeInfo(info, self.__language);
    return self;
  }

  /** The code as one string, line breaks as `\n`. */
  getCode(): string {
    return this.getTextContent();
  }
}

/** Creates a code block; call inside an editor update. */
export function $createCodeBlockNode(language: unknown = ''): CodeBlockNode {
  return $applyNodeReplacement(new CodeBlockNode(normalizeCodeLanguage(language)));
}

/** True when `node` is a code block. */
export function $isCodeBlockNode(node: LexicalNode | null | undefined): node is CodeBlockNode {
  return node instanceof CodeBlockNode;
}

/** The children a code block holds for `code`: text runs, tabs and line breaks. */
export function $codeChildren(code: string): LexicalNode[] {
  const out: LexicalNode[] = [];
  code.split('\n').forEach((line, index) => {
    if (index > 0) out.push($createLineBreakNode());
    line.split('\t').forEach((run, i) => {
      if (i > 0) out.push($createTabNode());
      if (run !== '') out.push($createTextNode(run));
    });
  });
  return out;
}

/** Turns a paragraph into a code block holding its text (the ``` shortcut, the toolbar). */
export function $paragraphToCodeBlock(paragraph: ParagraphNode, language = ''): CodeBlockNode {
  const code = $createCodeBlockNode(language);
  code.append(...$codeChildren(paragraph.getTextContent()));
  paragraph.replace(code);
  return code;
}
