import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../../test/helpers/tempDir.ts';
import { runCli } from './runCli.ts';

const tempDir = useTempDir();

async function cli(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { out: (t) => out.push(t), err: (t) => err.push(t), env: {} });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('galley sponsors', () => {
  it('adds, lists and shows sponsors, with --json like other commands', async () => {
    const db = join(tempDir(), 'galley.db');
    expect((await cli(['sponsors', '--db', db])).out).toMatch(/No sponsors yet/);
    const added = await cli([
      'sponsors',
      'add',
      '--name',
      'Acme',
      '--url',
      'https://acme.example',
      '--cta',
      'Try Acme',
      '--from',
      '2026-03-01',
      '--to',
      '2026-03-31',
      '--db',
      db,
      '--json',
    ]);
    expect(added.code).toBe(0);
    const sponsor = JSON.parse(added.out) as { id: string; flightEnd: string; disclosure: string };
    expect(sponsor).toMatchObject({ flightEnd: '2026-03-31', disclosure: '' });

    const list = await cli(['sponsors', '--db', db]);
    expect(list.out).toMatch(
      new RegExp(`${sponsor.id}\\s+Acme\\s+2026-03-01 to 2026-03-31\\s+https://acme.example`),
    );
    const listed = JSON.parse((await cli(['sponsors', '--json', '--db', db])).out) as unknown[];
    expect(listed).toEqual([JSON.parse(added.out)]);

    const shown = await cli(['sponsors', 'show', sponsor.id, '--db', db]);
    expect(shown.out).toMatch(/Acme[\s\S]*Call to act: Try Acme[\s\S]*Disclosure: {2}\(none yet/);
    expect(
      JSON.parse((await cli(['sponsors', 'show', sponsor.id, '--json', '--db', db])).out),
    ).toEqual(JSON.parse(added.out));
  });

  it('says what is wrong, in words, with the usual exit codes', async () => {
    const db = join(tempDir(), 'galley.db');
    const backwards = await cli([
      'sponsors',
      'add',
      '--name',
      'A',
      '--url',
      'https://a.example',
      '--from',
      '2026-03-02',
      '--to',
      '2026-03-01',
      '--db',
      db,
    ]);
    expect(backwards).toMatchObject({ code: 2 });
    expect(backwards.err).toBe(
      'galley sponsors: sponsors.create: flightEnd: the flight ends (2026-03-01) before it starts (2026-03-02)',
    );
    const noUrl = await cli(['sponsors', 'add', '--name', 'A', '--db', db]);
    expect(noUrl.code).toBe(2);
    expect(noUrl.err).toMatch(/needs --name and --url/);
    const unknown = await cli(['sponsors', 'show', 'nope', '--db', db]);
    expect(unknown).toMatchObject({ code: 1, err: 'galley sponsors: No sponsor with id nope.' });
    expect((await cli(['sponsors', 'remove', '--db', db])).code).toBe(2);
  });
});
