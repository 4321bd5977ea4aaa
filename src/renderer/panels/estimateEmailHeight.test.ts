import { describe, expect, it } from 'vitest';
import { estimateEmailHeight } from './estimateEmailHeight.ts';

const email = (body: string, head = '') =>
  `<!DOCTYPE html><html><head><title>x</title>${head}</head><body>${body}</body></html>`;
const paragraphs = (n: number) => '<p>word word word word word word word word</p>'.repeat(n);

describe('estimateEmailHeight', () => {
  it('grows with the text', () => {
    expect(estimateEmailHeight(email(paragraphs(40)), 600)).toBeGreaterThan(
      estimateEmailHeight(email(paragraphs(4)), 600),
    );
  });

  it('is taller on a phone than on a desktop', () => {
    const long = email(`<p>${'a sentence that goes on '.repeat(200)}</p>`);
    expect(estimateEmailHeight(long, 375)).toBeGreaterThan(estimateEmailHeight(long, 600));
  });

  it('ignores the head, styles and comments', () => {
    const plain = estimateEmailHeight(email(paragraphs(3)), 600);
    const styled = email(
      `<!-- ${'comment '.repeat(500)} -->${paragraphs(3)}`,
      `<style>${'.gx-a{color:red}'.repeat(500)}</style>`,
    );
    expect(estimateEmailHeight(styled, 600)).toBe(plain);
  });

  it('adds the declared height of images', () => {
    const withImage = email(`${paragraphs(3)}<img src="x.png" width="536" height="300" alt="">`);
    expect(
      estimateEmailHeight(withImage, 600) - estimateEmailHeight(email(paragraphs(3)), 600),
    ).toBeGreaterThanOrEqual(300);
  });
});
