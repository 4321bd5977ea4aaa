import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../../test/helpers/tempDir.ts';
import { runCli } from './runCli.ts';

const tempDir = useTempDir();

async function cli(args: string[], env: NodeJS.ProcessEnv = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { out: (t) => out.push(t), err: (t) => err.push(t), env });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('galley CLI', () => {
  it('creates, lists, shows and searches editions in the database it is given', async () => {
    const db = join(tempDir(), 'galley.db');
    const created = await cli(['new', '--title', 'Issue 1', '--db', db, '--json']);
    expect(created.code).toBe(0);
    const { id } = JSON.parse(created.out) as { id: string };

    const list = await cli(['list', '--db', db]);
    expect(list.code).toBe(0);
    expect(list.out).toContain('Issue 1');
    expect(list.out).toContain('The Build Log'); // the sample a new database starts with

    const listed = JSON.parse((await cli(['list', '--json'], { GALLEY_DB: db })).out) as Array<{
      id: string;
    }>;
    expect(listed.map((e) => e.id)).toContain(id);

    const shown = await cli(['show', id, '--db', db]);
    expect(shown.code).toBe(0);
    expect(shown.out).toMatch(/Issue 1[\s\S]*intro[\s\S]*story/);
    const edition = JSON.parse((await cli(['show', id, '--json', '--db', db])).out);
    expect(edition.edition.sections).toHaveLength(2);

    const hits = JSON.parse((await cli(['search', 'Issue', '--json', '--db', db])).out) as Array<{
      editionId: string;
    }>;
    expect(hits.map((h) => h.editionId)).toContain(id);
  });

  it('saves, lists and restores versions', async () => {
    const db = join(tempDir(), 'galley.db');
    const { id } = JSON.parse((await cli(['new', '--title', 'Draft A', '--db', db, '--json'])).out);
    const saved = await cli([
      'version',
      id,
      '--label',
      'First draft',
      '--author',
      'Ada',
      '--db',
      db,
      '--json',
    ]);
    expect(saved.code).toBe(0);
    const version = JSON.parse(saved.out);
    const versions = await cli(['versions', id, '--db', db]);
    expect(versions.out).toContain('First draft');
    expect(versions.out).toContain('Ada');
    const restored = await cli(['restore', id, version.id, '--db', db]);
    expect(restored.code).toBe(0);
    const after = JSON.parse((await cli(['versions', id, '--db', db, '--json'])).out);
    expect(after).toHaveLength(2);
    expect(after[0].auto).toBe(true);
  });

  it('backs up to a file that opens as a Galley database', async () => {
    const dir = tempDir();
    const db = join(dir, 'galley.db');
    await cli(['new', '--title', 'Keep me', '--db', db]);
    const backup = await cli(['backup', join(dir, 'copy.db'), '--db', db]);
    expect(backup.code).toBe(0);
    expect((await cli(['list', '--db', join(dir, 'copy.db')])).out).toContain('Keep me');
  });

  it('answers usage errors with exit 2 and user errors with exit 1, in one line', async () => {
    const dir = tempDir();
    const db = join(dir, 'galley.db');
    expect((await cli([])).code).toBe(2);
    expect(await cli(['frobnicate'])).toMatchObject({
      code: 2,
      err: expect.stringContaining('unknown command'),
    });
    expect(await cli(['show', '--db', db])).toMatchObject({
      code: 2,
      err: expect.stringContaining('Usage: galley show'),
    });
    expect(await cli(['list', '--colour', '--db', db])).toMatchObject({ code: 2 });
    expect(await cli(['version', 'abc', '--db', db])).toMatchObject({
      code: 2,
      err: expect.stringContaining('label'),
    });
    expect(await cli(['list', '--status', 'lost', '--db', db])).toMatchObject({ code: 2 });
    const missing = await cli(['show', 'nope', '--db', db]);
    expect(missing).toMatchObject({ code: 1, err: 'galley show: No edition with id nope.' });
    const notDb = join(dir, 'notes.txt');
    writeFileSync(notDb, 'just some notes, not a database\n'.repeat(100));
    const bad = await cli(['list', '--db', notDb]);
    expect(bad.code).toBe(1);
    expect(bad.err).toContain(notDb);
    expect(bad.err.split('\n')).toHaveLength(1);
  });

  it('exports a bundle whose files hold the edition, and checks it before sending', async () => {
    const dir = tempDir();
    const db = join(dir, 'galley.db');
    const [sample] = JSON.parse((await cli(['list', '--json', '--db', db])).out) as Array<{
      id: string;
    }>;
    const bundle = await cli([
      'export',
      sample!.id,
      '--format',
      'bundle',
      '--out',
      join(dir, 'out'),
      '--db',
      db,
    ]);
    expect(bundle).toMatchObject({
      code: 0,
      out: expect.stringContaining('edition.html, edition.md, edition.txt'),
    });
    const html = readFileSync(join(dir, 'out', 'edition.html'), 'utf8');
    const markdown = readFileSync(join(dir, 'out', 'edition.md'), 'utf8');
    const text = readFileSync(join(dir, 'out', 'edition.txt'), 'utf8');
    for (const output of [html, markdown, text]) expect(output).toContain('The nine-minute build');
    expect(html).toMatch(/^<!doctype html>/i);
    expect(markdown).toMatch(/^---\n/);

    const single = await cli(['export', sample!.id, '--format', 'text', '--db', db]);
    expect(single.out).toBe(text);
    expect(await cli(['export', sample!.id, '--format', 'bundle', '--db', db])).toMatchObject({
      code: 2,
      err: expect.stringContaining('--out'),
    });
    expect(await cli(['export', sample!.id, '--format', 'pdf', '--db', db])).toMatchObject({
      code: 2,
    });

    // The sample only links to example.com: warnings, no errors, so check passes.
    const check = await cli(['check', sample!.id, '--db', db]);
    expect(check.code).toBe(0);
    expect(check.out).toMatch(/0 error\(s\), \d+ warning\(s\)/);
    const { id } = JSON.parse((await cli(['new', '--title', 'Empty', '--db', db, '--json'])).out);
    const failing = await cli(['check', id, '--db', db, '--json']);
    expect(failing.code).toBe(1);
    expect(JSON.parse(failing.out).findings).toContainEqual(
      expect.objectContaining({ severity: 'error' }),
    );
  });

  it('imports Galley Markdown as a new edition, and refuses files it cannot read without creating anything', async () => {
    const dir = tempDir();
    const db = join(dir, 'galley.db');
    const [sample] = JSON.parse((await cli(['list', '--json', '--db', db])).out) as Array<{
      id: string;
    }>;
    const file = join(dir, 'edition.md');
    await cli(['export', sample!.id, '--format', 'markdown', '--out', file, '--db', db]);
    const imported = await cli(['import', file, '--db', db]);
    expect(imported.code).toBe(0);
    const original = JSON.parse(
      (await cli(['show', sample!.id, '--json', '--db', db])).out,
    ).edition;
    const copy = JSON.parse((await cli(['show', imported.out, '--json', '--db', db])).out).edition;
    const withoutIds = (e: { sections: Array<{ id: string }> }) => ({
      ...e,
      id: '',
      sections: e.sections.map((s) => ({ ...s, id: '' })),
    });
    expect(withoutIds(copy)).toEqual(withoutIds(original));

    writeFileSync(
      join(dir, 'plain.md'),
      '# Weekly notes\n\nHello readers.\n\n## First story\n\nSome *text*.\n',
    );
    const plain = await cli(['import', join(dir, 'plain.md'), '--json', '--db', db]);
    expect(JSON.parse(plain.out).summary).toMatchObject({ title: 'Weekly notes', sectionCount: 2 });

    const before = (await cli(['list', '--json', '--db', db])).out;
    writeFileSync(join(dir, 'latin1.md'), Buffer.from([0x23, 0x20, 0xe9, 0x74, 0xe9, 0x0a]));
    expect(await cli(['import', join(dir, 'latin1.md'), '--db', db])).toMatchObject({
      code: 1,
      err: expect.stringContaining('not UTF-8'),
    });
    writeFileSync(join(dir, 'yaml.md'), '---\ntitle: [unclosed\n---\n## A\n');
    const yaml = await cli(['import', join(dir, 'yaml.md'), '--db', db]);
    expect(yaml).toMatchObject({ code: 1, err: expect.stringContaining('YAML') });
    expect(yaml.err.split('\n')).toHaveLength(1);
    expect(await cli(['import', join(dir, 'missing.md'), '--db', db])).toMatchObject({
      code: 1,
      err: expect.stringContaining('ENOENT'),
    });
    expect((await cli(['list', '--json', '--db', db])).out).toBe(before);
  });

  it('prints help for every command', async () => {
    expect((await cli(['--help'])).out).toContain('Commands:');
    for (const name of [
      'new',
      'list',
      'show',
      'search',
      'version',
      'versions',
      'restore',
      'backup',
    ]) {
      const help = await cli([name, '--help']);
      expect(help).toMatchObject({
        code: 0,
        out: expect.stringContaining(`Usage: galley ${name}`),
      });
    }
  });

  it('runs as the galley executable with the documented exit codes', () => {
    const db = join(tempDir(), 'galley.db');
    const bin = join(import.meta.dirname, '../../../bin/galley.js');
    const out = execFileSync(process.execPath, [bin, 'new', '--title', 'From bin', '--db', db], {
      encoding: 'utf8',
    });
    expect(out).toMatch(/Created edition [a-z0-9]+: From bin/);
    const failed = spawnSync(process.execPath, [bin, 'show', 'missing', '--db', db], {
      encoding: 'utf8',
    });
    expect(failed.status).toBe(1);
    expect(spawnSync(process.execPath, [bin, 'bogus'], { encoding: 'utf8' }).status).toBe(2);
  });
});
