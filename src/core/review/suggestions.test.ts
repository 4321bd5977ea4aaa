import { $createTextNode, $getRoot, $isElementNode, $isTextNode, type TextNode } from 'lexical';
import { $createCodeBlockNode } from '../lexical/CodeBlockNode.ts';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { openBodySession, type BodySession } from '../lexical/bodySession.ts';
import { $createSuggestionNode, $getSuggestion } from '../lexical/suggestionState.ts';
import { emptyBody, restoreBody } from '../model/restoreBody.ts';
import type { SectionBody, SerializedBodyNode } from '../model/types.ts';
import { suggestionOf, type Suggestion } from '../model/suggestion.ts';
import {
  $acceptAllSuggestions,
  $acceptSuggestion,
  $listSuggestions,
  $rejectAllSuggestions,
  $rejectSuggestion,
} from './suggestions.ts';
import {
  $insertPlainText,
  $suggestDeleteCharacter,
  $suggestDeleteSelection,
  $suggestInsertText,
} from './suggestEdits.ts';

const ana = { id: 'ana', name: 'Ana Lima', color: '#2563eb' };
const bo = { id: 'bo', name: 'Bo', color: '#16a34a' };
const TIME = '2026-12-07T09:00:00.000Z';

const suggestion = (kind: 'insert' | 'delete', id: string, author = ana): Suggestion => ({
  kind,
  id,
  author,
  time: TIME,
});

