import { join } from 'node:path';
import {
  $createParagraphNode,
  $createTextNode,
  $getRoot,
  $isElementNode,
  $isTextNode,
  type LexicalNode,
} from 'lexical';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import {
  editionRoom,
  openBodySession,
  preflight,
  renderEmail,
  renderMarkdown,
  renderTextWithWarnings,
  restoreEdition,
  sectionRoom,
  setSectionFields,
  type Edition,
} from '../../core/index.ts';
import { generateEdition } from '../../../test/helpers/generateEdition.ts';
import { useTempDir } from '../../../test/helpers/tempDir.ts';
import { waitFor } from '../../../test/helpers/waitFor.ts';
import { StoreDocHost } from '../docs/StoreDocHost.ts';
import { EditionService } from '../editions/EditionService.ts';
import { openBackend, type Backend } from '../openBackend.ts';
import { startServer } from '../web/startServer.ts';
import { checkEdition, loadProfile, renderFormat, saveProfile } from './exportEdition.ts';

const tempDir = useTempDir();
const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
});

async function open(): Promise<Backend> {
  const backend = await openBackend(join(tempDir(), 'g.db'));
  cleanups.push(() => backend.close());
  return backend;
}

/** All three formats as the API renders them: through the service's cache. */
async function cached(backend: Backend, id: string) {
  const edition = await backend.editions.get(id);
  return {
    email: await renderFormat(backend.editions, edition, 'email'),
    markdown: (await renderFormat(backend.editions, edition, 'markdown')).content,
    text: await renderFormat(backend.editions, edition, 'text'),
  };
}

/**
 * A cold export: the edition read by a second service on the same store (no body cache,
 * no render cache) and rendered by the core exporters without a cache.
 */
async function cold(backend: Backend, id: string) {
  const edition = await new EditionService(backend.store, new StoreDocHost(backend.store)).get(id);
  const profile = await loadProfile(backend.store);
  const email = renderEmail(edition, profile, {
    // These stores hold no assets: the backend's lookups all come back empty too.
    assetExtension: () => undefined,
  });
  const text = renderTextWithWarnings(edition, profile);
  return {
    email: { format: 'email', content: email.html, warnings: email.warnings },
    markdown: renderMarkdown(edition),
    text: { format: 'text', content: text.text, warnings: text.warnings },
  };
}

/** Runs a headless Lexical update on a section's body doc, as an editor's keystroke would. */
async function edit(backend: Backend, sectionId: string, fn: () => void): Promise<void> {
  await backend.editions.host.change(sectionRoom(sectionId), (doc) => {
    const session = openBodySession(doc);
    try {
      session.update(fn);
    } finally {
      session.dispose();
    }
  });
}

function firstText(): ReturnType<typeof $createTextNode> {
  const find = (node: LexicalNode): LexicalNode | null => {
    if ($isTextNode(node) && node.getTextContent().length > 3) return node;
    if (!$isElementNode(node)) return null;
    for (const child of node.getChildren()) {
      const found = find(child);
      if (found) return found;
    }
    return null;
  };
  const found = find($getRoot());
  if (!$isTextNode(found)) throw new Error('firstText: the body has no text');
  return found;
}

async function written(backend: Backend, edition: Edition): Promise<string> {
  return (await backend.editions.write(edition)).id;
}

