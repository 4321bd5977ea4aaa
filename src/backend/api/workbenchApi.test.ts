import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readBody, sectionRoom, type Edition, type Result } from '../../core/index.ts';
import { useTempDir } from '../../../test/helpers/tempDir.ts';
import { openBackend, type Backend } from '../openBackend.ts';

const tempDir = useTempDir();

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

async function sampleOf(backend: Backend): Promise<Edition> {
  const [summary] = value(await backend.invoke('editions.list', {}));
  return value(await backend.invoke('editions.get', { id: summary!.id })).edition;
}

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

describe('the API methods the workbench adds', () => {
  it('starts the next edition from an earlier one’s structure, with or without bodies', async () => {
    const backend = await openBackend(join(tempDir(), 'g.db'));
    const source = await sampleOf(backend);
    const next = value(
      await backend.invoke('editions.create', { from: 'structure', sourceId: source.id }),
    );
    const edition = value(await backend.invoke('editions.get', { id: next.id })).edition;
    expect(edition.sections.map((s) => [s.kind, s.title])).toEqual(
      source.sections.map((s) => [s.kind, s.title]),
    );
    const sponsor = edition.sections.find((s) => s.kind === 'sponsor');
    expect(sponsor).toMatchObject({ sponsor: expect.stringMatching(/\S/) });
    expect(edition.number).toBe(source.number === null ? null : source.number + 1);
    expect(edition.status).toBe('draft');
    expect(edition.sections.every((s) => s.status === 'draft')).toBe(true);
    expect(next.wordCount).toBeLessThan(100); // bodies emptied
    expect(new Set(edition.sections.map((s) => s.id)).size).toBe(edition.sections.length);
    expect(edition.sections.some((s) => source.sections.some((o) => o.id === s.id))).toBe(false);

    const kept = value(
      await backend.invoke('editions.create', {
        from: 'structure',
        sourceId: source.id,
        keepBodies: true,
        title: 'Issue 43',
      }),
    );
    expect(kept.title).toBe('Issue 43');
    expect(kept.wordCount).toBe(
      value(await backend.invoke('editions.get', { id: source.id })).summary.wordCount,
    );

    const missing = await backend.invoke('editions.create', { from: 'structure' });
    expect(missing).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    await backend.close();
  });

  it('duplicates an edition under new ids', async () => {
    const backend = await openBackend(join(tempDir(), 'g.db'));
    const source = await sampleOf(backend);
    const copy = value(await backend.invoke('editions.duplicate', { id: source.id }));
    expect(copy.title).toBe(`Copy of ${source.title}`);
    expect(copy.id).not.toBe(source.id);
    const edition = value(await backend.invoke('editions.get', { id: copy.id })).edition;
    expect(edition.sections.map((s) => s.body)).toEqual(source.sections.map((s) => s.body));
    await backend.close();
  });

  it('adds a section with its body already seeded, where it was asked', async () => {
    const backend = await openBackend(join(tempDir(), 'g.db'));
    const { id } = value(await backend.invoke('editions.create', { from: 'blank' }));
    const { sectionId } = value(
      await backend.invoke('sections.add', { editionId: id, kind: 'poll', index: 1 }),
    );
    const edition = value(await backend.invoke('editions.get', { id })).edition;
    expect(edition.sections[1]).toMatchObject({ id: sectionId, kind: 'poll', title: 'Poll' });
    // A seeded body has a paragraph to type in, so no client ever bootstraps one.
    const body = readBody(await backend.editions.host.read(sectionRoom(sectionId)));
    expect(body.root.children.map((c) => c.type)).toEqual(['paragraph']);
    const bad = await backend.invoke('sections.add', { editionId: id, kind: 'table' as never });
    expect(bad.ok).toBe(false);
    await backend.close();
  });

  it('stores an image as an asset only when its bytes are the type it claims', async () => {
    const backend = await openBackend(join(tempDir(), 'g.db'));
    const put = value(
      await backend.invoke('assets.put', { mime: 'image/png', base64: PNG.toString('base64') }),
    );
    expect(put.src).toBe(`asset:${put.hash}`);
    expect(Buffer.from((await backend.store.getAsset(put.hash))!.bytes).equals(PNG)).toBe(true);

    const script = Buffer.from('<script>alert(1)</script>').toString('base64');
    expect(await backend.invoke('assets.put', { mime: 'image/png', base64: script })).toMatchObject(
      { ok: false, error: { code: 'invalid-input', message: 'The file is not a PNG image.' } },
    );
    expect(
      await backend.invoke('assets.put', { mime: 'image/svg+xml' as never, base64: script }),
    ).toMatchObject({ ok: false });
    expect(await backend.invoke('assets.put', { mime: 'image/png', base64: '!!' })).toMatchObject({
      ok: false,
      error: { message: 'The image is not valid base64.' },
    });
    await backend.close();
  });

  it('reads a saved version with its email, for preview', async () => {
    const backend = await openBackend(join(tempDir(), 'g.db'));
    const source = await sampleOf(backend);
    const version = value(
      await backend.invoke('versions.create', { editionId: source.id, label: 'Before edits' }),
    );
    const got = value(
      await backend.invoke('versions.get', { editionId: source.id, versionId: version.id }),
    );
    expect(got.version.label).toBe('Before edits');
    expect(got.edition.title).toBe(source.title);
    expect(got.email).toContain('<!DOCTYPE html');
    const missing = await backend.invoke('versions.get', {
      editionId: source.id,
      versionId: 'nope',
    });
    expect(missing).toMatchObject({ ok: false, error: { code: 'not-found' } });
    await backend.close();
  });
});
