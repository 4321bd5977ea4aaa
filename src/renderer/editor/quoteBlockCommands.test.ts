import {
  $createParagraphNode,
  $createRangeSelection,
  $createTextNode,
  $getRoot,
  $getSelection,
  $setSelection,
  $isTextNode,
  type ElementNode,
  type LexicalEditor,
  type LexicalNode,
  type TextNode,
} from 'lexical';
import { describe, expect, it } from 'vitest';
import {
  $createQuoteBlockNode,
  $createRoundupItemNode,
  createBodyEditor,
  MAX_QUOTE_DEPTH,
} from '../../core/index.ts';
import { registerQuoteBlockGuards } from './quoteBlockGuards.ts';
import {
  $leaveQuoteOnBackspace,
  $leaveQuoteOnEnter,
  $toggleQuoteBlock,
} from './quoteBlockCommands.ts';

type Shape = string | Shape[];

// The body's shape: a paragraph as its text, a quote container as an array of its blocks.
function shapeOf(editor: LexicalEditor): Shape[] {
  const walk = (node: { type: string; children?: unknown[] }): Shape =>
    node.type === 'quoteblock'
      ? (node.children as Array<typeof node>).map(walk)
      : ((node.children ?? []) as Array<{ text?: string }>).map((t) => t.text ?? '').join('');
  return editor
    .getEditorState()
    .toJSON()
    .root.children.map((c) => walk(c as never));
}

const p = (text: string) => $createParagraphNode().append(...(text ? [$createTextNode(text)] : []));

function select(anchor: LexicalNode, offset: number, focus = anchor, to = offset) {
  const selection = $createRangeSelection();
  const type = (n: LexicalNode) => ($isTextNode(n) ? 'text' : 'element');
  selection.anchor.set(anchor.getKey(), offset, type(anchor));
  selection.focus.set(focus.getKey(), to, type(focus));
  $setSelection(selection);
}

function run(editor: LexicalEditor, fn: () => void) {
  editor.update(fn, { discrete: true });
}

describe('the quote action on several blocks', () => {
  it('wraps the blocks a selection spans in one container, and unwraps it again', () => {
    const editor = createBodyEditor();
    run(editor, () => {
      const [a, b, c] = [p('one'), p('two'), p('three')];
      $getRoot().clear().append(a, b, c);
      select(a.getFirstChild()!, 1, b.getFirstChild()!, 2);
      expect($toggleQuoteBlock($getSelection())).toBe(true);
    });
    expect(shapeOf(editor)).toEqual([['one', 'two'], 'three']);
    run(editor, () => {
      const quote = $getRoot().getFirstChildOrThrow<ElementNode>();
      const first = quote.getFirstDescendant<TextNode>()!;
      select(first, 0);
      expect($toggleQuoteBlock($getSelection())).toBe(true);
    });
    expect(shapeOf(editor)).toEqual(['one', 'two', 'three']);
  });

  it('leaves a single block to the ordinary quote (a QuoteNode)', () => {
    const editor = createBodyEditor();
    run(editor, () => {
      const a = p('one');
      $getRoot().clear().append(a);
      select(a.getFirstChild()!, 0, a.getFirstChild()!, 3);
      expect($toggleQuoteBlock($getSelection())).toBe(false);
    });
    expect(shapeOf(editor)).toEqual(['one']);
  });
});

describe('keys that leave a quote container', () => {
  function container(editor: LexicalEditor, ...texts: string[]) {
    run(editor, () => {
      const quote = $createQuoteBlockNode().append(...texts.map(p));
      $getRoot().clear().append(quote, p('after'));
    });
  }

  it('Enter in an empty last paragraph moves it out, after the container', () => {
    const editor = createBodyEditor();
    container(editor, 'quoted', '');
    run(editor, () => {
      const last = $getRoot().getFirstChildOrThrow<ElementNode>().getLastChild()!;
      select(last, 0);
      expect($leaveQuoteOnEnter($getSelection())).toBe(true);
    });
    expect(shapeOf(editor)).toEqual([['quoted'], '', 'after']);
  });

  it('Enter elsewhere in the container is left to rich text', () => {
    const editor = createBodyEditor();
    container(editor, '', 'quoted');
    run(editor, () => {
      const first = $getRoot().getFirstChildOrThrow<ElementNode>().getFirstChild()!;
      select(first, 0);
      expect($leaveQuoteOnEnter($getSelection())).toBe(false);
    });
    expect(shapeOf(editor)).toEqual([['', 'quoted'], 'after']);
  });

  it('Backspace at the start of the first block moves it out; the last one takes the container', () => {
    const editor = createBodyEditor();
    container(editor, 'first', 'second');
    const backspaceAtStart = () =>
      run(editor, () => {
        const text = $getRoot().getFirstChildOrThrow<ElementNode>();
        const target = text.getType() === 'quoteblock' ? text : text.getNextSibling()!;
        select((target as ElementNode).getFirstDescendant<TextNode>()!, 0);
        expect($leaveQuoteOnBackspace($getSelection())).toBe(true);
      });
    backspaceAtStart();
    expect(shapeOf(editor)).toEqual(['first', ['second'], 'after']);
    backspaceAtStart();
    expect(shapeOf(editor)).toEqual(['first', 'second', 'after']);
  });

  it('Backspace after the first character is left to rich text', () => {
    const editor = createBodyEditor();
    container(editor, 'first');
    run(editor, () => {
      const quote = $getRoot().getFirstChildOrThrow<ElementNode>();
      select(quote.getFirstDescendant<TextNode>()!, 1);
      expect($leaveQuoteOnBackspace($getSelection())).toBe(false);
    });
    expect(shapeOf(editor)).toEqual([['first'], 'after']);
  });
});

describe('the quote container guards', () => {
  it('move a roundup item out after the quote and flatten quotes nested too deep', () => {
    const editor = createBodyEditor();
    registerQuoteBlockGuards(editor);
    run(editor, () => {
      let inner = $createQuoteBlockNode().append(p('deepest'));
      for (let i = 0; i < 5; i++)
        inner = $createQuoteBlockNode().append(p(`level ${5 - i}`), inner);
      const outer = $createQuoteBlockNode().append(
        p('kept'),
        $createRoundupItemNode().append($createTextNode('item')),
      );
      $getRoot().clear().append(outer, inner);
    });
    const root = editor.getEditorState().toJSON().root.children;
    expect(root.map((c) => c.type)).toEqual(['quoteblock', 'roundupitem', 'quoteblock']);
    const depth = (n: { type: string; children?: unknown[] }): number =>
      (n.type === 'quoteblock' ? 1 : 0) +
      Math.max(0, ...((n.children ?? []) as Array<typeof n>).map(depth));
    expect(depth(root[2] as never)).toBe(MAX_QUOTE_DEPTH);
    expect(JSON.stringify(root[2])).toContain('deepest');
  });

  it('give text that sits straight in a quote a paragraph', () => {
    const editor = createBodyEditor();
    registerQuoteBlockGuards(editor);
    run(editor, () => {
      $getRoot()
        .clear()
        .append($createQuoteBlockNode().append(p('kept'), $createTextNode('loose')));
    });
    expect(shapeOf(editor)).toEqual([['kept', 'loose']]);
  });
});
