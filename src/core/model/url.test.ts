import { describe, expect, it } from 'vitest';
import { sanitizeBodyLinkUrl, sanitizeImageSrc, sanitizeLinkUrl } from './url.ts';

describe('sanitizeLinkUrl', () => {
  it.each([
    'https://example.com/a?b=1#c',
    'http://example.com',
    'mailto:editor@example.com',
    'tel:+15551234567',
    '{{unsubscribe_url}}',
    '*|UNSUB|*',
  ])('keeps %s', (url) => {
    expect(sanitizeLinkUrl(url)).toBe(url);
  });

  it.each([
    'javascript:alert(1)',
    'JAVASCRIPT:alert(1)',
    'java\tscript:alert(1)',
    ' javascript:alert(1)',
    'data:text/html;base64,PHNjcmlwdD4=',
    'vbscript:msgbox',
    'file:///etc/passwd',
    '/relative/path',
    'example.com',
    'https://',
    'https://exa mple.com',
    '',
    42,
    null,
  ])('refuses %s', (url) => {
    expect(sanitizeLinkUrl(url)).toBeNull();
  });
});

describe('sanitizeImageSrc', () => {
  it('accepts https and asset references, refuses the rest', () => {
    expect(sanitizeImageSrc('https://images.example.com/a.png')).toBe(
      'https://images.example.com/a.png',
    );
    expect(sanitizeImageSrc(`asset:${'a'.repeat(64)}`)).toBe(`asset:${'a'.repeat(64)}`);
    expect(sanitizeImageSrc('mailto:a@b.c')).toBeNull();
    expect(sanitizeImageSrc('data:image/png;base64,AAAA')).toBeNull();
    expect(sanitizeImageSrc('javascript:alert(1)')).toBeNull();
  });
});

describe('sanitizeBodyLinkUrl', () => {
  it.each([
    'https://example.com/a',
    '/about',
    'post.html',
    '../up',
    '#notes',
    '?page=2',
    '/föö',
    '',
  ])('keeps %s (absolute, or relative to the page it was written for)', (url) => {
    expect(sanitizeBodyLinkUrl(url)).toBe(url);
  });

  it.each([
    '//evil.example/x',
    '/\\evil.example/x',
    '\\\\evil.example',
    'javascript:alert(1)',
    'made-up:thing',
    'C:\\files',
    '/a b',
    '/a\tb',
    7,
  ])('refuses %s (another host, a scheme, whitespace)', (url) => {
    expect(sanitizeBodyLinkUrl(url)).toBeNull();
  });
});
