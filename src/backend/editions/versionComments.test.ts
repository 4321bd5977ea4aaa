import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { markdownToBody, sectionRoom, writeBody, type Result } from '../../core/index.ts';
import { useTempDir } from '../../../test/helpers/tempDir.ts';
import { openBackend } from '../openBackend.ts';

const tempDir = useTempDir();

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

describe('versions keep comments', () => {
  it('brings back the threads a version was saved with after they were deleted', async () => {
    const backend = await openBackend(join(tempDir(), 'g.db'));
    try {
      const markdown = '# Weekly\n\n## Census\n\nThe quokka census grew by forty percent.\n';
      const { summary } = value(await backend.invoke('editions.import', { markdown }));
      const editionId = summary.id;
      const { edition } = value(await backend.invoke('editions.get', { id: editionId }));
      const sectionId = edition.sections[0]!.id;
      const author = { name: 'Ana Lima', color: '#2563eb' };

      const onBody = value(
        await backend.invoke('comments.add', {
          editionId,
          sectionId,
          quote: 'forty percent',
          text: 'Source?',
          author,
        }),
      );
      value(
        await backend.invoke('comments.reply', {
          editionId,
          threadId: onBody.id,
          text: 'The census office',
          author: { name: 'Bo' },
        }),
      );
      const onSubject = value(
        await backend.invoke('comments.add', {
          editionId,
          sectionId: null,
          field: 'title',
          quote: '',
          text: 'Add the date',
          author,
        }),
      );
      value(
        await backend.invoke('comments.resolve', { editionId, threadId: onSubject.id, by: author }),
      );
      const saved = value(await backend.invoke('comments.list', { editionId, status: 'all' }));
      expect(saved.threads).toHaveLength(2);
      const version = value(
        await backend.invoke('versions.create', { editionId, label: 'With comments' }),
      );

      for (const thread of saved.threads)
        value(await backend.invoke('comments.delete', { editionId, threadId: thread.id }));
      const later = value(
        await backend.invoke('comments.add', {
          editionId,
          sectionId,
          quote: 'quokka',
          text: 'Made after the version',
          author,
        }),
      );
      expect(
        value(await backend.invoke('comments.list', { editionId, status: 'all' })).threads,
      ).toHaveLength(1);

      value(await backend.invoke('versions.restore', { editionId, versionId: version.id }));
      const restored = value(await backend.invoke('comments.list', { editionId, status: 'all' }));
      // The same threads, replies, resolution and anchors (still on their text).
      expect(restored).toEqual(saved);
      expect(restored.threads.find((t) => t.id === onBody.id)).toMatchObject({
        anchorText: 'forty percent',
        onDeletedText: false,
      });

      // The thread made after the version went with the restore, into the automatic
      // version saved just before it, which brings it back in turn.
      const before = value(await backend.invoke('versions.list', { editionId })).find((v) =>
        v.label.startsWith('Before restoring'),
      )!;
      value(await backend.invoke('versions.restore', { editionId, versionId: before.id }));
      const undone = value(await backend.invoke('comments.list', { editionId, status: 'all' }));
      expect(undone.threads.map((t) => t.id)).toEqual([later.id]);
    } finally {
      await backend.close();
    }
  });

  it('anchors a thread on its quote again when the restore had to rewrite its section', async () => {
    const backend = await openBackend(join(tempDir(), 'g.db'));
    try {
      const markdown = '# Weekly\n\n## Census\n\nThe quokka census grew by forty percent.\n';
      const { summary } = value(await backend.invoke('editions.import', { markdown }));
      const editionId = summary.id;
      const { edition } = value(await backend.invoke('editions.get', { id: editionId }));
      const sectionId = edition.sections[0]!.id;
      const thread = value(
        await backend.invoke('comments.add', {
          editionId,
          sectionId,
          quote: 'forty percent',
          text: 'Source?',
          author: { name: 'Ana' },
        }),
      );
      const version = value(await backend.invoke('versions.create', { editionId, label: 'v1' }));
      // The whole body is replaced after the version: its text (and the anchor) is gone.
      await backend.editions.host.change(sectionRoom(sectionId), (doc) =>
        writeBody(doc, markdownToBody('Something else entirely.').body),
      );
      const gone = value(await backend.invoke('comments.list', { editionId }));
      expect(gone.threads[0]).toMatchObject({ id: thread.id, onDeletedText: true });

      value(await backend.invoke('versions.restore', { editionId, versionId: version.id }));
      const back = value(await backend.invoke('comments.list', { editionId }));
      expect(back.threads[0]).toMatchObject({
        id: thread.id,
        anchorText: 'forty percent',
        onDeletedText: false,
      });
    } finally {
      await backend.close();
    }
  });
});
