import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { bundleEntries, zipBundle } from './bundleZip.ts';

const CONTENTS = {
  email: '<!DOCTYPE html><html><body>Hello — “world”</body></html>',
  markdown: '# Hello\n\nÉdition 12 📰\n',
  text: 'Hello\n\nEdition 12\n',
};

describe('bundleEntries', () => {
  it('puts the three renderings in one folder named after the slug', () => {
    expect(bundleEntries('spring-issue', CONTENTS)).toEqual({
      'spring-issue/email.html': CONTENTS.email,
      'spring-issue/edition.md': CONTENTS.markdown,
      'spring-issue/edition.txt': CONTENTS.text,
    });
  });
});

describe('zipBundle', () => {
  it('names the zip after the title and round-trips every file as UTF-8', () => {
    const { fileName, bytes } = zipBundle('Spring Issue #3', CONTENTS, new Date(2025, 2, 1));
    expect(fileName).toBe('spring-issue-3.zip');
    const files = unzipSync(bytes);
    expect(Object.keys(files).sort()).toEqual([
      'spring-issue-3/edition.md',
      'spring-issue-3/edition.txt',
      'spring-issue-3/email.html',
    ]);
    expect(strFromU8(files['spring-issue-3/email.html']!)).toBe(CONTENTS.email);
    expect(strFromU8(files['spring-issue-3/edition.md']!)).toBe(CONTENTS.markdown);
    expect(strFromU8(files['spring-issue-3/edition.txt']!)).toBe(CONTENTS.text);
  });

  it('starts with the zip signature', () => {
    const { bytes } = zipBundle('x', CONTENTS);
    expect([...bytes.slice(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
  });

  it('falls back to "edition" for a title without letters', () => {
    expect(zipBundle('🚀', CONTENTS).fileName).toBe('edition.zip');
  });
});
