import { describe, expect, it } from 'vitest';
import { commentSegments } from './commentLinks.ts';

describe('commentSegments', () => {
  it('turns web and mail links into links, keeping the sentence around them', () => {
    expect(commentSegments('See https://example.com/a?b=1. Or mailto:ed@example.com')).toEqual([
      { text: 'See ' },
      { text: 'https://example.com/a?b=1', href: 'https://example.com/a?b=1' },
      { text: '. Or ' },
      { text: 'mailto:ed@example.com', href: 'mailto:ed@example.com' },
    ]);
  });

  it('leaves script URLs and markup as plain text', () => {
    const hostile = 'javascript:alert(1) <img src=x onerror=alert(1)> data:text/html,<b>';
    expect(commentSegments(hostile)).toEqual([{ text: hostile }]);
    expect(commentSegments('http://')).toEqual([{ text: 'http://' }]);
  });

  it('keeps plain text whole', () => {
    expect(commentSegments('')).toEqual([]);
    expect(commentSegments('just words')).toEqual([{ text: 'just words' }]);
  });
});
