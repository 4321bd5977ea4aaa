import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  CloseCode,
  ProtocolError,
  decodeClientMessage,
  encodeSyncStep1,
  encodeSyncUpdate,
} from './protocol.ts';

function refusal(frame: Uint8Array): number | null {
  try {
    decodeClientMessage(frame);
    return null;
  } catch (error) {
    if (error instanceof ProtocolError) return error.closeCode;
    throw error;
  }
}

describe('decodeClientMessage', () => {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, 'hello');
  const update = Y.encodeStateAsUpdate(doc);

  it('reads the messages a y-websocket client sends', () => {
    expect(decodeClientMessage(encodeSyncStep1(doc))).toEqual({
      kind: 'sync-step1',
      stateVector: Y.encodeStateVector(doc),
    });
    expect(decodeClientMessage(encodeSyncUpdate(update))).toEqual({ kind: 'update', update });
    expect(decodeClientMessage(Uint8Array.of(3))).toEqual({ kind: 'query-awareness' });
  });

  it('refuses truncated, trailing and unknown input with the matching close code', () => {
    const message = encodeSyncUpdate(update);
    for (let cut = 0; cut < message.length; cut++) {
      expect(refusal(message.slice(0, cut)), `cut at ${cut}`).toBe(CloseCode.invalidPayload);
    }
    expect(refusal(Uint8Array.from([...message, 0]))).toBe(CloseCode.invalidPayload);
    expect(refusal(Uint8Array.of(2, 0))).toBe(CloseCode.unsupportedData);
    expect(refusal(Uint8Array.of(0, 3, 0))).toBe(CloseCode.unsupportedData);
  });

  it('refuses an awareness update that is not JSON objects', () => {
    const awareness = (state: string) => {
      const inner = encoding.createEncoder();
      encoding.writeVarUint(inner, 1);
      encoding.writeVarUint(inner, 7);
      encoding.writeVarUint(inner, 1);
      encoding.writeVarString(inner, state);
      const outer = encoding.createEncoder();
      encoding.writeVarUint(outer, 1);
      encoding.writeVarUint8Array(outer, encoding.toUint8Array(inner));
      return encoding.toUint8Array(outer);
    };
    expect(refusal(awareness('{"user":{"name":"A"}}'))).toBeNull();
    expect(refusal(awareness('null'))).toBeNull();
    for (const bad of ['{', '[1]', '3', '"x"']) {
      expect(refusal(awareness(bad)), bad).toBe(CloseCode.invalidPayload);
    }
  });
});