describe('export through the render cache', () => {
  it('matches a cold export byte for byte after every kind of edit, re-rendering one section', async () => {
    const backend = await open();
    const id = await written(backend, restoreEdition(generateEdition(7, 8)));
    const sections = (await backend.editions.get(id)).sections;
    const story = sections.find((s, i) => i > 0 && s.kind === 'story')!;
    const intro = sections.find((s) => s.kind === 'intro');
    const edits: Array<[string, () => Promise<void>]> = [
      [
        'type a character',
        () =>
          edit(backend, story.id, () =>
            firstText().setTextContent(`${firstText().getTextContent()}x`),
          ),
      ],
      [
        'delete characters only',
        () => edit(backend, story.id, () => firstText().spliceText(0, 3, '', false)),
      ],
      ['bold a word', () => edit(backend, story.id, () => firstText().toggleFormat('bold'))],
      [
        'add a paragraph',
        () =>
          edit(backend, story.id, () =>
            $getRoot().append($createParagraphNode().append($createTextNode('Quokka *count* <b>'))),
          ),
      ],
      ['remove a block', () => edit(backend, story.id, () => $getRoot().getFirstChild()?.remove())],
      [
        'rename the section',
        () =>
          backend.editions.host.change(editionRoom(id), (doc) =>
            setSectionFields(doc, story.id, { title: 'Renamed story' }),
          ),
      ],
      [
        'mark it ready',
        () =>
          backend.editions.host.change(editionRoom(id), (doc) =>
            setSectionFields(doc, story.id, { status: 'ready' }),
          ),
      ],
      [
        'change the profile',
        async () => {
          await saveProfile(backend.store, {
            ...(await loadProfile(backend.store)),
            name: 'Renamed Weekly',
            accentColor: '#aa3300',
          });
        },
      ],
    ];
    expect(intro?.kind).toBe('intro'); // the rename above also changes the intro's agenda
    await cached(backend, id);
    for (const [what, apply] of edits) {
      apply();
      const misses = backend.editions.renders.stats.misses;
      const hits = backend.editions.renders.stats.hits;
      const got = await cached(backend, id);
      expect(got, what).toEqual(await cold(backend, id));
      // A fresh render of all three formats again: every part from the cache.
      const again = await cached(backend, id);
      expect(again, what).toEqual(got);
      const rerendered = backend.editions.renders.stats.misses - misses;
      if (what === 'change the profile') expect(rerendered, what).toBeGreaterThan(sections.length);
      else expect(rerendered, what).toBeLessThanOrEqual(3 + 2); // the section, and the intro's agenda
      expect(backend.editions.renders.stats.hits - hits, what).toBeGreaterThan(sections.length);
    }
  });

  it('shows a deletion at once: the preview never keeps the text that was removed', async () => {
    const backend = await open();
    const id = await written(backend, restoreEdition(generateEdition(3, 4)));
    const story = (await backend.editions.get(id)).sections[1]!;
    await edit(backend, story.id, async () =>
      $getRoot().append($createParagraphNode().append($createTextNode('Wombatfestival tickets'))),
    );
    expect((await cached(backend, id)).email.content).toContain('Wombatfestival');
    // A deletion adds no Yjs items: the state vector stays put, the delete set grows.
    const before = Y.encodeStateVector(await backend.editions.host.read(sectionRoom(story.id)));
    await edit(backend, story.id, async () => $getRoot().getLastChild()?.remove());
    const after = Y.encodeStateVector(await backend.editions.host.read(sectionRoom(story.id)));
    expect(after).toEqual(before);
    const { email, markdown, text } = await cached(backend, id);
    expect(email.content).not.toContain('Wombatfestival');
    expect(markdown).not.toContain('Wombatfestival');
    expect(text.content).not.toContain('Wombatfestival');
  });

  it('checks on the same render: editions.check equals preflight on a cold export', async () => {
    const backend = await open();
    const id = await written(backend, restoreEdition(generateEdition(11, 6)));
    const story = (await backend.editions.get(id)).sections[2]!;
    await checkEdition(backend.editions, await backend.editions.get(id));
    await edit(backend, story.id, async () => firstText().setTextContent('TK replace this'));
    const edition = await backend.editions.get(id);
    const misses = backend.editions.renders.stats.misses;
    const checked = await checkEdition(backend.editions, edition);
    expect(backend.editions.renders.stats.misses - misses).toBe(3); // email, findings, words
    const reference = await new EditionService(backend.store, new StoreDocHost(backend.store)).get(
      id,
    );
    expect(checked).toEqual(preflight(reference, await loadProfile(backend.store)));
    expect(checked.findings.map((f) => f.code)).toContain('marker-tk');
  });

  it('shows what an editor types through the hub in the next preview', async () => {
    const server = await startServer({
      dbPath: join(tempDir(), 'g.db'),
      port: 0,
      hub: { log: () => {} },
    });
    cleanups.push(() => server.close());
    const { editions } = server.backend;
    const id = (await editions.create({ title: 'Hub weekly' })).id;
    const story = (await editions.get(id)).sections[1]!;
    const render = async () =>
      (await renderFormat(editions, await editions.get(id), 'email')).content;
    expect(await render()).not.toContain('Platypus');

    const doc = new Y.Doc();
    const provider = new WebsocketProvider(server.syncUrl, sectionRoom(story.id), doc, {
      params: { token: server.token },
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
    });
    cleanups.push(() => provider.destroy());
    await waitFor(() => provider.synced, 'body synced');
    const session = openBodySession(doc);
    cleanups.push(() => session.dispose());
    session.update(() =>
      $getRoot().append($createParagraphNode().append($createTextNode('Platypus parade'))),
    );
    await waitFor(
      async () => (await render()).includes('Platypus parade'),
      'the typed text in the preview',
    );
    session.update(() => $getRoot().getLastChild()?.remove());
    await waitFor(
      async () => !(await render()).includes('Platypus'),
      'the deletion in the preview',
    );
  });
});
