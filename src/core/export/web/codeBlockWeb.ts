import type { Element, ElementContent } from 'hast';
import { h } from 'hastscript';
import type { CodeBlockFields } from '../shared/codeBlock.ts';
import { CODE_TOKEN_COLORS, CODE_TOKEN_KINDS, highlightCode } from '../shared/codeHighlight.ts';

/**
 * A code block on the archive page: `<pre><code>` with a class per token kind, coloured by
 * the page's style sheet (CODE_WEB_CSS) from the same palette as the email, and scrolling
 * sideways on a narrow screen.
 */
export function codeBlockWeb({ code, language }: CodeBlockFields): Element[] {
  if (code === '') return [];
  const content: ElementContent[] = [];
  highlightCode(code, language).forEach((line, index) => {
    if (index > 0) content.push({ type: 'text', value: '\n' });
    for (const token of line)
      content.push(
        token.kind === null
          ? { type: 'text', value: token.text }
          : h('span', { className: [`tk-${token.kind}`] }, [{ type: 'text', value: token.text }]),
      );
  });
  const props = language === '' ? {} : { dataLanguage: language };
  return [h('pre', { className: ['code'], dir: 'ltr', ...props }, [h('code', content)])];
}

const rules = (scheme: 'light' | 'dark') =>
  CODE_TOKEN_KINDS.map((kind) => `.tk-${kind}{color:${CODE_TOKEN_COLORS[scheme][kind]}}`).join('');

/** The archive style sheet's code block rules (light, then dark under the media query). */
export const CODE_WEB_CSS = `pre.code{background:var(--box);border-radius:6px;padding:.75rem 1rem;overflow-x:auto;margin:0 0 1.25rem;font-size:.85rem;line-height:1.5;tab-size:4}
pre.code code{background:none;padding:0;font-size:inherit}
${rules('light')}
@media (prefers-color-scheme:dark){${rules('dark')}}
`;
