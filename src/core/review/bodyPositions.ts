import * as Y from 'yjs';

/**
 * A section body doc's text laid out flat, with a way between flat offsets and Yjs
 * positions. The body is Lexical's collaboration root (`doc.get('root', Y.XmlText)`):
 * every element is an embedded Y.XmlText, every text node a Y.Map of its properties
 * followed by its characters, a line break a Y.Map, a decorator a Y.XmlElement. The
 * flat text joins blocks with '\n' and counts no embed, so a quote read from it is what
 * a reader sees.
 */
export interface BodyPositions {
  text: string;
  /** Flat offset of a position inside the body, or null when `type` is not part of it. */
  offsetOf(type: object, index: number): number | null;
  /** The Yjs type and index that holds the character at (or the caret before) `offset`. */
  positionAt(offset: number): { type: Y.XmlText; index: number } | null;
}

interface Run {
  type: Y.XmlText;
  index: number;
  flat: number;
  length: number;
}

/** The root XmlText a section body doc is bound to. */
export function bodyRoot(doc: Y.Doc): Y.XmlText {
  return doc.get('root', Y.XmlText);
}

/** Lays a section body out flat; see BodyPositions. */
export function bodyPositions(root: Y.XmlText): BodyPositions {
  const runs: Run[] = [];
  // Per type, the flat offset of each of its positions that is not inside a run.
  const marks = new Map<object, Array<[index: number, flat: number]>>();
  let text = '';

  const walk = (type: Y.XmlText) => {
    const typeMarks: Array<[number, number]> = [];
    marks.set(type, typeMarks);
    let index = 0;
    for (const op of type.toDelta() as Array<{ insert: unknown }>) {
      const insert = op.insert;
      if (typeof insert === 'string') {
        runs.push({ type, index, flat: text.length, length: insert.length });
        text += insert;
        index += insert.length;
        continue;
      }
      typeMarks.push([index, text.length]);
      if (insert instanceof Y.XmlText) {
        // Blocks at any depth (root children, list items, table cells) start on a new line.
        if (text !== '' && !text.endsWith('\n')) text += '\n';
        walk(insert);
      } else if (insert instanceof Y.Map && insert.get('__type') === 'linebreak') {
        text += '\n';
      }
      index += 1;
    }
    typeMarks.push([index, text.length]);
  };
  walk(root);

  return {
    text,
    offsetOf(type, index) {
      for (const run of runs)
        if (run.type === type && index >= run.index && index <= run.index + run.length)
          return run.flat + (index - run.index);
      const typeMarks = marks.get(type);
      if (typeMarks === undefined) return null;
      for (const [at, flat] of typeMarks) if (at >= index) return flat;
      return typeMarks.at(-1)?.[1] ?? null;
    },
    positionAt(offset) {
      let best: Run | null = null;
      for (const run of runs) {
        if (offset >= run.flat && offset < run.flat + run.length) return at(run, offset);
        // A caret after a run's last character, when no later run starts there.
        if (offset === run.flat + run.length) best = run;
      }
      return best === null ? null : at(best, offset);
    },
  };
}

function at(run: Run, offset: number) {
  return { type: run.type, index: run.index + (offset - run.flat) };
}
