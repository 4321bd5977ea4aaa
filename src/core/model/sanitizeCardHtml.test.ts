import * as commonmark from 'commonmark';
import { describe, expect, it } from 'vitest';
import { renderEmail } from '../export/email/renderEmail.ts';
import { renderMarkdown } from '../export/markdown/renderMarkdown.ts';
import { defaultProfile } from '../export/shared/profile.ts';
import { renderText } from '../export/text/renderText.ts';
import { parseGalleyMarkdown } from '../import/parseGalleyMarkdown.ts';
import { restoreBody } from './restoreBody.ts';
import { safeStyle, sanitizeCardHtml } from './sanitizeCardHtml.ts';
import { cardsEdition } from '../../../test/fixtures/cards/cardsEdition.ts';

/** Every way HTML is known to run script or load something, as an editor might paste it. */
const HOSTILE: Array<[string, string]> = [
  [
    'script',
    '<p>a</p><script>window.__pwned=1</script><SCRIPT SRC=https://evil.example/x.js></SCRIPT>',
  ],
  [
    'on* handlers',
    '<p onclick="x()" onmouseover=x() ONLOAD="x()" onfocus =x()>b</p><img src=https://a.example/i.png alt=i width=1 onerror="window.__pwned=1">',
  ],
  [
    'handler without quotes or spaces',
    '<div/onclick=alert(1)>c</div><a href=https://a.example/ onpointerenter=alert(1)>d</a>',
  ],
  [
    'javascript: href',
    '<a href="javascript:alert(1)">e</a><a href="JaVaScRiPt:alert(1)">f</a><a href=" javascript:alert(1)">g</a>',
  ],
  [
    'entity-encoded scheme',
    '<a href="jav&#x09;ascript:alert(1)">h</a><a href="jav&#9;ascript:alert(1)">i</a><a href="&#106;avascript:alert(1)">j</a><a href="javascript&colon;alert(1)">k</a>',
  ],
  [
    'data: and vbscript:',
    '<a href="data:text/html,<script>alert(1)</script>">l</a><img src="data:image/svg+xml,<svg onload=alert(1)>" alt=x><a href="vbscript:msgbox(1)">m</a>',
  ],
  [
    'srcset',
    '<img src="https://a.example/i.png" srcset="javascript:alert(1) 1x, data:x 2x" alt="n" width="10">',
  ],
  [
    'form, action, formaction',
    '<form action="javascript:alert(1)"><input name=a><button formaction="javascript:alert(1)">o</button><select><option>p</option></select><textarea>q</textarea></form>',
  ],
  ['xlink:href', '<svg><a xlink:href="javascript:alert(1)"><text>r</text></a></svg>'],
  [
    'style with remote @import',
    '<style>@import url(https://evil.example/x.css); p{color:#000000}</style><p>s</p>',
  ],
  [
    'expression() and behavior:',
    '<p style="width:expression(alert(1));color:#111111;behavior:url(x.htc);-moz-binding:url(https://e.example/x.xml#x)">t</p>',
  ],
  [
    'url(javascript:) in style',
    '<td style="background:url(javascript:alert(1))">u</td><p style="background-image:url(&quot;javascript:alert(1)&quot;)">v</p>',
  ],
  [
    'escaped expression in style',
    '<p style="width:e\\xpression(alert(1));x:exp/**/ression(alert(1))">w</p>',
  ],
  [
    'svg script and onload',
    '<svg onload="alert(1)"><script>alert(1)</script></svg><svg><animate onbegin=alert(1) attributeName=x></svg>',
  ],
  [
    'math',
    '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>',
  ],
  [
    'iframe srcdoc',
    '<iframe srcdoc="<script>parent.__pwned=1</script>"></iframe><iframe src="https://evil.example"></iframe>',
  ],
  [
    'object and embed',
    '<object data="https://evil.example/x.swf"></object><embed src="javascript:alert(1)"><applet code=x></applet>',
  ],
  ['meta refresh', '<meta http-equiv="refresh" content="0;url=javascript:alert(1)"><p>x</p>'],
  ['base href', '<base href="javascript:alert(1)//"><a href="/relative">y</a>'],
  ['link stylesheet', '<link rel="stylesheet" href="https://evil.example/x.css"><p>z</p>'],
  [
    'template and noscript',
    '<template><script>alert(1)</script></template><noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
  ],
  [
    'comments and conditionals',
    '<!--[if mso]><script>alert(1)</script><![endif]--><!--><img src=x onerror=alert(1)>-->',
  ],
  [
    'mixed case tags',
    '<ScRiPt>alert(1)</sCrIpT><IMG SRC="JAVASCRIPT:alert(1)" ALT=a><A HREF="VbScRiPt:x">aa</A>',
  ],
  [
    'srcdoc on other tags',
    '<div srcdoc="<script>alert(1)</script>" formaction="javascript:x" action="javascript:x">bb</div>',
  ],
];

