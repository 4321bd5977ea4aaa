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
  it('gives a new database the sample edition, once', () => {
    const path = join(tempDir(), 'g.db');
    const backend = openBackend(path);
    const [sample] = backend.editions.list();
    expect(sample?.title).toContain('Build Log');
    expect(sample?.wordCount).toBeGreaterThan(1500);
    backend.editions.setDeleted(sample!.id, true);
    backend.close();
    const again = openBackend(path);
    expect(again.editions.list()).toEqual([]);
    expect(again.editions.list({ includeDeleted: true })).toHaveLength(1);
    again.close();
  });

  it('writes an edition through Yjs and reads back the same model, across reopening', () => {
    const path = join(tempDir(), 'g.db');
    const backend = openBackend(path);
    const input = restoreEdition(generateEdition(5, 6));
    const summary = backend.editions.write(input);
    expect(summary.id).not.toBe(input.id); // always fresh ids
    expect(summary.sectionCount).toBe(6);
    backend.close();
    const reopened = openBackend(path);
    const read = reopened.editions.get(summary.id);
    expect(read.sections.map(({ id: _id, ...s }) => s)).toEqual(
      input.sections.map(({ id: _id, ...s }) => s),
    );
    expect({ ...read, id: 'x', sections: [] }).toEqual({ ...input, id: 'x', sections: [] });
    reopened.close();
  });

  it('indexes titles and section text for search, and refreshes after a change', () => {
    const backend = openBackend(join(tempDir(), 'g.db'));
    const summary = backend.editions.create({ title: 'Compilers weekly' });
    const edition = backend.editions.get(summary.id);
    const story = edition.sections[1]!;
    backend.editions.host.change(sectionRoom(story.id), (doc) =>
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
    expect(backend.editions.search('zygomorphic')).toEqual([]);
    backend.editions.refreshIndex(summary.id);
    const hits = backend.editions.search('zygomorph');
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ editionId: summary.id, sectionId: story.id });
    expect(backend.editions.search('compilers')[0]).toMatchObject({
      editionId: summary.id,
      sectionId: null,
    });
    backend.close();
  });

  it('restores a version by adding history, never rewriting it, and can undo the restore', () => {
    const backend = openBackend(join(tempDir(), 'g.db'));
    const { id } = backend.editions.create({ from: 'sample' });
    const before = backend.editions.get(id);
    const v1 = createVersion(backend.editions, {
      editionId: id,
      label: 'Before edits',
      author: 'Ada',
    });

    const [intro, sponsor, feature] = before.sections;
    backend.editions.host.change(editionRoom(id), (doc) =>
      setSectionFields(doc, intro!.id, { title: 'Changed' }),
    );
    backend.editions.host.change(editionRoom(id), (doc) => {
      setSectionFields(doc, sponsor!.id, { title: 'Renamed sponsor' });
    });
    backend.editions.host.change(sectionRoom(feature!.id), (doc) =>
      writeBody(doc, restoreEdition({}).sections[0]?.body ?? intro!.body),
    );
    const edited = backend.editions.get(id);
    expect(edited).not.toEqual(before);
    const logBefore = backend.store.logLength(editionRoom(id));

    restoreVersion(backend.editions, { editionId: id, versionId: v1.id, author: 'Ada' });
    expect(backend.editions.get(id)).toEqual(before);
    expect(backend.store.logLength(editionRoom(id))).toBeGreaterThan(logBefore);

    const [auto] = backend.store.listVersions(id);
    expect(auto).toMatchObject({ auto: true, label: 'Before restoring “Before edits”' });
    expect(readVersion(backend.editions, id, auto!.id)).toEqual(edited);
    restoreVersion(backend.editions, { editionId: id, versionId: auto!.id });
    expect(backend.editions.get(id)).toEqual(edited);
    expect(readBody(backend.editions.host.read(sectionRoom(feature!.id)))).toEqual(
      edited.sections[2]!.body,
    );
    backend.close();
  });

  it('answers API calls with results: validation and not-found are values, not throws', async () => {
    const backend = openBackend(join(tempDir(), 'g.db'));
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
    backend.close();
  });
});
