import { describe, expect, it } from 'vitest';
import { encodeInvite, parseInvite, type Invite } from './invite.ts';

const TOKEN = 'q3Zr8m1Vx0Yk-_aB9cD2eF4gH6iJ7kL8mN0oP1qR2sT';

function encoded(invite: Invite): string {
  const result = encodeInvite(invite);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

function problem(link: unknown): string {
  const result = parseInvite(link);
  if (result.ok) throw new Error(`parsed ${String(link)} as ${JSON.stringify(result.value)}`);
  expect(result.error.code).toBe('invalid-invite');
  return result.error.message;
}

describe('invite links', () => {
  it.each([
    { url: 'ws://192.168.1.20:53211/sync', token: TOKEN },
    { url: 'wss://team.example.com/sync', token: 'short.token~1' },
    { url: 'ws://[fe80::1]:4800/sync', token: TOKEN },
    { url: 'ws://localhost:4800/sync', token: 'a' },
  ])('round-trips $url', (invite) => {
    const link = encoded(invite);
    expect(link.startsWith('galley://join?url=')).toBe(true);
    expect(parseInvite(link)).toEqual({ ok: true, value: invite });
  });

  it('escapes the hub address so the link has exactly two parameters', () => {
    expect(encoded({ url: 'ws://10.0.0.2:4800/sync', token: TOKEN })).toBe(
      `galley://join?url=ws%3A%2F%2F10.0.0.2%3A4800%2Fsync&token=${TOKEN}`,
    );
  });

  it('accepts an unescaped url, a trailing slash after join, and surrounding whitespace', () => {
    expect(parseInvite(`  galley://join/?url=ws://10.0.0.2:4800/sync&token=${TOKEN}\n`)).toEqual({
      ok: true,
      value: { url: 'ws://10.0.0.2:4800/sync', token: TOKEN },
    });
  });

  it.each<[string, unknown, RegExp]>([
    ['not text', 42, /not text/],
    ['empty', '  ', /empty/],
    ['a web address', 'https://evil.example/?next=galley://join?url=ws://x/sync&token=t', /https:/],
    ['script', 'javascript:alert(1)', /javascript:/],
    ['a file', 'file:///etc/passwd', /file:/],
    ['no scheme', 'join?url=ws://x/sync&token=t', /no scheme/],
    ['wrong host', `galley://leave?url=ws://x/sync&token=${TOKEN}`, /galley:\/\/join\?/],
    ['a host that only starts with join', `galley://joinx?url=ws://x/sync&token=t`, /join\?/],
    ['credentials before the host', `galley://evil@join?url=ws://x/sync&token=t`, /join\?/],
    ['no query', 'galley://join', /join\?/],
    ['url not ws', `galley://join?url=https://x/sync&token=${TOKEN}`, /ws:\/\/ or wss:\/\//],
    ['url without /sync', 'galley://join?url=ws://x&token=t', /ws:\/\/HOST:PORT\/sync/],
    ['url with a query', 'galley://join?url=ws://x/sync?a=1&token=t', /nothing after \/sync/],
    ['url with credentials', 'galley://join?url=ws://u:p@x/sync&token=t', /ws:\/\/HOST:PORT/],
    ['url with a bad port', 'galley://join?url=ws://x:99999/sync&token=t', /port/],
    ['url missing', `galley://join?token=${TOKEN}`, /url\) is missing/],
    ['token missing', 'galley://join?url=ws://x/sync', /token is missing/],
    ['token empty', 'galley://join?url=ws://x/sync&token=', /token is missing/],
    ['token too long', `galley://join?url=ws://x/sync&token=${'a'.repeat(501)}`, /longer than 500/],
    ['token with bad characters', 'galley://join?url=ws://x/sync&token=a%22b', /may hold only/],
    ['token with a space', 'galley://join?url=ws://x/sync&token=a%20b', /may hold only/],
    ['a bad escape', 'galley://join?url=ws://x/sync&token=%E0%A4%A', /not correctly escaped/],
    ['an extra parameter', 'galley://join?url=ws://x/sync&token=t&share=all', /unknown parameter/],
    ['a repeated parameter', 'galley://join?url=ws://x/sync&token=t&token=u', /more than one/],
    ['a fragment', 'galley://join?url=ws://x/sync&token=t#more', /fragment/],
    ['a bare word', 'galley://join?url=ws://x/sync&token=t&junk', /name=value/],
    ['a space inside', 'galley://join?url=ws://x/sync &token=t', /spaces/],
    ['too long', `galley://join?url=ws://x/sync&token=${'a'.repeat(2100)}`, /longer than 2048/],
  ])('refuses %s with a clear message', (_name, link, message) => {
    expect(problem(link)).toMatch(/^This is not a valid Galley invite link: /);
    expect(problem(link)).toMatch(message);
  });

  it('refuses to encode what it could not parse back', () => {
    expect(encodeInvite({ url: 'http://x/sync', token: TOKEN }).ok).toBe(false);
    expect(encodeInvite({ url: 'ws://x/sync', token: 'has space' }).ok).toBe(false);
  });
});
