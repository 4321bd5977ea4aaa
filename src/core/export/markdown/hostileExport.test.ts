import { Parser, HtmlRenderer } from 'commonmark';
import { describe, expect, it } from 'vitest';
import { hostileEdition, HOSTILE_TEXT } from '../../../../test/fixtures/export/hostile.ts';
import { restoreEdition } from '../../model/restoreEdition.ts';
import { parseGalleyMarkdown } from '../../import/index.ts';
import { renderMarkdown } from './renderMarkdown.ts';

describe('Markdown export of hostile content', () => {
  const edition = restoreEdition(hostileEdition());
  const markdown = renderMarkdown(edition);
  const html = new HtmlRenderer({ safe: false }).render(new Parser().parse(markdown));

  it('renders no markup, script URL or style from the payloads', () => {
    // Comments (Galley's markers) and quoted attribute values are inert: look at tags alone.
    const tags = html.replace(/<!--[\s\S]*?-->/g, '').replace(/"[^"]*"/g, '""');
    expect(tags).not.toMatch(/<[^>]*\son[a-z]+\s*=/i);
    expect(html).not.toMatch(/<(script|iframe|form|input|svg|object|embed|style|link)\b/i);
    expect(html).not.toMatch(/(href|src)="\s*(javascript|data|vbscript):/i);
    for (const match of html.matchAll(/<([a-z]+)\b/gi)) {
      expect([
        'p',
        'h2',
        'h3',
        'h4',
        'strong',
        'em',
        'del',
        'code',
        'a',
        'img',
        'ul',
        'ol',
        'li',
        'blockquote',
        'hr',
        'br',
        'ins',
        'input',
      ]).toContain(match[1]!.toLowerCase());
    }
  });

  it('keeps every text payload as the same text through export and import', () => {
    const result = parseGalleyMarkdown(markdown);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const strip = (e: typeof edition) => ({
      ...e,
      id: '',
      sections: e.sections.map((s) => ({ ...s, id: '' })),
    });
    expect(strip(result.edition)).toEqual(strip(edition));
    expect(HOSTILE_TEXT.length).toBeGreaterThan(5);
  });
});
