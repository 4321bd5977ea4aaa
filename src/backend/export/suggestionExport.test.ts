import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  restoreEdition,
  restoreProfile,
  type Edition,
  type SerializedBodyNode,
  type Suggestion,
} from '../../core/index.ts';
import { el, para, text } from '../../../test/helpers/bodyNodes.ts';
import { generateEdition } from '../../../test/helpers/generateEdition.ts';
import { useTempDir } from '../../../test/helpers/tempDir.ts';
import { openBackend, type Backend } from '../openBackend.ts';
import { writeSite } from '../site/writeSite.ts';
import { checkEdition, renderFormat, saveProfile, writeBundle } from './exportEdition.ts';

const tempDir = useTempDir();
const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
});

const ana = { id: 'ana', name: 'Ana Lima', color: '#2563eb' };

function run(value: string, kind: 'insert' | 'delete', id: string, format = 0): SerializedBodyNode {
  const suggestion: Suggestion = { kind, id, author: ana, time: '2026-12-07T09:00:00.000Z' };
  return { ...text(value, format), detail: 2, $: { suggestion } };
}

/**
 * Every section of a generated edition gains suggestions in plain text, in bold, inside a
 * link and inside a list: each insertion holds a distinctive marker (which no export may
 * show), each deletion a word every export must still show, as plain text.
 */
function withSuggestions(edition: Edition): { edition: Edition; count: number } {
  let count = 0;
  const sections = edition.sections.map((section, i) => {
    const n = () => `${i}x${count++}`;
    const blocks: SerializedBodyNode[] = [
      para(
        text('Keep this '),
        run(`QZMARK${n()} `, 'insert', `ins${count}`),
        run(`Kept${i}delete`, 'delete', `del${count}`),
        text(' and '),
        run(`QZMARK${n()}`, 'insert', `ins${count}`, 1),
      ),
      para(
        el('link', [text('read '), run(`QZMARK${n()}`, 'insert', `ins${count}`)], {
          url: 'https://galley.dev/read',
          rel: 'noreferrer',
          target: null,
          title: null,
        }),
      ),
      el('list', [el('listitem', [run(`QZMARK${n()}`, 'insert', `ins${count}`)], { value: 1 })], {
        listType: 'bullet',
        start: 1,
        tag: 'ul',
      }),
    ];
    return {
      ...section,
      body: {
        root: { ...section.body.root, children: [...section.body.root.children, ...blocks] },
      },
    };
  });
  return { edition: restoreEdition({ ...edition, sections, status: 'sent' }), count };
}

async function setUp(): Promise<{ backend: Backend; id: string; count: number }> {
  const backend = await openBackend(join(tempDir(), 'g.db'));
  cleanups.push(() => backend.close());
  await saveProfile(backend.store, {
    ...restoreProfile(null),
    publicBaseUrl: 'https://news.galley.dev',
  });
  const { edition, count } = withSuggestions(generateEdition(5, 6));
  const { id } = await backend.editions.write(edition);
  // And comments on every section: on its text (with a reply mentioning Ana) and its title.
  for (const [i, section] of (await backend.editions.get(id)).sections.entries()) {
    const quote = 'Keep this';
    const made = await backend.invoke('comments.add', {
      editionId: id,
      sectionId: section.id,
      quote,
      text: `QZCOMMENT${i} <script>alert(1)</script>`,
      author: { name: 'Bo' },
    });
    if (!made.ok) throw new Error(made.error.message);
    await backend.invoke('comments.reply', {
      editionId: id,
      threadId: made.value.id,
      text: `@Ana Lima QZREPLY${i}`,
      author: { name: 'Ana Lima' },
    });
    await backend.invoke('comments.add', {
      editionId: id,
      sectionId: section.id,
      field: 'title',
      quote: '',
      text: `QZTITLE${i}`,
      author: { name: 'Bo' },
    });
  }
  return { backend, id, count };
}

describe('exports of an edition full of suggestions and comments', () => {
  it('show no comment and none of the suggested insertions, and every suggested deletion, in every format', async () => {
    const { backend, id } = await setUp();
    const edition = await backend.editions.get(id);
    // The suggestions and comments are really in the stored edition.
    expect(JSON.stringify(edition)).toContain('QZMARK');
    const listed = await backend.invoke('comments.list', { editionId: id });
    expect(listed.ok && listed.value.open).toBe(edition.sections.length * 2);
    const outputs: Array<[string, string]> = [];
    for (const format of ['email', 'markdown', 'text'] as const)
      outputs.push([format, (await renderFormat(backend.editions, edition, format)).content]);
    const bundle = await writeBundle(backend.editions, edition, join(tempDir(), 'bundle'));
    for (const file of bundle.files.filter((f) => !f.startsWith('images')))
      outputs.push([file, readFileSync(join(bundle.dir, file), 'utf8')]);
    const site = await writeSite(backend.editions, join(tempDir(), 'site'));
    for (const file of site.written.filter((f) => /\.(html|xml)$/.test(f)))
      outputs.push([file, readFileSync(join(site.dir, file), 'utf8')]);
    expect(outputs.map(([name]) => name)).toEqual(
      expect.arrayContaining(['email', 'markdown', 'text', 'edition.html', 'feed.xml']),
    );
    expect(readdirSync(site.dir).length).toBeGreaterThan(2);
    for (const [name, content] of outputs) {
      expect(content, name).not.toMatch(/QZMARK|QZCOMMENT|QZREPLY|QZTITLE|<script|@Ana/);
      expect(content, name).not.toMatch(/suggestion/i);
    }
    for (const [name, content] of outputs.filter(
      ([n]) => n !== 'index.html' && !n.endsWith('.xml'),
    )) {
      for (let i = 0; i < edition.sections.length; i++)
        expect(content, `${name} section ${i}`).toContain(`Kept${i}delete`);
    }
  });

  it('are reported by preflight: one open-suggestion warning per suggestion, with its section', async () => {
    const { backend, id, count } = await setUp();
    const edition = await backend.editions.get(id);
    const result = await checkEdition(backend.editions, edition);
    const open = result.findings.filter((f) => f.code === 'suggestion-open');
    // Each section's insertions share no id with another: count them by id.
    const ids = new Set<string>();
    for (const section of edition.sections)
      JSON.stringify(section.body).replace(/"id":"((?:ins|del)\d+)"/g, (_m, sid: string) => {
        ids.add(`${section.id}:${sid}`);
        return '';
      });
    expect(open.length).toBe(ids.size);
    expect(count).toBeGreaterThan(edition.sections.length);
    expect(open.every((f) => f.severity === 'warning' && typeof f.sectionId === 'string')).toBe(
      true,
    );
    expect(open[0]!.message).toMatch(/open suggestion by Ana Lima to (insert|delete) "/);
    expect(open[0]!.nodePath?.length).toBeGreaterThan(1);
  });
});
