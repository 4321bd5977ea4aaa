import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import {
  editionRoom,
  readBody,
  sectionRoom,
  type Result,
  type SponsorSection,
} from '../../core/index.ts';
import { useTempDir } from '../../../test/helpers/tempDir.ts';
import { waitFor } from '../../../test/helpers/waitFor.ts';
import { openBackend, type Backend } from '../openBackend.ts';
import { startServer } from '../web/startServer.ts';

const tempDir = useTempDir();
const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
});

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

async function open(): Promise<Backend> {
  const backend = await openBackend(join(tempDir(), 'g.db'));
  cleanups.push(() => backend.close());
  return backend;
}

const ACME = {
  name: 'Acme Tools',
  url: 'https://acme.example/tools',
  cta: 'Try Acme',
  disclosure: 'Acme paid for this placement.',
  flightStart: '2026-03-01',
  flightEnd: '2026-03-31',
};

async function sponsorSections(backend: Backend, editionId: string): Promise<SponsorSection[]> {
  const { edition } = value(await backend.invoke('editions.get', { id: editionId }));
  return edition.sections.filter((s): s is SponsorSection => s.kind === 'sponsor');
}

describe('the sponsor library through the API', () => {
  it('creates, lists, reads, updates and deletes sponsors', async () => {
    const backend = await open();
    const acme = value(await backend.invoke('sponsors.create', { ...ACME, notes: 'Q1 deal' }));
    expect(acme).toMatchObject({ ...ACME, notes: 'Q1 deal', logo: null });
    const zed = value(await backend.invoke('sponsors.create', { name: 'zed', url: 'http://z.io' }));
    expect(zed).toMatchObject({ disclosure: '', cta: '', flightStart: null, flightEnd: null });

    expect(value(await backend.invoke('sponsors.list', {})).map((s) => s.name)).toEqual([
      'Acme Tools',
      'zed',
    ]);
    expect(value(await backend.invoke('sponsors.get', { id: acme.id }))).toEqual(acme);

    const updated = value(
      await backend.invoke('sponsors.update', { id: acme.id, cta: 'Buy now', flightEnd: null }),
    );
    expect(updated).toMatchObject({ cta: 'Buy now', flightEnd: null, name: ACME.name });
    expect(value(await backend.invoke('sponsors.get', { id: acme.id }))).toEqual(updated);

    expect(value(await backend.invoke('sponsors.delete', { id: zed.id }))).toEqual({
      deleted: true,
      id: zed.id,
    });
    expect(await backend.invoke('sponsors.get', { id: zed.id })).toEqual({
      ok: false,
      error: { code: 'not-found', message: `No sponsor with id ${zed.id}.` },
    });
    expect(await backend.invoke('sponsors.delete', { id: zed.id })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
  });

  it('refuses bad input in words: a bad URL, a flight that ends before it starts, no name', async () => {
    const backend = await open();
    const badUrl = await backend.invoke('sponsors.create', { name: 'A', url: 'acme.example' });
    expect(badUrl).toEqual({
      ok: false,
      error: {
        code: 'invalid-input',
        message:
          'sponsors.create: url: not a web address: give the full link, starting with https://',
      },
    });
    const js = await backend.invoke('sponsors.create', { name: 'A', url: 'javascript:alert(1)' });
    expect(js).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/web address/) },
    });

    const backwards = await backend.invoke('sponsors.create', {
      ...ACME,
      flightStart: '2026-04-01',
      flightEnd: '2026-03-01',
    });
    expect(backwards).toEqual({
      ok: false,
      error: {
        code: 'invalid-input',
        message:
          'sponsors.create: flightEnd: the flight ends (2026-03-01) before it starts (2026-04-01)',
      },
    });
    const noName = await backend.invoke('sponsors.create', { name: '  ', url: ACME.url });
    expect(noName).toMatchObject({
      error: { message: 'sponsors.create: name: a sponsor needs a name' },
    });
    const badDate = await backend.invoke('sponsors.create', { ...ACME, flightStart: '2026-02-30' });
    expect(badDate).toMatchObject({ error: { message: expect.stringMatching(/YYYY-MM-DD/) } });

    // One date changed against the other one stored: checked against the record.
    const acme = value(await backend.invoke('sponsors.create', ACME));
    const early = await backend.invoke('sponsors.update', { id: acme.id, flightEnd: '2026-02-01' });
    expect(early).toEqual({
      ok: false,
      error: {
        code: 'invalid-input',
        message: 'sponsors.update: the flight ends (2026-02-01) before it starts (2026-03-01)',
      },
    });
    const logo = await backend.invoke('sponsors.update', { id: acme.id, logo: 'a'.repeat(64) });
    expect(logo).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/No stored image/) },
    });
    expect(value(await backend.invoke('sponsors.get', { id: acme.id }))).toEqual(acme);
  });

  it('inserts a sponsor section with the fields copied and a link back; deleting the record leaves it', async () => {
    const backend = await open();
    const acme = value(await backend.invoke('sponsors.create', ACME));
    const { id } = value(await backend.invoke('editions.create', { title: 'Issue 9' }));
    const { sectionId } = value(
      await backend.invoke('sections.addSponsor', { editionId: id, sponsorId: acme.id, index: 1 }),
    );
    const { edition, summary } = value(await backend.invoke('editions.get', { id }));
    expect(edition.sections.map((s) => s.id).indexOf(sectionId)).toBe(1);
    expect(edition.sections[1]).toMatchObject({
      kind: 'sponsor',
      title: 'Acme Tools',
      sponsor: 'Acme Tools',
      url: ACME.url,
      cta: 'Try Acme',
      disclosure: ACME.disclosure,
      sponsorId: acme.id,
    });
    expect(summary.sectionCount).toBe(3);
    // The body doc exists before any client opens it: seeded by the backend.
    expect(await backend.store.loadRoom(sectionRoom(sectionId))).not.toBeNull();
    expect(readBody(await backend.editions.host.read(sectionRoom(sectionId))).root.type).toBe(
      'root',
    );
    // The link is a plain field of the section's Y.Map, as the README documents.
    const doc = await backend.editions.host.read(editionRoom(id));
    expect(doc.getMap<Y.Map<unknown>>('sections').get(sectionId)!.get('sponsorId')).toBe(acme.id);

    // A record with a logo: the new section's body opens with it, as a stored image.
    const png =
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
    const { hash } = value(await backend.invoke('assets.put', { mime: 'image/png', base64: png }));
    const logoed = value(
      await backend.invoke('sponsors.create', { ...ACME, name: 'Logo Co', logo: hash }),
    );
    const added = value(
      await backend.invoke('sections.addSponsor', { editionId: id, sponsorId: logoed.id }),
    );
    const body = readBody(await backend.editions.host.read(sectionRoom(added.sectionId)));
    expect(body.root.children).toEqual([
      expect.objectContaining({
        type: 'image',
        src: `asset:${hash}`,
        alt: 'Logo Co logo',
        width: 200,
      }),
    ]);

    const missing = await backend.invoke('sections.addSponsor', {
      editionId: id,
      sponsorId: 'nope',
    });
    expect(missing).toMatchObject({ ok: false, error: { code: 'not-found' } });

    value(await backend.invoke('sponsors.delete', { id: acme.id }));
    const [kept] = await sponsorSections(backend, id);
    expect(kept).toMatchObject({ sponsor: 'Acme Tools', url: ACME.url, sponsorId: acme.id });
    // A dangling link is harmless: preflight just has no record to check dates against.
    expect(value(await backend.invoke('editions.check', { id })).findings).not.toContainEqual(
      expect.objectContaining({ code: 'sponsor-outside-flight' }),
    );
  });

  it('checks the edition against its linked sponsor’s flight dates in editions.check', async () => {
    const backend = await open();
    const acme = value(await backend.invoke('sponsors.create', ACME));
    const { id } = value(await backend.invoke('editions.create', { title: 'Dated' }));
    const { sectionId } = value(
      await backend.invoke('sections.addSponsor', { editionId: id, sponsorId: acme.id }),
    );
    const setDate = (date: string) =>
      backend.editions.host.change(editionRoom(id), (doc) =>
        doc.getMap('edition').set('publishDate', date),
      );
    const flightFindings = async () =>
      value(await backend.invoke('editions.check', { id })).findings.filter(
        (f) => f.code === 'sponsor-outside-flight',
      );
    await setDate('2026-04-07');
    expect(await flightFindings()).toEqual([
      {
        severity: 'warning',
        code: 'sponsor-outside-flight',
        message:
          "the edition goes out on 2026-04-07, after Acme Tools's flight (2026-03-01 to 2026-03-31)",
        sectionId,
      },
    ]);
    await setDate('2026-03-15');
    expect(await flightFindings()).toEqual([]);
    // The record changes, the section does not: the check follows the record.
    value(await backend.invoke('sponsors.update', { id: acme.id, flightEnd: '2026-03-10' }));
    expect(await flightFindings()).toHaveLength(1);
  });

  it('applies a changed record to unsent editions only, and lists candidates first', async () => {
    const backend = await open();
    const acme = value(await backend.invoke('sponsors.create', ACME));
    const editions = [];
    for (const title of ['Draft', 'Ready', 'Sent']) {
      const { id } = value(await backend.invoke('editions.create', { title }));
      value(await backend.invoke('sections.addSponsor', { editionId: id, sponsorId: acme.id }));
      editions.push(id);
    }
    const [draft, ready, sent] = editions as [string, string, string];
    value(await backend.invoke('editions.markSent', { id: sent }));

    value(
      await backend.invoke('sponsors.update', {
        id: acme.id,
        cta: 'Get 20% off',
        disclosure: 'Sponsored by Acme.',
      }),
    );
    const usage = value(await backend.invoke('sponsors.usage', { sponsorId: acme.id }));
    expect(usage.unsent.map((u) => u.editionId).sort()).toEqual([draft, ready].sort());
    expect(usage.sent.map((u) => [u.editionId, u.status])).toEqual([[sent, 'sent']]);
    expect(usage.sent[0]!.sentAt).toEqual(expect.any(String));

    const preview = value(await backend.invoke('sponsors.applyToEditions', { sponsorId: acme.id }));
    expect(preview.changed).toEqual([]);
    expect(preview.candidates.map((c) => c.editionId).sort()).toEqual([draft, ready].sort());
    expect((await sponsorSections(backend, draft))[0]!.cta).toBe('Try Acme'); // unchanged yet

    const applied = value(
      await backend.invoke('sponsors.applyToEditions', {
        sponsorId: acme.id,
        editionIds: [draft, sent],
      }),
    );
    const [draftSection] = await sponsorSections(backend, draft);
    expect(applied.changed).toEqual([{ editionId: draft, sectionIds: [draftSection!.id] }]);
    expect(applied.skipped).toEqual([{ editionId: sent, reason: 'sent' }]);
    expect(draftSection).toMatchObject({ cta: 'Get 20% off', disclosure: 'Sponsored by Acme.' });
    expect((await sponsorSections(backend, ready))[0]).toMatchObject({ cta: 'Try Acme' });
    expect((await sponsorSections(backend, sent))[0]).toMatchObject({
      cta: 'Try Acme',
      disclosure: ACME.disclosure,
    });
    // Done: the draft is no longer a candidate; applying again changes nothing.
    const after = value(await backend.invoke('sponsors.applyToEditions', { sponsorId: acme.id }));
    expect(after.candidates.map((c) => c.editionId)).toEqual([ready]);
    const again = value(
      await backend.invoke('sponsors.applyToEditions', { sponsorId: acme.id, editionIds: [draft] }),
    );
    expect(again.changed).toEqual([]);
  });

  it('shows an applied change live to an editor co-editing through the running hub', async () => {
    const server = await startServer({
      dbPath: join(tempDir(), 'g.db'),
      port: 0,
      hub: { log: () => {} },
    });
    cleanups.push(() => server.close());
    const backend = server.backend;
    const acme = value(await backend.invoke('sponsors.create', ACME));
    const { id } = value(await backend.invoke('editions.create', { title: 'Live' }));
    const { sectionId } = value(
      await backend.invoke('sections.addSponsor', { editionId: id, sponsorId: acme.id }),
    );

    const doc = new Y.Doc();
    const provider = new WebsocketProvider(server.syncUrl, editionRoom(id), doc, {
      params: { token: server.token },
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
    });
    cleanups.push(() => provider.destroy());
    await waitFor(() => provider.synced, 'editor synced');
    const fields = () => doc.getMap<Y.Map<unknown>>('sections').get(sectionId)!;
    expect(fields().get('cta')).toBe('Try Acme');
    // The editor is typing in the edition meanwhile; the apply merges with it.
    doc.getMap('edition').set('subject', 'Typed by the editor');

    value(await backend.invoke('sponsors.update', { id: acme.id, cta: 'Live CTA' }));
    const applied = value(
      await backend.invoke('sponsors.applyToEditions', { sponsorId: acme.id, editionIds: [id] }),
    );
    expect(applied.changed).toEqual([{ editionId: id, sectionIds: [sectionId] }]);
    await waitFor(() => fields().get('cta') === 'Live CTA', 'the applied CTA at the editor');
    expect(fields().get('sponsorId')).toBe(acme.id);
    await waitFor(
      async () => (await backend.editions.get(id)).subject === 'Typed by the editor',
      "the editor's subject at the hub",
    );
  });
});
