import { describe, expect, it } from 'vitest';
import { createTokenCheck, isOriginAllowed } from './auth.ts';

describe('createTokenCheck', () => {
  it('grants write or read access by token and nothing otherwise', () => {
    const check = createTokenCheck({ tokens: ['w1', 'w2'], readOnlyTokens: ['r1', 'w2'] });
    expect(check('w1')).toBe('write');
    expect(check('r1')).toBe('read');
    // Listed in both: the narrower access wins.
    expect(check('w2')).toBe('read');
    expect(check('w')).toBeNull();
    expect(check('')).toBeNull();
    expect(check(null)).toBeNull();
  });

  it('refuses an empty configured token', () => {
    expect(() => createTokenCheck({ tokens: [''] })).toThrow(/must not be empty/);
  });
});

describe('isOriginAllowed', () => {
  it('passes requests without Origin and listed origins only', () => {
    expect(isOriginAllowed(undefined, [])).toBe(true);
    expect(isOriginAllowed('http://a.test', ['http://a.test'])).toBe(true);
    expect(isOriginAllowed('http://b.test', ['http://a.test'])).toBe(false);
  });
});