/** Nothing in `output` could run script, load a document or leave the page's control. */
function expectInert(output: string): void {
  expect(output).not.toMatch(
    /<\s*(script|iframe|object|embed|applet|form|input|button|select|textarea|svg|math|style|meta|base|link|template|noscript)\b/i,
  );
  expect(output).not.toMatch(/\son[a-z]+\s*=/i);
  expect(output).not.toMatch(/javascript\s*:|vbscript\s*:|data\s*:[a-z]/i);
  expect(output).not.toMatch(
    /expression\s*\(|behavior\s*:|-moz-binding|@import|srcdoc|formaction|xlink:href|srcset/i,
  );
}

/** Markdown as a CommonMark renderer shows it: every real tag and attribute is inert. */
function expectInertMarkdown(markdown: string): void {
  const html = new commonmark.HtmlRenderer().render(new commonmark.Parser().parse(markdown));
  for (const [tag] of html.matchAll(/<[a-z][^>]*>/gi)) expectInert(tag);
}

describe('sanitizeCardHtml on a hostile corpus', () => {
  it.each(HOSTILE)(
    '%s: nothing executable remains, and sanitizing again changes nothing',
    (_, html) => {
      const clean = sanitizeCardHtml(html);
      expectInert(clean);
      expect(sanitizeCardHtml(clean)).toBe(clean);
    },
  );

  it('keeps what an email card is made of', () => {
    const html =
      '<table role="presentation" cellpadding="0" cellspacing="0" border="0" width="100%"><tbody><tr><td align="center" style="padding:8px;color:#112233"><a href="https://a.example/x?b=1&amp;c=2" target="_blank">Go</a> <img src="https://a.example/i.png" alt="I" width="100"></td></tr></tbody></table>';
    expect(sanitizeCardHtml(html)).toBe(html.replace('&amp;', '&#x26;'));
  });

  it('drops relative and script URLs but keeps the words', () => {
    expect(sanitizeCardHtml('<a href="/x">rel</a> <a href="mailto:a@b.example">mail</a>')).toBe(
      '<a>rel</a> <a href="mailto:a@b.example">mail</a>',
    );
  });

  it('keeps safe style declarations and drops the rest', () => {
    expect(
      safeStyle('color:#111111; width:expression(1); background:url(https://a.example/b.png)'),
    ).toBe('color:#111111;background:url(https://a.example/b.png)');
    expect(safeStyle('background:url(http://a.example/b.png);font-weight:700')).toBe(
      'font-weight:700',
    );
  });
});

describe('a hostile HTML card through every path', () => {
  const hostile = HOSTILE.map(([, html]) => ({ type: 'htmlcard', version: 1, html }));

  it('restoreBody sanitizes a card that skipped the editor (a file or a peer)', () => {
    const body = restoreBody({ root: { children: hostile } });
    for (const node of body.root.children)
      if (node.type === 'htmlcard') expectInert(String(node.html));
  });

  it('the email, the Markdown and the text hold nothing executable', () => {
    const edition = cardsEdition();
    // Straight into the section, as an edition that skipped restoreEdition would hold it.
    edition.sections[0]!.body.root.children.push(...hostile);
    const profile = defaultProfile();
    const { html } = renderEmail(edition, profile);
    // The email's own head is fixed markup; everything after <body> came from the model.
    expectInert(html.slice(html.indexOf('<body')));
    expect(html.match(/<style\b/g)?.length).toBe(2); // Outlook's (in a comment) and the head's
    expectInert(renderMarkdown(edition));
    expectInertMarkdown(renderMarkdown(edition));
    expectInert(renderText(edition, profile));
  });

  it('raw HTML in imported Markdown becomes a sanitized card, and its export stays inert', () => {
    const markdown = `# Edition\n\n## Story\n\n${HOSTILE.map(([, html]) => html).join('\n\n')}\n`;
    const result = parseGalleyMarkdown(markdown);
    if (!result.ok) throw new Error(result.error.message);
    const cards = result.edition.sections
      .flatMap((s) => s.body.root.children)
      .filter((n) => n.type === 'htmlcard');
    expect(cards.length).toBeGreaterThan(5);
    for (const card of cards) expectInert(String(card.html));
    expectInertMarkdown(renderMarkdown(result.edition));
  });
});
