import * as Y from 'yjs';

/**
 * One stretch of a section body's flat text that a single Yjs item holds: where it sits in
 * the flat text (the layout of bodyPositions), where it sits in its XmlText, and the id
 * of its first character. Character k of the span has clock `clock + k`.
 */
export interface BodySpan {
  flat: number;
  length: number;
  type: Y.XmlText;
  index: number;
  client: number;
  clock: number;
}

/** A body's flat text with the Yjs item behind each character (separators have none). */
export interface BodyChars {
  text: string;
  spans: BodySpan[];
}

/**
 * Walks a section body's items (not its delta, which forgets them) and lays out the same
 * flat text as bodyPositions, keeping each character's client id and clock: what an
 * insertion's author and "is this new since a state vector" are read from.
 */
export function bodyChars(root: Y.XmlText): BodyChars {
  const spans: BodySpan[] = [];
  let text = '';
  const walk = (type: Y.XmlText) => {
    let index = 0;
    for (let item = type._start; item !== null; item = item.right) {
      // Deleted items and formatting marks take no place in the text or its indexes.
      if (item.deleted || !item.countable) continue;
      const content = item.content;
      if (content instanceof Y.ContentString) {
        spans.push({
          flat: text.length,
          length: content.str.length,
          type,
          index,
          client: item.id.client,
          clock: item.id.clock,
        });
        text += content.str;
        index += content.str.length;
        continue;
      }
      if (content instanceof Y.ContentType) {
        const child = content.type;
        if (child instanceof Y.XmlText) {
          // Same rule as bodyPositions: a block at any depth starts on a new line.
          if (text !== '' && !text.endsWith('\n')) text += '\n';
          walk(child);
        } else if (child instanceof Y.Map && child.get('__type') === 'linebreak') {
          text += '\n';
        }
      }
      index += item.length;
    }
  };
  walk(root);
  return { text, spans };
}

/** The client id behind each character of `chars.text`, -1 for separators. */
export function clientsPerChar(chars: BodyChars): Float64Array {
  // Client ids are unsigned 32-bit: an Int32Array would turn half of them negative.
  const clients = new Float64Array(chars.text.length).fill(-1);
  for (const span of chars.spans) clients.fill(span.client, span.flat, span.flat + span.length);
  return clients;
}
