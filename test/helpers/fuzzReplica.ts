import {
  $createParagraphNode,
  $createTextNode,
  $getRoot,
  $isElementNode,
  $isTextNode,
} from 'lexical';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import {
  $acceptSuggestion,
  $listSuggestions,
  $rejectSuggestion,
  $suggestDeleteSelection,
  $suggestInsertText,
  addReply,
  addSection,
  addThread,
  commentsMap,
  deleteThread,
  editionRoom,
  emptyBody,
  moveSection,
  openBodySession,
  readOrder,
  removeSection,
  sectionRoom,
  setEditionMeta,
  setResolved,
  setSectionFields,
  writeBody,
  type BodySession,
} from '../../src/core/index.ts';
import type { Random } from './random.ts';

// Shared by the hub's convergence fuzz and the cluster's (replicas over several hubs).

/** One editor's replica (for the convergence fuzzes): a provider per room it has opened, and a body session per section. */
export class Replica {
  readonly providers = new Map<string, WebsocketProvider>();
  readonly bodies = new Map<string, BodySession>();
  online = true;

  constructor(
    readonly name: string,
    readonly server: { syncUrl: string; token: string },
    readonly editionId: string,
  ) {
    const edition = this.open(editionRoom(editionId));
    const follow = () => {
      for (const id of readOrder(edition)) this.section(id);
    };
    edition.getArray('order').observe(follow);
    follow();
  }

  get edition(): Y.Doc {
    return this.providers.get(editionRoom(this.editionId))!.doc;
  }

  open(room: string): Y.Doc {
    const existing = this.providers.get(room);
    if (existing) return existing.doc;
    const provider = new WebsocketProvider(this.server.syncUrl, room, new Y.Doc(), {
      params: { token: this.server.token },
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
      maxBackoffTime: 100,
      connect: this.online,
    });
    this.providers.set(room, provider);
    return provider.doc;
  }

  /** The body session of a section, opened (never seeded) on first use. */
  section(id: string): BodySession {
    let session = this.bodies.get(id);
    if (!session) {
      session = openBodySession(this.open(sectionRoom(id)));
      this.bodies.set(id, session);
    }
    return session;
  }

  setOnline(online: boolean): void {
    this.online = online;
    for (const p of this.providers.values()) {
      if (online) p.connect();
      else p.disconnect();
    }
  }

  synced(): boolean {
    return [...this.providers.values()].every((p) => p.synced && p.wsconnected);
  }

  destroy(): void {
    for (const s of this.bodies.values()) s.dispose();
    for (const p of this.providers.values()) p.destroy();
  }
}

const KINDS = ['story', 'sponsor', 'poll'] as const;

/**
 * One random edit by `replica`: edition fields, sections added, moved, removed, text typed,
 * comment threads added, replied to, resolved or deleted, suggestions made and decided.
 */
