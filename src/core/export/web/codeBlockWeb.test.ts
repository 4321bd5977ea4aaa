import { describe, expect, it } from 'vitest';
import { codeBlockNode } from '../../../../test/helpers/codeBlockNodes.ts';
import { el } from '../../../../test/helpers/bodyNodes.ts';
import { restoreEdition } from '../../model/restoreEdition.ts';
import { defaultProfile } from '../shared/profile.ts';
import { renderWebPage } from './renderWebPage.ts';

describe('code block on the archive page', () => {
  const edition = restoreEdition({
    title: 'T',
    subject: 'S',
    preheader: 'P',
    sections: [
      {
        id: 's1',
        kind: 'story',
        title: 'Code',
        body: {
          root: el('root', [
            codeBlockNode('const a = "<b>";\n\treturn a;', 'ts'),
            codeBlockNode('', 'ts'),
          ]),
        },
      },
    ],
  });
  const { html, warnings } = renderWebPage(edition, defaultProfile());

  it('is a pre of escaped, classed tokens, left to right, with its language', () => {
    expect(warnings).toEqual([]);
    expect(html).toContain(
      '<pre class="code" dir="ltr" data-language="ts"><code><span class="tk-keyword">const</span> a = <span class="tk-string">"&lt;b>"</span>;\n\t<span class="tk-keyword">return</span> a;</code></pre>',
    );
    expect(html.match(/<pre/g)).toHaveLength(1);
  });

  it('colours the token classes in light and dark and scrolls long lines', () => {
    expect(html).toMatch(/pre\.code\{[^}]*overflow-x:auto/);
    expect(html).toContain('.tk-keyword{color:#c1121f}');
    expect(html).toMatch(
      /@media \(prefers-color-scheme:dark\)\{[^\n]*\.tk-keyword\{color:#ff7b72\}/,
    );
  });
});
