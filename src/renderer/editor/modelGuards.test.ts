import { $generateNodesFromSerializedNodes, $insertGeneratedNodes } from '@lexical/clipboard';
import { createHeadlessEditor } from '@lexical/headless';
import { withDOM } from '@lexical/headless/dom';
import { $generateNodesFromDOM } from '@lexical/html';
import {
  $createParagraphNode,
  $getRoot,
  $getSelection,
  type LexicalEditor,
  type SerializedLexicalNode,
} from 'lexical';
import { describe, expect, it } from 'vitest';
import { EDITOR_NODES, restoreBody, type SectionBody } from '../../core/index.ts';
import { EDITOR_HTML_CONFIG, MODEL_TEXT_FORMATS, registerModelGuards } from './modelGuards.ts';

type Loose = { type: string; [key: string]: unknown };

function guardedEditor(): LexicalEditor {
  const editor = createHeadlessEditor({
    namespace: 'galley-section',
    nodes: [...EDITOR_NODES],
    html: EDITOR_HTML_CONFIG,
    onError: (error) => {
      throw error;
    },
  });
  registerModelGuards(editor);
  return editor;
}

/** Pastes into an empty body the way rich-text paste does: DOM import, then insert. */
function pasteHtml(html: string): SectionBody {
  return withDOM(() => {
    const editor = guardedEditor();
    editor.update(
      () => {
        const paragraph = $createParagraphNode();
        $getRoot().clear().append(paragraph);
        paragraph.select();
        const dom = new DOMParser().parseFromString(html, 'text/html');
        $insertGeneratedNodes(editor, $generateNodesFromDOM(editor, dom), $getSelection()!);
      },
      { discrete: true },
    );
    return editor.getEditorState().toJSON() as unknown as SectionBody;
  });
}

/** Pastes a (possibly forged) Lexical clipboard payload. */
function pasteNodes(nodes: object[]): SectionBody {
  const editor = guardedEditor();
  editor.update(
    () => {
      const paragraph = $createParagraphNode();
      $getRoot().clear().append(paragraph);
      paragraph.select();
      const generated = $generateNodesFromSerializedNodes(nodes as SerializedLexicalNode[]);
      $insertGeneratedNodes(editor, generated, $getSelection()!);
    },
    { discrete: true },
  );
  return editor.getEditorState().toJSON() as unknown as SectionBody;
}

function all(body: SectionBody): Loose[] {
  const out: Loose[] = [];
  const walk = (node: Loose) => {
    out.push(node);
    for (const child of (node.children as Loose[] | undefined) ?? []) walk(child);
  };
  walk(body.root as unknown as Loose);
  return out;
}

const ofType = (body: SectionBody, type: string) => all(body).filter((n) => n.type === type);
const textOf = (body: SectionBody) =>
  ofType(body, 'text')
    .map((n) => n.text)
    .join('');

const HOSTILE = `
  <script>window.__pwned = 1</script>
  <style>p { color: red }</style>
  <h1 onclick="alert(1)">Big title</h1>
  <h2>Second</h2>
  <h5>Small</h5>
  <h6>Smaller</h6>
  <p style="color: red" onmouseover="alert(2)">Hello
    <a href="javascript:alert(3)" onclick="alert(3)">js link</a>,
    <a href="data:text/html,&lt;script&gt;alert(4)&lt;/script&gt;">data link</a>,
    <a href="java&#09;script:alert(5)">tab link</a>,
    <a href="not a url">bad link</a> and
    <a href=" https://example.com/ok " target="_blank">ok link</a>.</p>
  <iframe src="https://evil.example/frame" onload="alert(8)">frame fallback</iframe>
  <img src="javascript:alert(6)" onerror="alert(7)">
  <img src="data:image/png;base64,AAAA" alt="inline">
  <img src="/relative.png" alt="relative">
  <img src="https://example.com/pic.png" alt="A pic" width="300" onerror="alert(9)">
  <p>H<sub>2</sub>O, E=mc<sup>2</sup>, <mark>marked</mark>, <span style="font-weight: bold; color: red">bold</span></p>
  <object data="https://evil.example/x"></object><embed src="https://evil.example/y">
  <form action="javascript:alert(10)"><input value="typed"><button>Go</button></form>
  <svg><script>alert(11)</script><a href="javascript:alert(12)">svg link</a></svg>
`;

