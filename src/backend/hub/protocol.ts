import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { encodeAwarenessUpdate, type Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';

// Message types as y-websocket.js and y-protocols/sync.js number them. Type 2 (auth) only
// ever travels server -> client, so a client sending it is refused like any unknown type.
/** y-websocket message type: a sync sub-message follows. */
export const MESSAGE_SYNC = 0;
/** y-websocket message type: an awareness update follows. */
export const MESSAGE_AWARENESS = 1;
/** y-websocket message type: "send me every awareness state" (no body). */
export const MESSAGE_QUERY_AWARENESS = 3;
/** Sync sub-message: the sender's state vector. */
export const SYNC_STEP1 = 0;
/** Sync sub-message: what the receiver of step 1 lacks, as one update. */
export const SYNC_STEP2 = 1;
/** Sync sub-message: one incremental update. */
export const SYNC_UPDATE = 2;

/** WebSocket close codes the hub uses (RFC 6455 section 7.4.1). */
export const CloseCode = {
  goingAway: 1001,
  unsupportedData: 1003,
  invalidPayload: 1007,
  policyViolation: 1008,
  internalError: 1011,
} as const;

/** A client message, fully decoded and checked: nothing in it can fail to apply. */
export type ClientMessage =
  | { kind: 'sync-step1'; stateVector: Uint8Array }
  | { kind: 'sync-step2' | 'update'; update: Uint8Array }
  | { kind: 'awareness'; update: Uint8Array }
  | { kind: 'query-awareness' };

/** Why a client message was refused, with the close code the connection gets. */
export class ProtocolError extends Error {
  constructor(
    readonly closeCode: number,
    message: string,
  ) {
    super(message);
    this.name = 'ProtocolError';
  }
}

const malformed = (what: string) => new ProtocolError(CloseCode.invalidPayload, what);

/**
 * Decodes one client frame completely before anything touches the room: a truncated
 * frame, trailing bytes, an unknown type, or a payload Yjs cannot decode throws
 * ProtocolError, so the live doc and the log only ever see updates that parsed.
 */
export function decodeClientMessage(frame: Uint8Array): ClientMessage {
  const decoder = decoding.createDecoder(frame);
  const type = readUint(decoder, 'message type');
  let message: ClientMessage;
  if (type === MESSAGE_SYNC) {
    message = decodeSync(decoder);
  } else if (type === MESSAGE_AWARENESS) {
    const update = readBytes(decoder, 'awareness update');
    checkAwarenessUpdate(update);
    message = { kind: 'awareness', update };
  } else if (type === MESSAGE_QUERY_AWARENESS) {
    message = { kind: 'query-awareness' };
  } else {
    throw new ProtocolError(CloseCode.unsupportedData, `unknown message type ${type}`);
  }
  // The standard client sends exactly one message per frame; extra bytes mean a broken or
  // hostile sender, and accepting them would let a frame mean different things to different parsers.
  if (decoding.hasContent(decoder)) throw malformed('trailing bytes after the message');
  return message;
}

function decodeSync(decoder: decoding.Decoder): ClientMessage {
  const step = readUint(decoder, 'sync message type');
  const payload = readBytes(decoder, 'sync payload');
  if (step === SYNC_STEP1) {
    try {
      Y.decodeStateVector(payload);
    } catch {
      throw malformed('sync step 1 carries an invalid state vector');
    }
    return { kind: 'sync-step1', stateVector: payload };
  }
  if (step !== SYNC_STEP2 && step !== SYNC_UPDATE) {
    throw new ProtocolError(CloseCode.unsupportedData, `unknown sync message type ${step}`);
  }
  try {
    // Decoding reads every struct and the delete set with the same readers applyUpdate uses,
    // so an update that passes here fails to apply only through a Yjs bug.
    Y.decodeUpdate(payload);
  } catch {
    throw malformed('sync message carries an update Yjs cannot decode');
  }
  return { kind: step === SYNC_STEP2 ? 'sync-step2' : 'update', update: payload };
}

/**
 * Checks an awareness update the way applyAwarenessUpdate will read it, throwing
 * ProtocolError. States must be JSON objects or null: other editors' presence code reads
 * fields off them and must not meet a bare number or string. (Also what a peer link
 * checks before taking presence from a remote hub.)
 */
export function checkAwarenessUpdate(update: Uint8Array): void {
  const decoder = decoding.createDecoder(update);
  const count = readUint(decoder, 'awareness entry count');
  for (let i = 0; i < count; i++) {
    readUint(decoder, 'awareness client id');
    readUint(decoder, 'awareness clock');
    let state: unknown;
    try {
      state = JSON.parse(decoding.readVarString(decoder));
    } catch {
      throw malformed('awareness state is not JSON');
    }
    if (state !== null && (typeof state !== 'object' || Array.isArray(state))) {
      throw malformed('awareness state is not an object or null');
    }
  }
  if (decoding.hasContent(decoder)) throw malformed('trailing bytes after the awareness update');
}

function readUint(decoder: decoding.Decoder, what: string): number {
  try {
    return decoding.readVarUint(decoder);
  } catch {
    throw malformed(`truncated or invalid ${what}`);
  }
}

function readBytes(decoder: decoding.Decoder, what: string): Uint8Array {
  try {
    return decoding.readVarUint8Array(decoder);
  } catch {
    throw malformed(`truncated ${what}`);
  }
}

/** Sync step 1: the room's state vector, asking the client for what the room lacks. */
export function encodeSyncStep1(doc: Y.Doc): Uint8Array {
  return encodeSync(SYNC_STEP1, Y.encodeStateVector(doc));
}

/** Sync step 2: everything in the room that a client with `stateVector` lacks. */
export function encodeSyncStep2(doc: Y.Doc, stateVector: Uint8Array): Uint8Array {
  return encodeSync(SYNC_STEP2, Y.encodeStateAsUpdate(doc, stateVector));
}

/** A sync update message relaying one (committed) update. */
export function encodeSyncUpdate(update: Uint8Array): Uint8Array {
  return encodeSync(SYNC_UPDATE, update);
}

function encodeSync(step: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  encoding.writeVarUint(encoder, step);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

/** An awareness message with the current states of `clients` (removed ones encode as null). */
export function encodeAwareness(awareness: Awareness, clients: number[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
  encoding.writeVarUint8Array(encoder, encodeAwarenessUpdate(awareness, clients));
  return encoding.toUint8Array(encoder);
}
