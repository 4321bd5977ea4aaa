import * as Y from 'yjs';
import {
  applyEdition,
  editionRoom,
  editionWordCount,
  restoreEdition,
  sectionRoom,
  sectionText,
  writeBody,
  type Edition,
} from '../../src/core/index.ts';
import type { GalleyStore } from '../../src/backend/store/GalleyStore.ts';
import { typeUpdates } from './yjsTyping.ts';

/**
 * Fills a store the way Galley does, without the service layer: each edition's docs are
 * written through core (applyEdition, writeBody), their updates appended to the log as
 * emitted, then indexed for the library and search. Every third edition gets a version,
 * every seventh goes to the trash; an asset, settings and a sponsor come along.
 */
export async function fillStore(store: GalleyStore, editions: Edition[]): Promise<void> {
  for (const [i, input] of editions.entries()) {
    const edition = restoreEdition({ ...input, id: `ed${i}` });
    const rooms = new Map<string, Uint8Array>();
    const write = async (room: string, change: (doc: Y.Doc) => void) => {
      const doc = new Y.Doc();
      const updates: Uint8Array[] = [];
      doc.on('update', (update: Uint8Array) => updates.push(update));
      change(doc);
      // A few keystrokes more, so a log has several rows to merge.
      const typed = typeUpdates(3 + (i % 5), i + 1);
      Y.applyUpdate(doc, Y.encodeStateAsUpdate(typed.doc));
      await store.appendUpdates(room, updates);
      rooms.set(room, Y.encodeStateAsUpdate(doc));
    };
    for (const section of edition.sections) {
      await write(sectionRoom(section.id), (doc) => writeBody(doc, section.body));
    }
    await write(editionRoom(edition.id), (doc) => applyEdition(doc, edition));
    await store.upsertEditionIndex({
      id: edition.id,
      title: edition.title,
      subject: edition.subject,
      status: edition.status,
      number: edition.number,
      publishDate: edition.publishDate,
      wordCount: editionWordCount(edition),
      sectionCount: edition.sections.length,
      sentAt: edition.status === 'sent' ? '2025-01-02T03:04:05.000Z' : null,
    });
    await store.replaceSearchText(edition.id, [
      { sectionId: null, title: edition.title, text: `${edition.subject}\n${edition.preheader}` },
      ...edition.sections.map((s) => ({ sectionId: s.id, title: s.title, text: sectionText(s) })),
    ]);
    if (i % 3 === 0) {
      await store.createVersion({
        editionId: edition.id,
        label: `Version of ${edition.title}`,
        author: i % 2 === 0 ? 'Ada' : '',
        auto: i % 2 === 1,
        rooms,
      });
    }
    if (i % 7 === 6) await store.markEditionDeleted(edition.id, true);
  }
  const logo = await store.putAsset(new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10]), 'image/png');
  await store.setSetting('sampleSeeded', true);
  await store.setSetting('prefs', { theme: 'dark', recent: ['ed0', 'ed1'] });
  await store.putSponsor({
    id: 'sp1',
    name: 'Acme',
    url: 'https://acme.example.com',
    disclosure: 'Sponsored by Acme.',
    cta: 'Try it',
    logo,
    flightStart: '2025-01-01',
    flightEnd: null,
    notes: '',
    createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2025-01-01T00:00:00.000Z',
  });
}