describe('registerModelGuards on pasted HTML', () => {
  const body = pasteHtml(HOSTILE);
  const json = JSON.stringify(body);

  it('keeps no script, handler, style or unsafe URL anywhere', () => {
    for (const bad of [
      'javascript',
      'data:',
      'alert',
      'onclick',
      'onerror',
      'onload',
      'onmouseover',
      '__pwned',
      'color',
      'evil.example',
      'relative.png',
    ]) {
      expect(json, bad).not.toContain(bad);
    }
    for (const node of ofType(body, 'text')) expect(node.style).toBe('');
  });

  it('keeps every heading level, as restoreBody does', () => {
    expect(ofType(body, 'heading').map((h) => h.tag)).toEqual(['h1', 'h2', 'h5', 'h6']);
    expect(textOf(body)).toContain('Big title');
  });

  it('unwraps links the model refuses but keeps their words', () => {
    expect(ofType(body, 'link').map((l) => l.url)).toEqual(['https://example.com/ok']);
    for (const words of ['js link', 'data link', 'tab link', 'bad link', 'ok link']) {
      expect(textOf(body)).toContain(words);
    }
  });

  it('keeps only https images, as top-level blocks with their alt and width', () => {
    const images = ofType(body, 'image');
    expect(images).toHaveLength(1);
    expect(images[0]).toMatchObject({
      src: 'https://example.com/pic.png',
      alt: 'A pic',
      width: 300,
    });
    expect(body.root.children.some((c) => c.type === 'image')).toBe(true);
  });

  it('strips subscript, superscript and highlight but keeps bold', () => {
    for (const node of ofType(body, 'text')) {
      expect((node.format as number) & ~MODEL_TEXT_FORMATS).toBe(0);
    }
    const bold = ofType(body, 'text').find((n) => n.text === 'bold');
    expect(bold?.format).toBe(1);
    expect(textOf(body)).toContain('H2O');
  });

  it('produces nothing restoreBody would have to repair', () => {
    expect(ofType(body, 'iframe')).toHaveLength(0);
    const allowed = new Set(['root', 'paragraph', 'text', 'linebreak', 'tab', 'heading']);
    for (const t of ['quote', 'list', 'listitem', 'link', 'horizontalrule', 'image', 'button'])
      allowed.add(t);
    for (const node of all(body)) expect(allowed.has(node.type), node.type).toBe(true);
    expect(restoreBody(body)).toEqual(body);
  });
});

describe('registerModelGuards on block decorators inside text', () => {
  it('lifts an image out of a paragraph, splitting it around the image', () => {
    const body = pasteHtml('<p>before <img src="https://example.com/a.png" alt="a"> after</p>');
    expect(body.root.children.map((c) => c.type)).toEqual(['paragraph', 'image', 'paragraph']);
    expect(textOf(body)).toContain('before');
    expect(textOf(body)).toContain('after');
  });

  it('leaves no empty paragraph behind an image that was alone in one', () => {
    const body = pasteHtml('<p><img src="https://example.com/a.png" alt="a"></p><p>next</p>');
    expect(body.root.children.map((c) => c.type)).toEqual(['image', 'paragraph']);
  });
});

describe('registerModelGuards on a forged Lexical clipboard payload', () => {
  const text = (t: string) => ({
    type: 'text',
    text: t,
    format: 0,
    detail: 0,
    mode: 'normal',
    style: 'color: red',
    version: 1,
  });
  const element = { direction: null, format: '', indent: 0, version: 1 };
  const body = pasteNodes([
    { type: 'heading', tag: 'h1', ...element, children: [text('Title')] },
    {
      type: 'paragraph',
      ...element,
      children: [
        { type: 'link', url: 'javascript:alert(1)', ...element, children: [text('click')] },
        {
          type: 'text',
          text: ' sub',
          format: 32,
          detail: 0,
          mode: 'normal',
          style: '',
          version: 1,
        },
      ],
    },
    { type: 'image', version: 1, src: 'javascript:alert(2)', alt: '', width: null, caption: '' },
    {
      type: 'image',
      version: 1,
      src: 'https://example.com/b.png',
      alt: 'b',
      width: 99999,
      caption: '',
    },
    { type: 'button', version: 1, label: 'Go', url: 'javascript:alert(3)' },
    {
      type: 'list',
      listType: 'check',
      start: 1,
      tag: 'ul',
      ...element,
      children: [
        { type: 'listitem', value: 1, checked: true, ...element, children: [text('todo')] },
      ],
    },
  ]);
  const json = JSON.stringify(body);

  it('repairs every node the model refuses', () => {
    expect(json).not.toContain('javascript');
    expect(json).not.toContain('color: red');
    expect(ofType(body, 'heading')[0]?.tag).toBe('h1');
    expect(ofType(body, 'link')).toHaveLength(0);
    expect(textOf(body)).toContain('click');
    expect(
      ofType(body, 'text').every((n) => ((n.format as number) & ~MODEL_TEXT_FORMATS) === 0),
    ).toBe(true);
    expect(ofType(body, 'image')).toEqual([
      expect.objectContaining({ src: 'https://example.com/b.png', width: 1200 }),
    ]);
    expect(ofType(body, 'button')).toEqual([expect.objectContaining({ label: 'Go', url: '' })]);
    expect(ofType(body, 'list')[0]?.listType).toBe('bullet');
    expect(ofType(body, 'listitem')[0]?.checked).toBeUndefined();
  });
});
