import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  editionRoom,
  readBody,
  restoreEdition,
  sectionRoom,
  setSectionFields,
  writeBody,
} from '../../core/index.ts';
import { generateEdition } from '../../../test/helpers/generateEdition.ts';
import { useTempDir } from '../../../test/helpers/tempDir.ts';
import { openBackend } from '../openBackend.ts';
import { createVersion, readVersion, restoreVersion } from './versions.ts';

const tempDir = useTempDir();

describe('EditionService', () => {
  it('gives a new database the sample edition, once', async () => {
    const path = join(tempDir(), 'g.db');
    const backend = await openBackend(path);
    const [sample] = await backend.editions.list();
    expect(sample?.title).toContain('Build Log');
    expect(sample?.wordCount).toBeGreaterThan(1500);
    await backend.editions.setDeleted(sample!.id, true);
    await backend.close();
    const again = await openBackend(path);
    expect(await again.editions.list()).toEqual([]);
    expect(await again.editions.list({ includeDeleted: true })).toHaveLength(1);
    await again.close();
  });

  it('writes an edition through Yjs and reads back the same model, across reopening', async () => {
    const path = join(tempDir(), 'g.db');
    const backend = await openBackend(path);
    const input = restoreEdition(generateEdition(5, 6));
    const summary = await backend.editions.write(input);
    expect(summary.id).not.toBe(input.id); // always fresh ids
    expect(summary.sectionCount).toBe(6);
    await backend.close();
    const reopened = await openBackend(path);
    const read = await reopened.editions.get(summary.id);
    expect(read.sections.map(({ id: _id, ...s }) => s)).toEqual(
      input.sections.map(({ id: _id, ...s }) => s),
    );
    expect({ ...read, id: 'x', sections: [] }).toEqual({ ...input, id: 'x', sections: [] });
    await reopened.close();
  });

  it('indexes titles and section text for search, and refreshes after a change', async () => {
    const backend = await openBackend(join(tempDir(), 'g.db'));
    const summary = await backend.editions.create({ title: 'Compilers weekly' });
    const edition = await backend.editions.get(summary.id);
    const story = edition.sections[1]!;
    await backend.editions.host.change(sectionRoom(story.id), (doc) =>
      writeBody(doc, {
        root: {
          type: 'root',
          version: 1,
          children: [
            {
              type: 'paragraph',
              version: 1,
              children: [{ type: 'text', version: 1, text: 'Zygomorphic parsers explained' }],
            },
          ],
        },
      }),
    );
    expect(await backend.editions.search('zygomorphic')).toEqual([]);
    await backend.editions.refreshIndex(summary.id);
    const hits = await backend.editions.search('zygomorph');
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ editionId: summary.id, sectionId: story.id });
    expect((await backend.editions.search('compilers'))[0]).toMatchObject({
      editionId: summary.id,
      sectionId: null,
    });
    await backend.close();
  });

  it('restores a version by adding history, never rewriting it, and can undo the restore', async () => {
    const backend = await openBackend(join(tempDir(), 'g.db'));
    const { id } = await backend.editions.create({ from: 'sample' });
    const before = await backend.editions.get(id);
    const v1 = await createVersion(backend.editions, {
      editionId: id,
      label: 'Before edits',
      author: 'Ada',
    });

    const [intro, sponsor, feature] = before.sections;
    await backend.editions.host.change(editionRoom(id), (doc) =>
      setSectionFields(doc, intro!.id, { title: 'Changed' }),
    );
    await backend.editions.host.change(editionRoom(id), (doc) => {
      setSectionFields(doc, sponsor!.id, { title: 'Renamed sponsor' });
    });
    await backend.editions.host.change(sectionRoom(feature!.id), (doc) =>
      writeBody(doc, restoreEdition({}).sections[0]?.body ?? intro!.body),
    );
    const edited = await backend.editions.get(id);
    expect(edited).not.toEqual(before);
    const logBefore = await backend.store.logLength(editionRoom(id));

    await restoreVersion(backend.editions, { editionId: id, versionId: v1.id, author: 'Ada' });
    expect(await backend.editions.get(id)).toEqual(before);
    expect(await backend.store.logLength(editionRoom(id))).toBeGreaterThan(logBefore);

    const [auto] = await backend.store.listVersions(id);
    expect(auto).toMatchObject({ auto: true, label: 'Before restoring “Before edits”' });
    expect(await readVersion(backend.editions, id, auto!.id)).toEqual(edited);
    await restoreVersion(backend.editions, { editionId: id, versionId: auto!.id });
    expect(await backend.editions.get(id)).toEqual(edited);
    expect(readBody(await backend.editions.host.read(sectionRoom(feature!.id)))).toEqual(
      edited.sections[2]!.body,
    );
    await backend.close();
  });

  it('answers API calls with results: validation and not-found are values, not throws', async () => {
    const backend = await openBackend(join(tempDir(), 'g.db'));
    expect(await backend.invoke('editions.get', { id: '../../etc' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
    expect(await backend.invoke('editions.get', { id: 'missing' })).toEqual({
      ok: false,
      error: { code: 'not-found', message: 'No edition with id missing.' },
    });
    const created = await backend.invoke('editions.create', { title: 'Via API' });
    expect(created).toMatchObject({ ok: true, value: { title: 'Via API', status: 'draft' } });
    await backend.close();
  });
});
