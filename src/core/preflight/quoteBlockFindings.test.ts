import { describe, expect, it } from 'vitest';
import { el, para, text } from '../../../test/helpers/bodyNodes.ts';
import { defaultProfile } from '../export/shared/profile.ts';
import { restoreEdition } from '../model/restoreEdition.ts';
import { bodyFindings } from './bodyFindings.ts';

describe('preflight inside a quote container', () => {
  it('checks links and images in its blocks, nested quotes too, with their paths', () => {
    const edition = restoreEdition({
      title: 'T',
      sections: [
        {
          id: 's1',
          kind: 'story',
          title: 'Quotes',
          body: {
            root: el('root', [
              para(text('before')),
              el('quoteblock', [
                para(text('fine')),
                el('quoteblock', [
                  para(
                    el('link', [text('old link')], {
                      url: 'http://insecure.example.com/',
                      rel: 'noreferrer',
                      target: null,
                      title: null,
                    }),
                  ),
                  {
                    type: 'image',
                    version: 1,
                    src: 'https://e.com/a.png',
                    alt: '',
                    width: null,
                    caption: '',
                  },
                ]),
              ]),
            ]),
          },
        },
      ],
    });
    const findings = bodyFindings(edition.sections[0]!, defaultProfile());
    expect(findings.map((f) => [f.code, f.nodePath])).toEqual(
      expect.arrayContaining([
        [expect.stringMatching(/http|insecure/), [1, 1, 0, 0]],
        ['image-missing-alt', [1, 1, 1]],
      ]),
    );
  });
});
