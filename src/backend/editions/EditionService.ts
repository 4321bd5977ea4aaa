import {
  GalleyError,
  addSection,
  applyEdition,
  editionRoom,
  editionWordCount,
  emptyBody,
  newId,
  readBody,
  readEdition,
  readOrder,
  restoreBody,
  restoreEdition,
  sectionRoom,
  sectionText,
  writeBody,
  type Edition,
  type EditionStatus,
  type EditionSummary,
  type SearchHit,
  type SectionBody,
  type SectionKind,
  RenderCache,
} from '../../core/index.ts';
import type { DocHost } from '../docs/DocHost.ts';
import type { GalleyStore } from '../store/GalleyStore.ts';
import { SectionBodies } from './SectionBodies.ts';
import { freezeSentVersion, settleSentAt } from './sentState.ts';
import { blankEdition, sampleEdition } from './starters.ts';

/**
 * Editions as the backend sees them: creation, reading, the derived index and search.
 * Content changes go through the DocHost as Yjs updates; the index is derived from the
 * docs and refreshed after every change made here (the hub refreshes it for editors).
 */
export class EditionService {
  private readonly sectionOwners = new Map<string, string>();
  private scannedOwners = false;
  /** Where rooms are read and changed; changes made through it are noted by `roomChanged`. */
  readonly host: DocHost;
  private readonly bodies: SectionBodies;
  /**
   * Rendered parts of sections (email rows, Markdown, text, preflight findings), shared
   * by the preview (`export.render`), the Checks panel and `editions.check`, so one render
   * serves all of them. It lives here because its keys rely on one body object per doc
   * state, which only this service's `get` hands out.
   */
  readonly renders = new RenderCache();

  constructor(
    readonly store: GalleyStore,
    host: DocHost,
  ) {
    this.host = {
      read: (room) => host.read(room),
      peek: (room, fn) => host.peek(room, fn),
      change: async (room, fn) => {
        try {
          await host.change(room, fn);
        } finally {
          this.roomChanged(room);
        }
      },
    };
    this.bodies = new SectionBodies(host);
  }

  /**
   * Notes that a room's doc changed. The hub calls this for every stored update (editors,
   * linked hubs); changes made through `host` call it themselves.
   */
  roomChanged(room: string): void {
    this.bodies.roomChanged(room);
  }

  /**
   * Creates an edition from a starter (blank, the sample, or the structure of an earlier
   * edition) and returns its summary.
   */
  async create(input: {
    title?: string;
    from?: 'blank' | 'sample' | 'structure';
    sourceId?: string;
    keepBodies?: boolean;
  }): Promise<EditionSummary> {
    let starter: Edition;
    if (input.from === 'structure') {
      if (!input.sourceId)
        throw new GalleyError('invalid-input', 'Say which edition to take the structure from.');
      starter = structureOf(await this.get(input.sourceId), input.keepBodies ?? false);
    } else {
      starter = input.from === 'sample' ? sampleEdition() : blankEdition();
    }
    if (input.title !== undefined && input.title.trim() !== '') starter.title = input.title.trim();
    return this.write(starter);
  }

  /**
   * Adds a section of a kind, its body doc seeded here first so that no client ever
   * bootstraps a body (two would duplicate it); returns the new section's id.
   */
  async addSection(input: {
    editionId: string;
    kind: SectionKind;
    title?: string;
    index?: number;
  }): Promise<string> {
    await this.requireSummary(input.editionId);
    const [section] = restoreEdition({
      sections: [{ kind: input.kind, title: input.title ?? defaultTitle(input.kind) }],
    }).sections;
    if (!section) throw new Error('addSection: restoreEdition dropped the new section');
    const { id: _id, body, ...fields } = section;
    const sectionId = newId();
    await this.host.change(sectionRoom(sectionId), (doc) => writeBody(doc, body));
    await this.host.change(editionRoom(input.editionId), (doc) =>
      addSection(doc, sectionId, fields, input.index),
    );
    await this.refreshIndex(input.editionId);
    return sectionId;
  }

  /** A copy of an edition under new ids, titled as a copy. */
  async duplicate(id: string): Promise<EditionSummary> {
    const source = await this.get(id);
    return this.write({ ...source, title: `Copy of ${source.title}`.slice(0, 300) });
  }

  /**
   * Writes a whole edition as new docs. Ids are always fresh: two replicas that create
   * "the same" edition independently must never share rooms (their histories would merge
   * into duplicated content).
   */
  async write(input: Edition): Promise<EditionSummary> {
    const edition = restoreEdition({
      ...input,
      id: newId(),
      sections: input.sections.map((s) => ({ ...s, id: newId() })),
    });
    for (const section of edition.sections) {
      await this.host.change(sectionRoom(section.id), (doc) => writeBody(doc, section.body));
    }
    await this.host.change(editionRoom(edition.id), (doc) => applyEdition(doc, edition));
    return this.refreshIndex(edition.id);
  }

  /** Reads an edition from its docs; throws `not-found` for an unknown id. */
  async get(id: string): Promise<Edition> {
    await this.requireSummary(id);
    return this.read(id);
  }

  /** The index row of an edition; throws `not-found` for an unknown id. */
  async requireSummary(id: string): Promise<EditionSummary> {
    const summary = await this.store.getEditionSummary(id);
    if (!summary) throw new GalleyError('not-found', `No edition with id ${id}.`);
    return summary;
  }

