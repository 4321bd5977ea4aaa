import { describe, expect, it } from 'vitest';
import { utf8ByteLength } from '../../core/index.ts';
import { formatBytes } from './formatBytes.ts';

describe('utf8ByteLength', () => {
  it('counts encoded bytes, not characters', () => {
    expect(utf8ByteLength('abc')).toBe(3);
    expect(utf8ByteLength('é')).toBe(2);
    expect(utf8ByteLength('€')).toBe(3);
    expect(utf8ByteLength('📰')).toBe(4);
  });

  it('agrees with TextEncoder on mixed text, lone surrogates included', () => {
    const samples = [
      '',
      'a\u007f\u0080\u07ff\u0800\uffff',
      'x📰y😀',
      '\ud800',
      'a\udc00b',
      '\ud83d!',
      'é€📰'.repeat(50),
    ];
    for (const text of samples)
      expect(utf8ByteLength(text), JSON.stringify(text)).toBe(
        new TextEncoder().encode(text).byteLength,
      );
  });
});

describe('formatBytes', () => {
  it('says bytes below a kilobyte', () => {
    expect(formatBytes(0)).toBe('0 bytes');
    expect(formatBytes(1)).toBe('1 byte');
    expect(formatBytes(999)).toBe('999 bytes');
  });

  it('uses 1 KB = 1,000 bytes like the Gmail limit', () => {
    expect(formatBytes(1000)).toBe('1 KB');
    expect(formatBytes(48_230)).toBe('48.2 KB');
    expect(formatBytes(102_000)).toBe('102 KB');
    expect(formatBytes(101_600)).toBe('102 KB');
    expect(formatBytes(1_250_000)).toBe('1.3 MB');
  });

  it('shows a dash for nonsense', () => {
    expect(formatBytes(-1)).toBe('—');
    expect(formatBytes(Number.NaN)).toBe('—');
  });
});
