import { describe, expect, it } from 'vitest';
import { parseRecipients } from './parseRecipients.ts';

describe('the recipients of a test send', () => {
  it('takes addresses however they are separated, each once', () => {
    expect(
      parseRecipients(' ada@example.org, grace@example.org;ada@example.org\nlin@example.org '),
    ).toEqual({
      addresses: ['ada@example.org', 'grace@example.org', 'lin@example.org'],
      invalid: [],
    });
  });

  it('names what is not an address, header tricks included', () => {
    expect(parseRecipients('ada@example.org, grace, <x@y.z>, a@b')).toEqual({
      addresses: ['ada@example.org'],
      invalid: ['grace', '<x@y.z>', 'a@b'],
    });
    expect(parseRecipients('   ')).toEqual({ addresses: [], invalid: [] });
  });
});
