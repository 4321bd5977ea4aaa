import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { markdownToBody, sectionRoom, writeBody, type Result } from '../../core/index.ts';
import { useTempDir } from '../../../test/helpers/tempDir.ts';
import { openBackend } from '../openBackend.ts';
import { runCli } from './runCli.ts';

const tempDir = useTempDir();

async function cli(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { out: (t) => out.push(t), err: (t) => err.push(t), env: {} });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

/** A database with an edition holding three threads: open, resolved, and on deleted text. */
async function seed(db: string): Promise<string> {
  const backend = await openBackend(db);
  try {
    const markdown =
      '# Weekly\n\n## Census\n\nThe quokka census grew.\n\n## Rivers\n\nRivers rose.\n';
    const { summary } = value(await backend.invoke('editions.import', { markdown }));
    const { edition } = value(await backend.invoke('editions.get', { id: summary.id }));
    const [census, rivers] = edition.sections;
    const add = (sectionId: string, quote: string, text: string) =>
      backend.invoke('comments.add', {
        editionId: summary.id,
        sectionId,
        quote,
        text,
        author: { name: 'Ana \u001b]0;pwned\u0007Lima' },
      });
    const open = value(await add(census!.id, 'quokka census', 'Which year?\nAnd where?'));
    value(
      await backend.invoke('comments.reply', {
        editionId: summary.id,
        threadId: open.id,
        text: '2026',
        author: { name: 'Bo' },
      }),
    );
    const done = value(await add(census!.id, 'grew', 'By how much?'));
    value(
      await backend.invoke('comments.resolve', {
        editionId: summary.id,
        threadId: done.id,
        by: { name: 'Bo' },
      }),
    );
    value(await add(rivers!.id, 'Rivers rose', 'Which rivers?'));
    await backend.editions.host.change(sectionRoom(rivers!.id), (doc) =>
      writeBody(doc, markdownToBody('Lakes are calm.').body),
    );
    return summary.id;
  } finally {
    await backend.close();
  }
}

describe('galley comments and galley check', () => {
  it('lists open threads with their text, author and replies; --all adds resolved; --json', async () => {
    const db = join(tempDir(), 'galley.db');
    const id = await seed(db);

    const listed = await cli(['comments', id, '--db', db]);
    expect(listed.code).toBe(0);
    expect(listed.out).toContain('2 open comment thread(s) (1 resolved not shown: add --all)');
    expect(listed.out).toContain('Census · “quokka census”  [open]');
    expect(listed.out).toContain('Which year? And where?');
    expect(listed.out).toContain('1 reply');
    expect(listed.out).toContain('Rivers · on deleted text “Rivers rose”  [open]');
    expect(listed.out).not.toContain('By how much?');
    // The terminal never gets the escape sequence someone put in a name.
    expect(listed.out).not.toContain('\u001b');
    expect(listed.out).toContain('Ana \ufffd]0;pwned\ufffdLima');

    const all = await cli(['comments', id, '--all', '--db', db]);
    expect(all.out).toContain('2 open and 1 resolved comment thread(s)');
    expect(all.out).toMatch(/“grew”\s+\[resolved by Bo\]/);

    const json = JSON.parse((await cli(['comments', id, '--json', '--db', db])).out) as {
      threads: Array<{ quote: string; onDeletedText: boolean; messages: unknown[] }>;
      open: number;
      resolved: number;
    };
    expect(json.open).toBe(2);
    expect(json.resolved).toBe(1);
    expect(json.threads.map((t) => [t.quote, t.onDeletedText, t.messages.length])).toEqual([
      ['quokka census', false, 2],
      ['Rivers rose', true, 1],
    ]);

    const missing = await cli(['comments', 'no-such-edition', '--db', db]);
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('No edition with id no-such-edition');
  });

  it('counts open comment threads in galley check, as warnings with their sections', async () => {
    const db = join(tempDir(), 'galley.db');
    const id = await seed(db);
    const checked = await cli(['check', id, '--db', db]);
    expect(checked.out).toContain('2 open comment thread(s) · 0 open suggestion(s)');
    expect(checked.out).toContain('an open comment by Ana ]0;pwnedLima on “quokka census”');
    expect(checked.out).not.toContain('\u001b');
    const result = JSON.parse((await cli(['check', id, '--json', '--db', db])).out) as {
      findings: Array<{ code: string; severity: string; sectionId?: string }>;
    };
    const open = result.findings.filter((f) => f.code === 'comment-open');
    expect(open).toHaveLength(2);
    expect(open.every((f) => f.severity === 'warning' && typeof f.sectionId === 'string')).toBe(
      true,
    );
  });
});
