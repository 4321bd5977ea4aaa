import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  $acceptAllSuggestions,
  openBodySession,
  restoreEdition,
  sectionRoom,
  suggestionOf,
  bodySuggestions,
  type Edition,
  type Suggestion,
} from '../../core/index.ts';
import { para, text } from '../../../test/helpers/bodyNodes.ts';
import { generateEdition } from '../../../test/helpers/generateEdition.ts';
import { useTempDir } from '../../../test/helpers/tempDir.ts';
import { value } from '../../../test/helpers/workbench.ts';
import { openBackend } from '../openBackend.ts';

const tempDir = useTempDir();
const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
});

const suggestion: Suggestion = {
  kind: 'insert',
  id: 'v1',
  author: { id: 'ana', name: 'Ana', color: '#2563eb' },
  time: '2026-12-07T09:00:00.000Z',
};

function openSuggestions(edition: Edition): Suggestion[] {
  return edition.sections.flatMap((s) => bodySuggestions(s.body));
}

describe('suggestions in versions', () => {
  it('are kept by a version and come back when it is restored after they were accepted', async () => {
    const backend = await openBackend(join(tempDir(), 'g.db'));
    cleanups.push(() => backend.close());
    const base = generateEdition(4, 3);
    const [first, ...rest] = base.sections;
    const withRun = {
      ...first!,
      body: {
        root: {
          ...first!.body.root,
          children: [
            ...first!.body.root.children,
            para(text('Keep '), { ...text('VERSIONMARK'), detail: 2, $: { suggestion } }),
          ],
        },
      },
    };
    const { id } = await backend.editions.write(
      restoreEdition({ ...base, sections: [withRun, ...rest] }),
    );
    const sectionId = (await backend.editions.get(id)).sections[0]!.id;
    expect(openSuggestions(await backend.editions.get(id))).toEqual([suggestion]);
    const version = value(
      await backend.invoke('versions.create', { editionId: id, label: 'Under review' }),
    );
    // The version's preview email is an export: the suggestion is not in it.
    const preview = value(
      await backend.invoke('versions.get', { editionId: id, versionId: version.id }),
    );
    expect(openSuggestions(preview.edition)).toEqual([suggestion]);
    expect(preview.email).not.toContain('VERSIONMARK');

    await backend.editions.host.change(sectionRoom(sectionId), (doc) => {
      const session = openBodySession(doc);
      session.update(() => void $acceptAllSuggestions());
      session.dispose();
    });
    const accepted = await backend.editions.get(id);
    expect(openSuggestions(accepted)).toEqual([]);
    expect(JSON.stringify(accepted)).toContain('VERSIONMARK');

    value(await backend.invoke('versions.restore', { editionId: id, versionId: version.id }));
    const restored = await backend.editions.get(id);
    expect(openSuggestions(restored)).toEqual([suggestion]);
    const runs = restored.sections[0]!.body.root.children.flatMap((b) => b.children ?? []);
    expect(runs.filter((n) => suggestionOf(n) !== null).map((n) => n.text)).toEqual([
      'VERSIONMARK',
    ]);
  });
});
