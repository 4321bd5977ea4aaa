import { z } from 'zod';
import type { BusMessage } from './RoomBus.ts';

/** The version field of every payload: a hub ignores payloads of a version it does not know. */
const VERSION = 1;

// Short keys: a payload travels in a NOTIFY, whose limit is 8000 bytes.
const payloadSchema = z.discriminatedUnion('t', [
  z.object({
    v: z.literal(VERSION),
    t: z.literal('s'),
    h: z.string().min(1),
    r: z.string().min(1),
    s: z.number().int().nonnegative(),
  }),
  z.object({
    v: z.literal(VERSION),
    t: z.literal('a'),
    h: z.string().min(1),
    r: z.string().min(1),
    u: z.base64(),
  }),
  z.object({ v: z.literal(VERSION), t: z.literal('b'), h: z.string().min(1) }),
]);

/** The JSON text of a bus message, as sent in a notification. */
export function encodeBusPayload(message: BusMessage): string {
  switch (message.kind) {
    case 'seq':
      return JSON.stringify({
        v: VERSION,
        t: 's',
        h: message.hub,
        r: message.room,
        s: message.seq,
      });
    case 'awareness':
      return JSON.stringify({
        v: VERSION,
        t: 'a',
        h: message.hub,
        r: message.room,
        u: Buffer.from(message.update).toString('base64'),
      });
    case 'bye':
      return JSON.stringify({ v: VERSION, t: 'b', h: message.hub });
  }
}

/** The bus message in a notification's text; null for anything malformed or unknown. */
export function decodeBusPayload(text: string): BusMessage | null {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = payloadSchema.safeParse(json);
  if (!parsed.success) return null;
  const p = parsed.data;
  switch (p.t) {
    case 's':
      return { kind: 'seq', hub: p.h, room: p.r, seq: p.s };
    case 'a':
      return {
        kind: 'awareness',
        hub: p.h,
        room: p.r,
        update: new Uint8Array(Buffer.from(p.u, 'base64')),
      };
    case 'b':
      return { kind: 'bye', hub: p.h };
  }
}