function sync(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

// Two replicas of one section doc that exchange updates only when `sync` is called.
function twoReplicas(): { docA: Y.Doc; docB: Y.Doc; a: BodySession; b: BodySession } {
  const docA = new Y.Doc();
  const docB = new Y.Doc();
  const a = openBodySession(docA);
  const b = openBodySession(docB);
  return { docA, docB, a, b };
}

/** Writes "Hello [brave ]world[ old]." with an insertion s1 by Ana and a deletion s2 by Bo. */
function seedBody(session: BodySession): void {
  session.write({
    root: {
      type: 'root',
      version: 1,
      direction: null,
      format: '',
      indent: 0,
      children: [
        {
          type: 'paragraph',
          version: 1,
          direction: null,
          format: '',
          indent: 0,
          textFormat: 0,
          textStyle: '',
          children: [
            plain('Hello '),
            run('brave ', suggestion('insert', 's1')),
            plain('world'),
            run(' old', suggestion('delete', 's2', bo)),
            plain('.'),
          ],
        },
      ],
    },
  });
}

function plain(text: string): SerializedBodyNode {
  return { type: 'text', version: 1, text, format: 0, detail: 0, mode: 'normal', style: '' };
}

function run(text: string, s: Suggestion, format = 0): SerializedBodyNode {
  return { ...plain(text), format, detail: 2, $: { suggestion: s } };
}

function text(session: BodySession): string {
  let out = '';
  session.update(() => {
    out = $getRoot().getTextContent();
  });
  return out;
}

function runs(body: SectionBody): SerializedBodyNode[] {
  return body.root.children.flatMap((block) => block.children ?? []);
}

describe('a suggestion run', () => {
  it('reaches another replica with its suggestion, stays a run of its own, and restores to itself', () => {
    const { docA, docB, a, b } = twoReplicas();
    seedBody(a);
    sync(docA, docB);
    const body = b.read();
    expect(runs(body).map((n) => [n.text, suggestionOf(n)?.kind ?? null])).toEqual([
      ['Hello ', null],
      ['brave ', 'insert'],
      ['world', null],
      [' old', 'delete'],
      ['.', null],
    ]);
    expect(suggestionOf(runs(body)[1]!)).toEqual(suggestion('insert', 's1'));
    // What Lexical exports is already canonical.
    expect(restoreBody(body)).toEqual(body);
    b.update(() => {
      expect($listSuggestions().map((s) => [s.id, s.kind, s.text])).toEqual([
        ['s1', 'insert', 'brave '],
        ['s2', 'delete', ' old'],
      ]);
    });
  });

  it('keeps its suggestion on both parts when half of it is made bold', () => {
    const { docA, docB, a, b } = twoReplicas();
    seedBody(a);
    a.update(() => {
      const inserted = $getRoot().getAllTextNodes()[1]!;
      inserted.select(0, 3);
      const [bold] = inserted.splitText(3);
      bold!.toggleFormat('bold');
    });
    sync(docA, docB);
    const parts = runs(b.read()).filter((n) => suggestionOf(n)?.id === 's1');
    expect(parts.map((n) => [n.text, n.format])).toEqual([
      ['bra', 1],
      ['ve ', 0],
    ]);
  });

  it('repairs loose JSON: a run with an unreadable suggestion is plain text, a good one keeps author and time', () => {
    const loose = {
      root: {
        children: [
          {
            type: 'paragraph',
            children: [
              { type: 'text', text: 'a', $: { suggestion: { kind: 'move', id: 'x' } } },
              { type: 'text', text: 'b' },
              {
                type: 'text',
                text: 'c',
                format: 1,
                $: { suggestion: { kind: 'insert', id: 'k1', author: { id: 'z', color: 'red' } } },
              },
            ],
          },
        ],
      },
    };
    const restored = runs(restoreBody(loose));
    expect(restored.map((n) => [n.text, n.detail])).toEqual([
      ['ab', 0],
      ['c', 2],
    ]);
    expect(suggestionOf(restored[1]!)).toEqual({
      kind: 'insert',
      id: 'k1',
      author: { id: 'z', name: 'Someone', color: '#6b7280' },
      time: new Date(0).toISOString(),
    });
  });
});

describe('accepting and rejecting', () => {
  it.each([
    ['accept insert', () => $acceptSuggestion('s1'), 'Hello brave world old.'],
    ['reject insert', () => $rejectSuggestion('s1'), 'Hello world old.'],
    ['accept delete', () => $acceptSuggestion('s2'), 'Hello brave world.'],
    ['reject delete', () => $rejectSuggestion('s2'), 'Hello brave world old.'],
    ['accept all', () => $acceptAllSuggestions(), 'Hello brave world.'],
    ['reject all', () => $rejectAllSuggestions(), 'Hello world old.'],
  ])('%s', (_name, decide, expected) => {
    const { docA, docB, a, b } = twoReplicas();
    seedBody(a);
    sync(docA, docB);
    b.update(decide);
    sync(docA, docB);
    expect(text(a)).toBe(expected);
    expect(text(b)).toBe(expected);
  });

  it('converges when two replicas decide at once, without doubling accepted text', () => {
    const { docA, docB, a, b } = twoReplicas();
    seedBody(a);
    sync(docA, docB);
    // Both accept the insertion; A accepts the deletion while B rejects it.
    a.update(() => {
      $acceptSuggestion('s1');
      $acceptSuggestion('s2');
    });
    b.update(() => {
      $acceptSuggestion('s1');
      $rejectSuggestion('s2');
    });
    sync(docA, docB);
    expect(text(a)).toBe('Hello brave world.');
    expect(text(b)).toBe('Hello brave world.');
    expect(a.read()).toEqual(b.read());
    a.update(() => expect($listSuggestions()).toEqual([]));
  });
});

describe('suggesting edits at the caret', () => {
  const atText = (index: number, offset: number) => () => {
    const node = $getRoot().getAllTextNodes()[index]!;
    node.select(offset, offset);
  };

  it('typing becomes my insertion, and typing on extends it', () => {
    const { a } = twoReplicas();
    seedBody(a);
    a.update(atText(2, 5)); // after "world"
    a.update(() => $suggestInsertText('!', { author: bo, id: 'b1', time: TIME }));
    a.update(() => $suggestInsertText('!', { author: bo, id: 'b2', time: TIME }));
    a.update(() => {
      const mine = $listSuggestions().filter((s) => s.author.id === 'bo' && s.kind === 'insert');
      expect(mine.map((s) => [s.id, s.text])).toEqual([['b1', '!!']]);
    });
    expect(text(a)).toBe('Hello brave world!! old.');
  });

  it('Backspace strikes plain text, steps over struck text, and removes my own insertion', () => {
    const { a } = twoReplicas();
    seedBody(a);
    a.update(atText(4, 1)); // after "."
    a.update(() => expect($suggestDeleteCharacter(true, { author: ana, id: 'd1' })).toBe(true));
    // The next Backspace steps over Bo's struck " old" and strikes the "d" of "world".
    a.update(() => expect($suggestDeleteCharacter(true, { author: ana, id: 'd2' })).toBe(true));
    a.update(() => {
      const deleted = $listSuggestions().filter(
        (s) => s.author.id === 'ana' && s.kind === 'delete',
      );
      expect(deleted.map((s) => s.text).sort()).toEqual(['.', 'd']);
    });
    // Text is kept until a decision: deletion is only suggested.
    expect(text(a)).toBe('Hello brave world old.');
    // Ana's own insertion "brave " goes when she deletes it.
    a.update(() => {
      const inserted = $getRoot().getAllTextNodes()[1]!;
      inserted.select(0, inserted.getTextContentSize());
      $suggestDeleteSelection({ author: ana }, 'start');
    });
    expect(text(a)).toBe('Hello world old.');
  });

  it('replacing a selection strikes the old text and inserts the new after it', () => {
    const { a } = twoReplicas();
    seedBody(a);
    a.update(() => {
      const hello = $getRoot().getAllTextNodes()[0]!;
      hello.select(0, 5);
      $suggestInsertText('Hi', { author: bo, id: 'r1', time: TIME });
    });
    a.update(() => {
      const nodes = $getRoot().getAllTextNodes();
      expect(
        nodes.slice(0, 3).map((n: TextNode) => [n.getTextContent(), $getSuggestion(n)?.kind]),
      ).toEqual([
        ['Hello', 'delete'],
        ['Hi', 'insert'],
        [' ', undefined],
      ]);
    });
    a.update(() => $acceptAllSuggestions());
    expect(text(a)).toBe('Hi brave world.');
  });

  it('Editing mode types plain text beside a suggestion, never into it', () => {
    const { a } = twoReplicas();
    seedBody(a);
    a.update(atText(1, 6)); // at the end of Ana's insertion "brave "
    a.update(() => expect($insertPlainText('very ')).toBe(true));
    a.update(() => {
      expect($listSuggestions().find((s) => s.id === 's1')?.text).toBe('brave ');
      expect($getRoot().getTextContent()).toBe('Hello brave very world old.');
    });
    a.update(atText(0, 2));
    a.update(() => expect($insertPlainText('x')).toBe(false));
  });

  it('edits a code block directly: its runs are plain text by design', () => {
    const { a } = twoReplicas();
    a.write(emptyBody());
    a.update(() => {
      const code = $createCodeBlockNode('js').append($createTextNode('let x = 1;'));
      $getRoot().append(code);
      code.getFirstChildOrThrow<TextNode>().select(3, 3);
      $suggestInsertText('y', { author: ana });
    });
    a.update(() => expect($suggestDeleteCharacter(true, { author: ana })).toBe(false));
    a.update(() => {
      expect($listSuggestions()).toEqual([]);
      expect($getRoot().getTextContent()).toContain('lety x = 1;');
    });
  });

  it('returns false at the start of a block, where Backspace applies directly', () => {
    const { a } = twoReplicas();
    seedBody(a);
    a.update(atText(0, 0));
    a.update(() => expect($suggestDeleteCharacter(true, { author: ana })).toBe(false));
  });

  it('types into an empty paragraph', () => {
    const { a } = twoReplicas();
    a.write(emptyBody());
    a.update(() => {
      const p = $getRoot().getFirstChild();
      if ($isElementNode(p)) p.select(0, 0);
      $suggestInsertText('New', { author: ana, id: 'n1', time: TIME });
    });
    a.update(() => {
      const [node] = $getRoot().getAllTextNodes();
      expect($isTextNode(node) && $getSuggestion(node)?.id).toBe('n1');
      expect($createSuggestionNode('x', suggestion('insert', 'q')).getDetail()).toBe(2);
    });
  });
});