  /** Re-derives the index row and search text of an edition from its docs. */
  async refreshIndex(id: string): Promise<EditionSummary> {
    // First: a status just set to sent (by anyone) gets its time before the index reads it.
    const sentAt = await settleSentAt(this, id, () => this.store.now().toISOString());
    const edition = await this.read(id);
    for (const section of edition.sections) this.sectionOwners.set(section.id, id);
    const existing = await this.store.getEditionSummary(id);
    const now = this.store.now().toISOString();
    await this.store.upsertEditionIndex({
      id,
      title: edition.title,
      subject: edition.subject,
      status: edition.status,
      number: edition.number,
      publishDate: edition.publishDate,
      wordCount: editionWordCount(edition),
      sectionCount: edition.sections.length,
      createdAt: existing?.createdAt ?? now,
      updatedAt: now,
      sentAt,
    });
    await this.store.replaceSearchText(id, [
      {
        sectionId: null,
        title: edition.title,
        text: [edition.subject, edition.preheader].join('\n'),
      },
      ...edition.sections.map((s) => ({ sectionId: s.id, title: s.title, text: sectionText(s) })),
    ]);
    // After the row exists: once per sending, not on every refresh (see sentState.ts).
    await freezeSentVersion(this, id, sentAt);
    return this.requireSummary(id);
  }

  /** Editions in the index, newest first. */
  list(
    filter: { status?: EditionStatus; includeDeleted?: boolean } = {},
  ): Promise<EditionSummary[]> {
    return this.store.listEditions(filter);
  }

  /** Full-text search over titles, fields and section text. */
  search(query: string, limit?: number): Promise<SearchHit[]> {
    return this.store.search(query, limit);
  }

  /** Moves an edition to the trash (or back): nothing is erased, so delete can be undone. */
  async setDeleted(id: string, deleted: boolean): Promise<EditionSummary> {
    await this.requireSummary(id);
    await this.store.markEditionDeleted(id, deleted);
    return this.requireSummary(id);
  }

  /**
   * The edition a section belongs to, from a map kept by `refreshIndex`; editions not
   * refreshed yet in this process are read once, on the first miss. Null for an unknown section.
   */
  async editionOfSection(sectionId: string): Promise<string | null> {
    const known = this.sectionOwners.get(sectionId);
    if (known !== undefined || this.scannedOwners) return known ?? null;
    // One scan per process; after it, refreshIndex keeps the map current.
    this.scannedOwners = true;
    for (const { id } of await this.list({ includeDeleted: true })) {
      for (const room of (await this.rooms(id)).slice(1))
        this.sectionOwners.set(room.slice('section:'.length), id);
    }
    return this.sectionOwners.get(sectionId) ?? null;
  }

  /** The ids of the rooms that make up an edition now: its doc and its sections' docs. */
  async rooms(id: string): Promise<string[]> {
    const order = await this.host.peek(editionRoom(id), (doc) => readOrder(doc));
    return [editionRoom(id), ...order.map(sectionRoom)];
  }

  /**
   * Makes the live docs hold `target` (same id), writing only what differs: used by
   * version restore, so history only ever grows.
   */
  async bringTo(target: Edition): Promise<void> {
    for (const section of target.sections) {
      const room = sectionRoom(section.id);
      // Both sides restored: raw Lexical JSON orders its keys differently, and a rewrite
      // of an unchanged body would cost its history and every comment anchored in it.
      const current = restoreBody(readBody(await this.host.read(room)));
      if (JSON.stringify(current) !== JSON.stringify(restoreBody(section.body))) {
        await this.host.change(room, (doc) => writeBody(doc, section.body));
      }
    }
    await this.host.change(editionRoom(target.id), (doc) => applyEdition(doc, target));
    await this.refreshIndex(target.id);
  }

  private async read(id: string): Promise<Edition> {
    // Read in place (no copy of the edition doc): readEdition only reads. Bodies come from
    // SectionBodies, already restored: readEdition restores the fields only (restoring an
    // empty body is free) and the kept bodies go in afterwards, once the peek is over.
    const sectionIds: string[] = [];
    const edition = await this.host.peek(editionRoom(id), (doc) =>
      readEdition(id, doc, (sectionId) => {
        sectionIds.push(sectionId);
        return null;
      }),
    );
    if (sectionIds.length !== edition.sections.length)
      throw new Error(
        `EditionService.read: ${id} has ${sectionIds.length} bodies for its sections`,
      );
    const bodies: SectionBody[] = await Promise.all(
      sectionIds.map((sectionId) => this.bodies.read(sectionId)),
    );
    edition.sections.forEach((section, i) => {
      section.body = bodies[i]!;
    });
    return edition;
  }
}

/**
 * The next edition in a series: the same sections with their kinds, titles, assignees and
 * fields (a sponsor slot, a poll's vote URL), status back to draft, the number counted on,
 * and bodies emptied unless kept.
 */
function structureOf(source: Edition, keepBodies: boolean): Edition {
  return {
    ...source,
    title: source.title,
    status: 'draft',
    number: source.number === null ? null : source.number + 1,
    publishDate: null,
    sections: source.sections.map((section) => ({
      ...section,
      status: 'draft',
      body: keepBodies ? section.body : emptyBody(),
    })),
  };
}

const DEFAULT_TITLES: Record<SectionKind, string> = {
  story: 'Untitled story',
  intro: 'Intro',
  sponsor: 'Sponsor',
  poll: 'Poll',
  feedback: 'How did we do?',
  roundup: 'Headlines',
};

function defaultTitle(kind: SectionKind): string {
  return DEFAULT_TITLES[kind];
}
