import { describe, expect, it } from 'vitest';
import { fixtureEdition, sampleEdition } from '../../../test/fixtures/export/fixtures.ts';
import { fixtureProfile, sampleProfile } from '../../../test/fixtures/export/profiles.ts';
import { defaultProfile } from '../export/shared/profile.ts';
import { restoreEdition } from '../model/restoreEdition.ts';
import { editionWordCount } from '../model/text.ts';
import type { Finding } from './types.ts';
import { preflight } from './preflight.ts';

const t = (text: string) => ({ type: 'text', text });
const p = (...children: unknown[]) => ({ type: 'paragraph', children });
const link = (url: string) => ({ type: 'link', url, children: [t('words')] });
const body = (...blocks: unknown[]) => ({ root: { type: 'root', children: blocks } });
const profile = { ...sampleProfile };

function findings(edition: unknown, options = {}): Finding[] {
  return preflight(restoreEdition(edition), profile, options).findings;
}
const codes = (list: Finding[]) => list.map((f) => `${f.severity}:${f.code}`);
const base = { subject: 'S', preheader: 'P' };

describe('preflight', () => {
  it('the sample edition has no errors, only its example.com links as warnings', () => {
    const { findings: list } = preflight(sampleEdition(), sampleProfile);
    expect(list.filter((f) => f.severity === 'error')).toEqual([]);
    expect(new Set(list.map((f) => f.code))).toEqual(new Set(['link-placeholder']));
  });

  it('reports email size against 102 KB, warning from 90 KB', () => {
    const edition = { ...base, sections: [] };
    expect(codes(findings(edition, { emailHtml: 'x'.repeat(95_000) }))).toContain(
      'warning:email-large',
    );
    expect(codes(findings(edition, { emailHtml: 'é'.repeat(51_000) }))).toContain(
      'error:email-too-large',
    );
    expect(codes(findings(edition, { emailHtml: 'x'.repeat(1000) })).join()).not.toMatch(/email-/);
  });

  it('reports a missing subject and preheader and a preheader over 140 characters', () => {
    expect(codes(findings({ sections: [] }))).toEqual(
      expect.arrayContaining(['error:subject-missing', 'warning:preheader-missing']),
    );
    expect(codes(findings({ subject: 'S', preheader: 'x'.repeat(141), sections: [] }))).toContain(
      'warning:preheader-too-long',
    );
    expect(
      codes(findings({ subject: 'S', preheader: 'x'.repeat(140), sections: [] })),
    ).not.toContain('warning:preheader-too-long');
  });

  it('finds TK (case-sensitive, whole word) and TODO (any case) with their node paths', () => {
    const list = findings({
      ...base,
      sections: [
        { id: 'a', body: body(p(t('ok')), p(t('fix this TK later'))) },
        { id: 'b', title: 'todo: title', body: body(p(t('TKO and tk are fine'))) },
      ],
    });
    expect(list.filter((f) => f.code === 'marker-tk')).toEqual([
      expect.objectContaining({ severity: 'error', sectionId: 'a', nodePath: [1, 0] }),
    ]);
    expect(list.filter((f) => f.code === 'marker-todo')).toEqual([
      expect.objectContaining({ sectionId: 'b' }),
    ]);
  });

  it('classifies links: http warning, placeholders warning, local and TK errors, unusable errors', () => {
    const edition = restoreEdition({
      ...base,
      sections: [
        {
          id: 'a',
          body: body(
            p(
              link('http://real.org/x'),
              link('https://www.example.com/x'),
              link('https://localhost:3000/x'),
              link('https://real.org/TK'),
              link('tel:+15555550100'),
              link('mailto:ed@real.org'),
              link('https://real.org/fine'),
              // Kept by the model (Markdown from a web site), but no use in an email.
              link('/about'),
            ),
          ),
        },
      ],
    });
    // A link the model would not keep, set directly (an edition that skipped restoreEdition).
    edition.sections[0]!.body.root.children[0]!.children![6]!.url = 'ftp://real.org/file';
    const list = preflight(edition, profile).findings.filter((f) => f.sectionId === 'a');
    expect(list.map((f) => [f.severity, f.code, f.nodePath?.join('.')])).toEqual([
      ['error', 'link-local', '0.2'],
      ['error', 'link-unfinished', '0.3'],
      ['error', 'link-invalid', '0.6'],
      ['error', 'link-relative', '0.7'],
      ['warning', 'link-insecure', '0.0'],
      ['warning', 'link-placeholder', '0.1'],
      ['info', 'link-phone', '0.4'],
    ]);
  });

  it('checks images: missing alt (warning), http source (error)', () => {
    const list = findings({
      ...base,
      sections: [
        {
          id: 'a',
          body: body({ type: 'image', src: 'http://real.org/a.png', alt: '', width: 100 }),
        },
      ],
    });
    expect(codes(list)).toEqual(
      expect.arrayContaining(['error:image-insecure-src', 'warning:image-missing-alt']),
    );
    expect(list.find((f) => f.code === 'image-missing-alt')?.nodePath).toEqual([0]);
  });

  it('reports empty sections, sponsors without disclosure, polls with too few or too many options', () => {
    const list = findings({
      ...base,
      sections: [
        { id: 'empty', body: body(p()) },
        {
          id: 'sp',
          kind: 'sponsor',
          sponsor: 'Acme',
          url: 'https://acme.org',
          cta: 'Go',
          disclosure: ' ',
          body: body(p(t('Ad copy'))),
        },
        {
          id: 'few',
          kind: 'poll',
          question: 'Q?',
          options: ['Only one'],
          voteUrl: 'https://vote.org/p',
          body: body(p()),
        },
        {
          id: 'many',
          kind: 'poll',
          question: 'Q?',
          options: ['1', '2', '3', '4', '5', '6', '7'],
          voteUrl: 'https://vote.org/p',
          body: body(p()),
        },
      ],
    });
    const at = (id: string) => codes(list.filter((f) => f.sectionId === id));
    expect(at('empty')).toEqual(['warning:section-empty']);
    expect(at('sp')).toEqual(['error:sponsor-missing-disclosure']);
    expect(at('few')).toEqual(['error:poll-too-few-options']);
    expect(at('many')).toEqual(['warning:poll-too-many-options']);
  });

  it('sorts errors first, then warnings, then info', () => {
    const list = preflight(fixtureEdition(), fixtureProfile).findings;
    const ranks = list.map((f) => ({ error: 0, warning: 1, info: 2 })[f.severity]);
    expect(ranks).toEqual([...ranks].sort());
    expect(codes(list)).toContain('warning:image-missing-alt');
  });

  it('counts words and reading time (238 wpm) per section and in total', () => {
    const edition = sampleEdition();
    const { stats } = preflight(edition, defaultProfile());
    expect(stats.words).toBe(editionWordCount(edition));
    expect(stats.readingMinutes).toBe(Math.round((stats.words / 238) * 10) / 10);
    expect(stats.sections.map((s) => s.sectionId)).toEqual(edition.sections.map((s) => s.id));
    expect(stats.sections.reduce((n, s) => n + s.words, 0)).toBe(stats.words);
    const one = preflight(
      restoreEdition({
        sections: [{ id: 'x', title: 'Two words', body: body(p(t('and three more'))) }],
      }),
      defaultProfile(),
    ).stats;
    expect(one.sections).toEqual([{ sectionId: 'x', words: 5, readingMinutes: 0 }]);
  });
});
