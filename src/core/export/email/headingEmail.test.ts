import { describe, expect, it } from 'vitest';
import { el, text } from '../../../../test/helpers/bodyNodes.ts';
import { restoreEdition } from '../../model/restoreEdition.ts';
import { defaultProfile } from '../shared/profile.ts';
import { renderTextWithWarnings } from '../text/renderText.ts';
import { renderWebPage } from '../web/renderWebPage.ts';
import { checkEmailRules } from './emailRules.testkit.ts';
import { renderEmail } from './renderEmail.ts';

const LEVELS = [1, 2, 3, 4, 5, 6] as const;

// One section whose body holds a heading of every level, each followed by a paragraph.
const edition = restoreEdition({
  title: 'Headings',
  subject: 'Every level',
  preheader: 'h1 to h6',
  sections: [
    {
      id: 's1',
      kind: 'story',
      title: 'The section title',
      body: {
        root: el(
          'root',
          LEVELS.flatMap((level) => [
            el('heading', [text(`Level ${level} heading`)], { tag: `h${level}` }),
            el('paragraph', [text(`Body under level ${level}.`)]),
          ]),
        ),
      },
    },
  ],
});

describe('body headings of every level', () => {
  const profile = defaultProfile();
  const { html, warnings } = renderEmail(edition, profile);
  const plain = renderTextWithWarnings(edition, profile);

  it('render in email as h1 to h6, on a size scale that falls with the level', () => {
    expect(warnings).toEqual([]);
    const sizes = LEVELS.map((level) => {
      const match = new RegExp(
        `<h${level} style="[^"]*font-size:(\\d+)px[^"]*" class="gx-text">Level ${level} heading</h${level}>`,
      ).exec(html);
      expect(match, `h${level}`).not.toBeNull();
      return Number(match![1]);
    });
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
    expect(new Set(sizes).size).toBe(LEVELS.length);
    // Nothing a phone would enlarge or a reader would squint at.
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(14);
  });

  it('meet every email rule, light and dark (gx-text takes the dark text colour)', () => {
    const violations = [...checkEmailRules(html, plain.text, edition)].filter(
      ([, found]) => found.length > 0,
    );
    expect(violations).toEqual([]);
    expect(html).toMatch(/@media \(prefers-color-scheme:dark\)\{[^@]*\.gx-text\{color:#/);
    expect(html).toContain('[data-ogsc] .gx-text{color:#');
  });

  it('are marked with one # per level in plain text', () => {
    expect(plain.warnings).toEqual([]);
    for (const level of LEVELS)
      expect(plain.text).toMatch(new RegExp(`^${'#'.repeat(level)} Level ${level} heading$`, 'm'));
  });

  it('keep their level on the web archive page', () => {
    const { html: page } = renderWebPage(edition, profile);
    for (const level of LEVELS)
      expect(page).toMatch(new RegExp(`<h${level}[^>]*>Level ${level} heading</h${level}>`));
  });
});
