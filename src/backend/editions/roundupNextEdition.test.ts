import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { roundupEdition } from '../../../test/fixtures/export/roundupEdition.ts';
import { useTempDir } from '../../../test/helpers/tempDir.ts';
import { openBackend } from '../openBackend.ts';

const tempDir = useTempDir();

describe('a roundup in the next edition', () => {
  it('carries its kind and title; its items go with the body, emptied or kept like every kind', async () => {
    const backend = await openBackend(join(tempDir(), 'g.db'));
    try {
      const source = await backend.editions.write(roundupEdition());
      const next = await backend.editions.get(
        (await backend.editions.create({ from: 'structure', sourceId: source.id })).id,
      );
      const roundup = next.sections.find((s) => s.kind === 'roundup');
      expect(roundup?.title).toBe('Headlines');
      expect(roundup?.body.root.children.map((n) => n.type)).toEqual(['paragraph']);

      const kept = await backend.editions.get(
        (
          await backend.editions.create({
            from: 'structure',
            sourceId: source.id,
            keepBodies: true,
          })
        ).id,
      );
      const items = kept.sections.find((s) => s.kind === 'roundup')!.body.root.children;
      expect(items.map((n) => n.title)).toEqual([
        'Bun 2.0 ships',
        expect.stringContaining('A very long headline'),
        'No emoji, no source',
      ]);
    } finally {
      await backend.close();
    }
  });

  it('a new roundup section starts titled "Headlines" with an empty body', async () => {
    const backend = await openBackend(join(tempDir(), 'g.db'));
    try {
      const { id } = await backend.editions.create({ from: 'blank' });
      await backend.editions.addSection({ editionId: id, kind: 'roundup' });
      const section = (await backend.editions.get(id)).sections.at(-1)!;
      expect([section.kind, section.title, section.body.root.children.length]).toEqual([
        'roundup',
        'Headlines',
        1,
      ]);
    } finally {
      await backend.close();
    }
  });
});