export function randomStep(r: Random, replica: Replica, step: number): void {
  const doc = replica.edition;
  const order = readOrder(doc);
  const pick = () => (order.length ? r.pick(order) : null);
  switch (r.int(0, 12)) {
    case 10:
      randomComment(r, replica, step, pick());
      return;
    case 11:
    case 12: {
      const id = pick();
      if (id) randomSuggestion(r, replica, step, id);
      return;
    }
    case 0:
      setEditionMeta(doc, { title: `Title ${step} by ${replica.name}` });
      break;
    case 1: {
      // A new section's body is written before its id is published, so nobody seeds it twice.
      const id = `s${step}${replica.name}`;
      writeBody(replica.open(sectionRoom(id)), emptyBody());
      const kind = r.pick(KINDS);
      addSection(
        doc,
        id,
        kind === 'poll'
          ? {
              kind,
              title: id,
              status: 'draft',
              assignee: '',
              question: 'Q?',
              options: ['a', 'b'],
              voteUrl: '',
            }
          : kind === 'sponsor'
            ? {
                kind,
                title: id,
                status: 'draft',
                assignee: '',
                sponsor: 'S',
                url: '',
                cta: '',
                disclosure: '',
              }
            : { kind, title: id, status: 'draft', assignee: '' },
        r.int(0, order.length),
      );
      break;
    }
    case 2: {
      const id = pick();
      if (id) moveSection(doc, id, r.int(0, order.length - 1));
      break;
    }
    case 3: {
      const id = pick();
      if (id && order.length > 2) removeSection(doc, id);
      break;
    }
    case 4: {
      const id = pick();
      if (id)
        setSectionFields(doc, id, {
          status: r.pick(['draft', 'review', 'ready'] as const),
          assignee: replica.name,
        });
      break;
    }
    default: {
      const id = pick();
      if (!id) break;
      const words = ['news', 'café', 'latency', '🎉', 'TK', 'build'];
      replica.section(id).update(() => {
        const root = $getRoot();
        const blocks = root.getChildren().filter($isElementNode);
        const target = blocks.length && r.chance(0.8) ? r.pick(blocks) : null;
        if (!target) {
          root.append($createParagraphNode().append($createTextNode(`${r.pick(words)} `)));
          return;
        }
        const texts = target.getAllTextNodes().filter($isTextNode);
        const text = texts.length ? r.pick(texts) : null;
        if (text && r.chance(0.2) && text.getTextContentSize() > 2) {
          text.spliceText(r.int(0, text.getTextContentSize() - 2), 1, '', false);
        } else if (text) {
          text.spliceText(r.int(0, text.getTextContentSize()), 0, `${r.pick(words)} `, false);
          if (r.chance(0.1)) text.toggleFormat('bold');
        } else {
          target.append($createTextNode(r.pick(words)));
        }
      });
    }
  }
}

const person = (replica: Replica) => ({
  id: replica.name,
  name: `Editor ${replica.name}`,
  color: '#2563eb',
});

/** A comment operation on the edition doc: a new thread, a reply, resolve/reopen, delete. */
function randomComment(r: Random, replica: Replica, step: number, sectionId: string | null): void {
  const doc = replica.edition;
  const threads = [...commentsMap(doc).keys()];
  const thread = threads.length ? r.pick(threads) : null;
  const dice = r.int(0, 3);
  if (dice === 0 || thread === null) {
    addThread(doc, {
      anchor: { sectionId, field: 'title', start: null, end: null },
      quote: `quote ${step}`,
      author: person(replica),
      text: `comment ${step} by ${replica.name}`,
    });
  } else if (dice === 1) {
    addReply(doc, thread, person(replica), `reply ${step}`);
  } else if (dice === 2) {
    setResolved(doc, thread, r.chance(0.7), person(replica));
  } else {
    deleteThread(doc, thread);
  }
}

/** A suggestion in a section body: type or delete as a suggestion, or accept / reject one. */
function randomSuggestion(r: Random, replica: Replica, step: number, sectionId: string): void {
  replica.section(sectionId).update(() => {
    const open = $listSuggestions();
    if (open.length > 0 && r.chance(0.4)) {
      const { id } = r.pick(open);
      if (r.chance(0.5)) $acceptSuggestion(id);
      else $rejectSuggestion(id);
      return;
    }
    const texts = $getRoot().getAllTextNodes();
    if (texts.length === 0) return;
    const text = r.pick(texts);
    const size = text.getTextContentSize();
    const start = r.int(0, size);
    const ctx = { author: person(replica), id: `g${step}${replica.name}` };
    if (r.chance(0.5) && size > 0) {
      text.select(Math.min(start, size - 1), Math.min(size, start + r.int(1, 4)));
      $suggestDeleteSelection(ctx, 'start');
    } else {
      text.select(start, start);
      $suggestInsertText(r.pick(['fresh ', 'idea', '✨ ']), ctx);
    }
  });
}
