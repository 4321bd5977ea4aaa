import { createHeadlessEditor } from '@lexical/headless';
import {
  createYjsBinding,
  syncLexicalUpdateToYjs,
  syncYjsChangesToLexical,
  type Binding,
  type Provider,
} from '@lexical/yjs';
import {
  $createParagraphNode,
  $getRoot,
  $parseSerializedNode,
  type LexicalEditor,
  type SerializedLexicalNode,
} from 'lexical';
import * as Y from 'yjs';
import type { SectionBody } from '../model/types.ts';
import { EDITOR_NODES } from './nodes.ts';

/** The Yjs shared type that holds a section body: the Lexical collaboration root. */
export const BODY_ROOT = 'root';

/**
 * A headless Lexical editor kept in sync with a section body doc, so code without a
 * window (backend, CLI, tests) reads and writes bodies exactly as the editor does.
 */
export interface BodySession {
  readonly editor: LexicalEditor;
  /** The body as Lexical JSON, including every update applied to the doc so far. */
  read(): SectionBody;
  /** Replace the whole body; the change reaches the doc as ordinary Yjs updates. */
  write(body: SectionBody): void;
  /** Run an editor update (`$`-functions) and sync it to the doc before returning. */
  update(fn: () => void): void;
  dispose(): void;
}

// Headless sessions have no cursor or presence: awareness is a no-op.
const silentProvider: Provider = {
  awareness: {
    getLocalState: () => null,
    getStates: () => new Map(),
    on: () => {},
    off: () => {},
    setLocalState: () => {},
    setLocalStateField: () => {},
  },
  connect: () => {},
  disconnect: () => {},
  on: () => {},
  off: () => {},
};

/** Creates a headless editor with Galley's node set. */
export function createBodyEditor(): LexicalEditor {
  return createHeadlessEditor({
    namespace: 'galley-body',
    nodes: [...EDITOR_NODES],
    onError: (error) => {
      throw error;
    },
  });
}

/**
 * Opens a session on `doc`. The binding works on a private mirror of the doc (the
 * binding must see the doc's history as events to build Lexical state), and the two
 * are relayed both ways, so the caller's doc only ever receives normal updates.
 */
export function openBodySession(doc: Y.Doc): BodySession {
  const editor = createBodyEditor();
  const mirror = new Y.Doc();
  const relay = Symbol('galley-body-relay');
  const binding: Binding = createYjsBinding({
    editor,
    id: 'body',
    doc: mirror,
    docMap: new Map([['body', mirror]]),
  });

  const sharedRoot = binding.root.getSharedType();
  const onYjs = (events: Array<Y.YEvent<Y.XmlText>>, txn: Y.Transaction) => {
    if (txn.origin !== binding) {
      syncYjsChangesToLexical(binding, silentProvider, events, false);
    }
  };
  sharedRoot.observeDeep(
    onYjs as (events: Array<Y.YEvent<Y.AbstractType<unknown>>>, txn: Y.Transaction) => void,
  );

  const removeListener = editor.registerUpdateListener(
    ({ prevEditorState, editorState, dirtyElements, dirtyLeaves, normalizedNodes, tags }) => {
      syncLexicalUpdateToYjs(
        binding,
        silentProvider,
        prevEditorState,
        editorState,
        dirtyElements,
        dirtyLeaves,
        normalizedNodes,
        tags,
      );
    },
  );

  const toMirror = (update: Uint8Array, origin: unknown) => {
    if (origin !== relay) Y.applyUpdate(mirror, update, relay);
  };
  const toDoc = (update: Uint8Array, origin: unknown) => {
    if (origin !== relay) Y.applyUpdate(doc, update, relay);
  };
  Y.applyUpdate(mirror, Y.encodeStateAsUpdate(doc), relay);
  // Anything the mirror had that the doc lacks (nothing, normally) goes back too.
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(mirror, Y.encodeStateVector(doc)), relay);
  doc.on('update', toMirror);
  mirror.on('update', toDoc);
  flush(editor);

  return {
    editor,
    read() {
      flush(editor);
      return editor.getEditorState().toJSON() as unknown as SectionBody;
    },
    write(body) {
      flush(editor);
      editor.update(
        () => {
          const root = $getRoot();
          root.clear();
          for (const child of body.root.children) {
            root.append($parseSerializedNode(child as unknown as SerializedLexicalNode));
          }
          if (root.getChildrenSize() === 0) root.append($createParagraphNode());
        },
        { discrete: true },
      );
    },
    update(fn) {
      // Commit pending remote changes first: batched into the same update, the local edit
      // would carry the remote update's collaboration tag and never reach the doc.
      flush(editor);
      editor.update(fn, { discrete: true });
    },
    dispose() {
      doc.off('update', toMirror);
      mirror.off('update', toDoc);
      sharedRoot.unobserveDeep(onYjs as never);
      removeListener();
      mirror.destroy();
    },
  };
}

// Remote changes are applied in a deferred editor update; a discrete no-op commits it.
function flush(editor: LexicalEditor): void {
  editor.update(() => {}, { discrete: true });
}

/** Reads a section doc's body as Lexical JSON. */
export function readBody(doc: Y.Doc): SectionBody {
  const session = openBodySession(doc);
  try {
    return session.read();
  } finally {
    session.dispose();
  }
}

/** Replaces a section doc's body with `body`, as Yjs updates on `doc`. */
export function writeBody(doc: Y.Doc, body: SectionBody): void {
  const session = openBodySession(doc);
  try {
    session.write(body);
  } finally {
    session.dispose();
  }
}
