import { describe, expect, it } from 'vitest';
import { forceDarkScheme } from './previewHtml.ts';

const EMAIL = [
  '<!DOCTYPE html><html lang="en"><head>',
  '<meta charset="utf-8"><meta name="color-scheme" content="light dark">',
  '<meta name="supported-color-schemes" content="light dark">',
  '<style>',
  '@media screen and (max-width:620px){.gx-pad{padding-left:20px !important}}',
  '@media (prefers-color-scheme:dark){.gx-page{background-color:#111 !important}}',
  '@media screen and ( prefers-color-scheme : DARK ){.gx-card{color:#eee !important}}',
  '@media (prefers-color-scheme: light){.gx-logo-dark{display:none}}',
  '</style></head><body class="gx-page"><p>(prefers-color-scheme: dark) in text</p></body></html>',
].join('\n');

describe('forceDarkScheme', () => {
  const dark = forceDarkScheme(EMAIL);

  it('makes every dark-scheme media query always true, in any spelling', () => {
    expect(dark).not.toMatch(/<style>[\s\S]*prefers-color-scheme\s*:\s*dark[\s\S]*<\/style>/i);
    expect(dark).toContain('@media (min-width: 0px){.gx-page{background-color:#111 !important}}');
    expect(dark).toContain('@media screen and (min-width: 0px){.gx-card{color:#eee !important}}');
  });

  it('makes light-scheme queries never true', () => {
    expect(dark).toContain('@media (max-width: 0px){.gx-logo-dark{display:none}}');
  });

  it('leaves other media queries alone', () => {
    expect(dark).toContain('@media screen and (max-width:620px){.gx-pad');
  });

  it('declares the document dark right after <head>, dropping the light-or-dark meta', () => {
    expect(dark).not.toContain('<meta name="color-scheme" content="light dark">');
    expect(dark).toMatch(
      /<head><meta name="color-scheme" content="dark"><style>:root\{color-scheme:dark\}/,
    );
  });

  it('prepends the declaration when there is no head', () => {
    expect(forceDarkScheme('<p>hi</p>')).toMatch(/^<meta name="color-scheme" content="dark">/);
  });

  it('leaves the body alone, even text that reads like a media query', () => {
    expect(dark).toContain('<body class="gx-page"><p>(prefers-color-scheme: dark) in text</p>');
  });
});
