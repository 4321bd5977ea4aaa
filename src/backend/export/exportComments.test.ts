import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  bodyPositions,
  bodyRoot,
  fieldText,
  sectionRoom,
  type Edition,
  type Result,
} from '../../core/index.ts';
import { useTempDir } from '../../../test/helpers/tempDir.ts';
import { openBackend, type Backend } from '../openBackend.ts';

const tempDir = useTempDir();

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

// Hostile comment text: markup, event handlers, script links. Each carries ZQX-HOSTILE.
const HOSTILE = [
  '<script>alert("ZQX-HOSTILE-1")</script>',
  '<img src=x onerror="alert(\'ZQX-HOSTILE-2\')">',
  '<a href="javascript:alert(\'ZQX-HOSTILE-3\')">click</a>',
  '<div onmouseover="steal()">ZQX-HOSTILE-4</div>',
  '[ZQX-HOSTILE-5](javascript:alert(1))',
];
// The editor everyone mentions: their name must not reach an export through a comment.
const MENTIONED = { name: 'Quinn ZQXMENTION', color: '#dc2626' };

/**
 * Comments on everything an edition has: every section body, every section's title and
 * text fields, and the edition's title, subject and preheader. Each comment and reply
 * carries a ZQX-COMMENT-<n> marker; some carry hostile text and @mentions.
 */
async function commentOnEverything(backend: Backend, edition: Edition): Promise<number> {
  const editionId = edition.id;
  let n = 0;
  const add = async (sectionId: string | null, field: string, quote: string) => {
    n += 1;
    const text = `ZQX-COMMENT-${n} @${MENTIONED.name} ${HOSTILE[n % HOSTILE.length]}`;
    const thread = value(
      await backend.invoke('comments.add', {
        editionId,
        sectionId,
        field,
        quote,
        text,
        author: n === 1 ? MENTIONED : { name: `Reviewer ${n % 3}` },
      }),
    );
    n += 1;
    value(
      await backend.invoke('comments.reply', {
        editionId,
        threadId: thread.id,
        text: `ZQX-COMMENT-${n} ${HOSTILE[n % HOSTILE.length]}`,
        author: { name: 'Bo' },
      }),
    );
  };
  for (const field of ['title', 'subject', 'preheader']) await add(null, field, '');
  for (const section of edition.sections) {
    const text = await backend.editions.host.peek(
      sectionRoom(section.id),
      (doc) => bodyPositions(bodyRoot(doc)).text,
    );
    const word = /\S{3,}/.exec(text)?.[0];
    if (word) await add(section.id, 'body', word);
    for (const [field, fieldValue] of Object.entries(section))
      if (!['id', 'body', 'kind', 'status'].includes(field) && fieldText(fieldValue))
        await add(section.id, field, '');
  }
  return n;
}

/** Every file under `dir`, read as text. */
function readTree(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => readFileSync(join(entry.parentPath, entry.name), 'latin1'));
}

function leaks(content: string): string[] {
  return ['ZQX', 'onerror', 'onmouseover', 'javascript:', '<script'].filter((s) =>
    content.includes(s),
  );
}

describe('exports never contain comments', () => {
  it('leaves every comment, reply, mention and hostile text out of email, Markdown, text, the bundle and the web archive', async () => {
    const dir = tempDir();
    const backend = await openBackend(join(dir, 'g.db'));
    try {
      const [sample] = value(await backend.invoke('editions.list', {}));
      const editionId = sample!.id;
      const { edition } = value(await backend.invoke('editions.get', { id: editionId }));
      const written = await commentOnEverything(backend, edition);
      expect(written).toBeGreaterThan(30);
      const listed = value(await backend.invoke('comments.list', { editionId }));
      // The comments are there, hostile text and all, as plain data.
      const texts = listed.threads.flatMap((t) => t.messages.map((m) => m.text));
      expect(texts).toHaveLength(written);
      for (const hostile of HOSTILE) expect(texts.some((t) => t.endsWith(hostile))).toBe(true);
      expect(listed.threads[1]!.messages[0]!.mentions).toEqual([listed.threads[0]!.author.id]);
      expect(listed.threads.every((t) => !t.onDeletedText)).toBe(true);
      const fieldsCovered = new Set(listed.threads.map((t) => t.anchor.field));
      for (const field of ['body', 'title', 'subject', 'preheader', 'sponsor', 'question'])
        expect(fieldsCovered).toContain(field);

      // The edition model that exports render has no comments in it.
      expect(
        leaks(JSON.stringify(value(await backend.invoke('editions.get', { id: editionId })))),
      ).toEqual([]);
      for (const format of ['email', 'markdown', 'text'] as const) {
        const { content } = value(await backend.invoke('export.render', { id: editionId, format }));
        expect(content.length).toBeGreaterThan(500);
        expect({ format, leaks: leaks(content) }).toEqual({ format, leaks: [] });
      }
      const bundle = value(
        await backend.invoke('export.bundle', { id: editionId, dest: join(dir, 'bundle') }),
      );
      expect(bundle.files).toEqual(
        expect.arrayContaining(['edition.html', 'edition.md', 'edition.txt']),
      );
      for (const content of readTree(bundle.dir)) expect(leaks(content)).toEqual([]);

      const version = value(await backend.invoke('versions.create', { editionId, label: 'v' }));
      const old = value(await backend.invoke('versions.get', { editionId, versionId: version.id }));
      expect(leaks(old.email)).toEqual([]);

      const profile = value(await backend.invoke('profile.get', {}));
      value(
        await backend.invoke('profile.set', {
          profile: { ...profile, publicBaseUrl: 'https://news.example.org' },
        }),
      );
      value(await backend.invoke('editions.markSent', { id: editionId }));
      const site = value(await backend.invoke('export.site', { dest: join(dir, 'site') }));
      expect(site.written.length).toBeGreaterThan(2);
      const pages = readTree(site.dir);
      expect(pages.some((page) => page.includes(edition.sections[0]!.title))).toBe(true);
      for (const page of pages) expect(leaks(page)).toEqual([]);
    } finally {
      await backend.close();
    }
  });
});
