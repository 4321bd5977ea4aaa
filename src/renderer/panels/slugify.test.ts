import { describe, expect, it } from 'vitest';
import { slugify } from './slugify.ts';

describe('slugify', () => {
  it('lower-cases and joins words with single hyphens', () => {
    expect(slugify('The Weekly Galley #12: Spring  is here!')).toBe(
      'the-weekly-galley-12-spring-is-here',
    );
  });

  it('folds accents and keeps apostrophes inside words', () => {
    expect(slugify('Édition n° 12 — Editor’s note')).toBe('edition-n-12-editors-note');
    expect(slugify("Don't panic")).toBe('dont-panic');
  });

  it('falls back when nothing usable is left', () => {
    expect(slugify('')).toBe('edition');
    expect(slugify('   ')).toBe('edition');
    expect(slugify('📰✨')).toBe('edition');
    expect(slugify('日本語のニュース')).toBe('edition');
  });

  it('never yields path separators or dots', () => {
    const slug = slugify('../../etc/passwd .zip');
    expect(slug).toBe('etc-passwd-zip');
    expect(slug).not.toMatch(/[./\\]/);
  });

  it('cuts long titles at a word boundary, without a trailing hyphen', () => {
    const slug = slugify('word '.repeat(40));
    expect(slug.length).toBeLessThanOrEqual(60);
    expect(slug).toMatch(/^word(-word)*$/);
    expect(slugify('a'.repeat(80))).toBe('a'.repeat(60));
  });
});
