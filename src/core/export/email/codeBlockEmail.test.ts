import { fromHtml } from 'hast-util-from-html';
import { describe, expect, it } from 'vitest';
import { CODE_SAMPLES, codeBlockNode } from '../../../../test/helpers/codeBlockNodes.ts';
import { el, para, text } from '../../../../test/helpers/bodyNodes.ts';
import { restoreEdition } from '../../model/restoreEdition.ts';
import type { Edition, SerializedBodyNode } from '../../model/types.ts';
import { CODE_TOKEN_COLORS, CODE_TOKEN_KINDS } from '../shared/codeHighlight.ts';
import { defaultProfile } from '../shared/profile.ts';
import { renderText } from '../text/renderText.ts';
import { expandTabs } from './codeBlockEmail.ts';
import { TOKEN_CLASS } from './codeBlockStyles.ts';
import { contrastRatio, cssRules, declarations, parseEmail } from './emailDom.testkit.ts';
import { EMAIL_RULES } from './emailRules.testkit.ts';
import { paletteFor } from './palette.ts';
import { renderEmail } from './renderEmail.ts';

function editionWith(blocks: SerializedBodyNode[]): Edition {
  return restoreEdition({
    title: 'Code edition',
    subject: 'Code',
    preheader: 'Snippets',
    sections: [{ id: 's1', kind: 'story', title: 'Snippets', body: { root: el('root', blocks) } }],
  });
}

// One highlighted line far past every limit: 400 tokens, about 20 KB of markup.
const LONG_LINE = Array.from({ length: 200 }, (_, i) => `f${i}("s${i}");`).join(' ');

const codeEdition = () =>
  editionWith([
    para(text('Before the code.')),
    ...CODE_SAMPLES.map((s) => codeBlockNode(s.code, s.language)),
    codeBlockNode(LONG_LINE, 'js'),
    para(text('After the code.')),
  ]);

type HastNode = ReturnType<typeof fromHtml> | ReturnType<typeof fromHtml>['children'][number];

// The text a node shows: its text nodes in order (comments are not text).
function textOf(node: HastNode): string {
  if (node.type === 'text') return node.value;
  return 'children' in node ? node.children.map((c) => textOf(c as HastNode)).join('') : '';
}

/** The text each `<pre>` shows, as a browser would read it. */
function preTexts(html: string): string[] {
  const out: string[] = [];
  const walk = (node: HastNode): void => {
    if (node.type === 'element' && node.tagName === 'pre') out.push(textOf(node));
    else if ('children' in node) for (const child of node.children) walk(child as HastNode);
  };
  walk(fromHtml(html));
  return out;
}

describe('code block in email', () => {
  const edition = codeEdition();
  const profile = defaultProfile();
  const { html, warnings } = renderEmail(edition, profile);
  const email = parseEmail(html, renderText(edition, profile), edition);

  it.each(EMAIL_RULES)('meets rule $id ($name) with code blocks', (rule) => {
    expect(warnings).toEqual([]);
    expect(rule.check(email)).toEqual([]);
  });

  it('shows exactly the code: no newline from line wrapping lands in a <pre>', () => {
    const codes = [...CODE_SAMPLES.map((s) => expandTabs(s.code)), LONG_LINE];
    // A browser drops nothing here: <code> comes first inside <pre>, spaces stay (tabs are
    // expanded to stops of four, as preflight counts them).
    expect(expandTabs('a\tb\n\tc\n日\tx')).toBe('a   b\n    c\n日  x');
    expect(preTexts(html)).toEqual(codes);
    expect(html.split('\n').every((line) => Buffer.byteLength(line) <= 998)).toBe(true);
  });

  it('colours tokens inline from the light palette, readable on the light code background', () => {
    const light = paletteFor(profile).light;
    const spans = [...html.matchAll(/<span class="(gx-tk\w)" style="color:(#[0-9a-f]{6})">/g)];
    expect(new Set(spans.map((m) => m[1])).size).toBeGreaterThanOrEqual(6);
    for (const [, cls, color] of spans) {
      const kind = CODE_TOKEN_KINDS.find((k) => TOKEN_CLASS[k] === cls)!;
      expect(color).toBe(CODE_TOKEN_COLORS.light[kind]);
      expect(contrastRatio(color!, light.code)).toBeGreaterThanOrEqual(4.5);
    }
    expect(html).toMatch(/font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace/);
    expect(html).not.toMatch(/@font-face|fonts\.googleapis|<link/);
  });

  it('recolours every token kind in dark mode (prefers-color-scheme and Outlook.com), readable on dark code', () => {
    const dark = paletteFor(profile).dark;
    const media = cssRules(email.headCss).find(([p]) => /prefers-color-scheme:dark/.test(p));
    const rules = new Map(cssRules(media![1]));
    for (const kind of CODE_TOKEN_KINDS) {
      const body = rules.get(`.${TOKEN_CLASS[kind]}`);
      expect(body, kind).toBeDefined();
      const color = declarations(body!)
        .find(([p]) => p === 'color')![1]
        .replace(' !important', '');
      expect(contrastRatio(color, dark.code)).toBeGreaterThanOrEqual(4.5);
      expect(email.headCss).toContain(
        `[data-ogsc] .${TOKEN_CLASS[kind]}{color:${color} !important}`,
      );
    }
    // The block's background and plain text follow the existing gx-code dark rule.
    expect(rules.get('.gx-code')).toMatch(/background-color/);
    expect(html).toMatch(/<pre class="gx-pre gx-code"/);
  });

  it('scrolls long lines in web clients and wraps them in Outlook', () => {
    expect(html).toMatch(
      /table-layout:fixed;width:100%[^>]*>[\s\S]*?<div style="overflow-x:auto;width:100%"><pre /,
    );
    expect(html).toMatch(/<pre [^>]*white-space:pre;/);
    // The Outlook-only head style switches the block to pre-wrap.
    const mso = email.comments.find((c) => c.startsWith('[if mso]><noscript>'))!;
    expect(mso).toMatch(
      /\.gx-pre\{white-space:pre-wrap !important;word-wrap:break-word !important/,
    );
  });

  it('keeps the head style block small with code in the edition', () => {
    expect(Buffer.byteLength(email.headCss)).toBeLessThan(4096);
  });

  it('escapes code that looks like markup: nothing in a code block runs or closes the block', () => {
    const hostile =
      '</code></pre><script>alert(1)</script><!--[if mso]><img src=x onerror=alert(1)>';
    const out = renderEmail(editionWith([codeBlockNode(hostile, 'html')]), profile).html;
    expect(out).not.toMatch(/<script|<img src=x|<!--\[if mso\]><img/);
    expect(preTexts(out)).toEqual([hostile]);
  });

  it('renders an empty code block as nothing, and code in an RTL publication left to right', () => {
    const empty = renderEmail(editionWith([codeBlockNode('', 'ts')]), profile).html;
    expect(empty).not.toContain('<pre');
    const rtl = renderEmail(editionWith([codeBlockNode('x = 1', 'python')]), {
      ...profile,
      dir: 'rtl',
    }).html;
    expect(rtl).toMatch(/<pre class="gx-pre gx-code" dir="ltr"/);
  });
});
