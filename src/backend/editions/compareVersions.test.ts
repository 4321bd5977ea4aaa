import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  bodyRoot,
  editionRoom,
  recordClient,
  recordEditor,
  sectionRoom,
  setSectionFields,
  type Result,
} from '../../core/index.ts';
import { useTempDir } from '../../../test/helpers/tempDir.ts';
import { openBackend, type Backend } from '../openBackend.ts';

const tempDir = useTempDir();
const bo = { id: 'bo', name: 'Bo', color: '#16a34a' };

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

/** Applies what a client with `clientID` would send after running `edit` on its replica. */
async function editAs(
  backend: Backend,
  room: string,
  clientID: number,
  edit: (doc: Y.Doc) => void,
) {
  await backend.editions.host.change(room, (doc) => {
    const replica = new Y.Doc();
    replica.clientID = clientID;
    Y.applyUpdate(replica, Y.encodeStateAsUpdate(doc));
    edit(replica);
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(replica, Y.encodeStateVector(doc)));
  });
}

/** The first paragraph's XmlText of a body doc. */
function firstBlock(doc: Y.Doc): Y.XmlText {
  const block = (bodyRoot(doc).toDelta() as Array<{ insert: unknown }>)
    .map((op) => op.insert)
    .find((x): x is Y.XmlText => x instanceof Y.XmlText);
  if (!block) throw new Error('no paragraph');
  return block;
}

describe('versions.compare over the real store', () => {
  it('diffs a version against a later one and against now, crediting Bo’s insertion', async () => {
    const backend = await openBackend(join(tempDir(), 'g.db'));
    const [summary] = value(await backend.invoke('editions.list', {}));
    const editionId = summary!.id;
    const { edition } = value(await backend.invoke('editions.get', { id: editionId }));
    const section = edition.sections.find((s) => s.kind === 'story')!;
    const before = value(
      await backend.invoke('versions.create', { editionId, label: 'Before Bo' }),
    );

    await editAs(backend, editionRoom(editionId), 202, (doc) => {
      recordEditor(doc, bo);
      recordClient(doc, 202, 'bo');
      setSectionFields(doc, section.id, { title: 'Renamed by Bo' });
    });
    await editAs(backend, sectionRoom(section.id), 202, (doc) =>
      firstBlock(doc).insert(1, 'BREAKING ZEBRA '),
    );
    const after = value(await backend.invoke('versions.create', { editionId, label: 'After Bo' }));

    for (const to of [after.id, 'now']) {
      const compared = value(
        await backend.invoke('versions.compare', { editionId, from: before.id, to }),
      );
      expect(compared.from.label).toBe('Before Bo');
      expect(compared.to?.label ?? 'now').toBe(to === 'now' ? 'now' : 'After Bo');
      expect(compared.diff.changed).toBe(true);
      const changed = compared.diff.sections.filter((s) => s.changed);
      expect(changed.map((s) => s.sectionId)).toEqual([section.id]);
      expect(changed[0]!.fields).toEqual([
        { field: 'title', before: section.title, after: 'Renamed by Bo' },
      ]);
      expect(changed[0]!.body.filter((r) => r.kind !== 'same')).toEqual([
        { kind: 'insert', text: 'BREAKING ZEBRA ', author: bo },
      ]);
    }

    const same = value(
      await backend.invoke('versions.compare', { editionId, from: after.id, to: 'now' }),
    );
    expect(same.diff.changed).toBe(false);

    expect(
      await backend.invoke('versions.compare', { editionId, from: 'nope', to: 'now' }),
    ).toMatchObject({ ok: false, error: { code: 'not-found' } });
    await backend.close();
  });
});
