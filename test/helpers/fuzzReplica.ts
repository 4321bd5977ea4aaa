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
  addSection,
  editionRoom,
  emptyBody,
  moveSection,
  openBodySession,
  readOrder,
  removeSection,
  sectionRoom,
  setEditionMeta,
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

/** One random edit by `replica`: edition fields, sections added, moved, removed, text typed. */
export function randomStep(r: Random, replica: Replica, step: number): void {
  const doc = replica.edition;
  const order = readOrder(doc);
  const pick = () => (order.length ? r.pick(order) : null);
  switch (r.int(0, 9)) {
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
