import { join } from 'node:path';
import {
  $createParagraphNode,
  $createTextNode,
  $getRoot,
  $isElementNode,
  $isTextNode,
} from 'lexical';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import {
  addSection,
  editionRoom,
  emptyBody,
  moveSection,
  openBodySession,
  readBody,
  readOrder,
  removeSection,
  sectionRoom,
  setEditionMeta,
  setSectionFields,
  writeBody,
  type BodySession,
} from '../../core/index.ts';
import { seededRandom, type Random } from '../../../test/helpers/random.ts';
import { useTempDir } from '../../../test/helpers/tempDir.ts';
import { waitFor } from '../../../test/helpers/waitFor.ts';
import { startServer, type RunningServer } from '../web/startServer.ts';

const tempDir = useTempDir();
const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
});

/** One editor's replica: a provider per room it has opened, and a body session per section. */
class Replica {
  readonly providers = new Map<string, WebsocketProvider>();
  readonly bodies = new Map<string, BodySession>();
  online = true;

  constructor(
    readonly name: string,
    readonly server: RunningServer,
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

function randomStep(r: Random, replica: Replica, step: number): void {
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

async function runSeed(seed: number, steps: number): Promise<void> {
  const r = seededRandom(seed);
  const start = async (name: string) => {
    const s = await startServer({
      dbPath: join(tempDir(), `${name}.db`),
      port: 0,
      tokens: [`token-${name}`],
      hub: { log: () => {} },
    });
    cleanups.push(() => s.close());
    return s;
  };
  const team = await start('team');
  const local1 = await start('local1');
  const local2 = await start('local2');
  const { id: editionId } = await team.backend.editions.create({ title: 'Fuzz', from: 'blank' });
  const link = (s: RunningServer) =>
    s.peers.join({ url: team.syncUrl, token: team.token, share: [editionId], maxBackoffMs: 100 });
  link(local1);
  link(local2);

  const replicas = [
    new Replica('a', team, editionId),
    new Replica('b', team, editionId),
    new Replica('c', local1, editionId),
    new Replica('d', local2, editionId),
    new Replica('e', local1, editionId),
  ];
  cleanups.push(() => replicas.forEach((rep) => rep.destroy()));
  await waitFor(
    () => replicas.every((rep) => rep.synced()) && readOrder(replicas[4]!.edition).length === 2,
    'replicas synced',
    20_000,
  );

  const linksUp = new Map([
    [local1, true],
    [local2, true],
  ]);
  for (let step = 0; step < steps; step++) {
    const replica = r.pick(replicas);
    const dice = r.next();
    if (dice < 0.04) {
      replica.setOnline(!replica.online);
    } else if (dice < 0.06) {
      const local = r.pick([local1, local2]);
      if (linksUp.get(local)) local.peers.leave(team.syncUrl);
      else link(local);
      linksUp.set(local, !linksUp.get(local));
    } else {
      randomStep(r, replica, step);
    }
    if (step % 10 === 0) await new Promise((resolve) => setTimeout(resolve, r.int(0, 20)));
  }

  // Heal every partition, then everyone must hold the same state.
  for (const replica of replicas) replica.setOnline(true);
  for (const [local, up] of linksUp) if (!up) link(local);
  // What the edition holds: its doc and the sections in its order. (A removed section's
  // body is linked again only if the section comes back, so it may lag until then.)
  const rooms = () => [editionRoom(editionId), ...readOrder(replicas[0]!.edition).map(sectionRoom)];
  const vector = (doc: Y.Doc) => Buffer.from(Y.encodeStateVector(doc)).toString('base64');
  const views = async (room: string) => [
    ...replicas.map((rep) => rep.providers.get(room)?.doc ?? new Y.Doc()),
    await team.hub.read(room),
    await local1.hub.read(room),
    await local2.hub.read(room),
  ];
  const agree = async (room: string) => new Set((await views(room)).map(vector)).size === 1;
  const allAgree = async () => {
    for (const room of rooms()) if (!(await agree(room))) return false;
    return true;
  };
  try {
    await waitFor(
      async () => replicas.every((rep) => rep.synced()) && (await allAgree()),
      `seed ${seed}: every replica and hub converge`,
      30_000,
    );
  } catch (error) {
    const lagging: string[] = [];
    for (const room of rooms()) if (!(await agree(room))) lagging.push(room);
    const detail: string[] = [];
    for (const room of lagging.slice(0, 3)) {
      const clocks = (await views(room)).map((d) =>
        [...Y.decodeStateVector(Y.encodeStateVector(d)).values()].reduce((a, b) => a + b, 0),
      );
      detail.push(`${room}: ${clocks.join(',')}`);
    }
    const unsynced = replicas
      .filter((rep) => !rep.synced())
      .map(
        (rep) =>
          rep.name +
          ':' +
          [...rep.providers.values()]
            .filter((p) => !(p.synced && p.wsconnected))
            .map((p) => p.roomname + (p.wsconnected ? 'C' : 'c') + (p.synced ? 'S' : 's'))
            .join('/'),
      );
    throw new Error(
      `${(error as Error).message}; unsynced replicas [${unsynced}]; ${lagging.length} rooms differ (replicas a-e, team, local1, local2): ${detail.join(' | ')}; links ${JSON.stringify([local1.peers.status(), local2.peers.status()])}`,
    );
  }
  for (const room of rooms()) {
    const stored = await team.backend.store.loadDoc(room);
    expect(vector(stored), `${room} in the team store`).toBe(vector(replicas[0]!.open(room)));
    if (room.startsWith('section:')) {
      const bodies = (await views(room)).map((doc) => readBody(doc));
      for (const body of bodies) expect(body).toEqual(bodies[0]);
    }
  }
  const order = readOrder(replicas[0]!.edition);
  for (const replica of replicas) expect(readOrder(replica.edition)).toEqual(order);
  expect(new Set(order).size).toBe(order.length);
}

describe('convergence under random edits, disconnects and partitions', () => {
  it.each([1, 2, 3, 4])(
    'seed %i: 5 replicas (2 direct, 3 through peer links) converge after 250 steps',
    async (seed) => {
      await runSeed(seed, 250);
    },
    120_000,
  );
});
