import type * as Y from 'yjs';
import { bodyChars, clientsPerChar } from './bodyChars.ts';
import { bodyRoot } from './bodyPositions.ts';
import { diffText } from './diffTokens.ts';
import type { ReviewPerson } from './types.ts';

/**
 * A run of a section body's diff over its flat text. An insertion carries the editor
 * whose Yjs client wrote it (null when the edition never recorded that client). A
 * deletion carries no author: Yjs keeps who inserted an item, never who deleted it.
 */
export interface DiffRun {
  kind: 'same' | 'insert' | 'delete';
  text: string;
  author?: ReviewPerson | null;
}

/** Finds the editor of a Yjs client id (see editorOfClient). */
export type AuthorOf = (clientId: number) => ReviewPerson | null;

/**
 * The word diff between two states of a section body doc (null: the section did not
 * exist), with each insertion split by the editor who typed it.
 */
export function diffBody(before: Y.Doc | null, after: Y.Doc | null, authorOf: AuthorOf): DiffRun[] {
  const oldText = before === null ? '' : bodyChars(bodyRoot(before)).text;
  const chars = after === null ? { text: '', spans: [] } : bodyChars(bodyRoot(after));
  const clients = clientsPerChar(chars);
  const authors = new Map<number, ReviewPerson | null>();
  const author = (client: number) => {
    if (!authors.has(client)) authors.set(client, authorOf(client));
    return authors.get(client) ?? null;
  };

  const runs: DiffRun[] = [];
  const push = (run: DiffRun) => {
    const last = runs.at(-1);
    if (last && last.kind === run.kind && sameAuthor(last.author, run.author))
      last.text += run.text;
    else runs.push(run);
  };
  for (const change of diffText(oldText, chars.text)) {
    if (change.kind !== 'insert') {
      push({ kind: change.kind, text: change.text });
      continue;
    }
    // Split the insertion where its author changes. Spaces and separators go with the
    // words around them, so a word diff that aligned an old space does not split a run.
    let start = 0;
    let current = -1;
    for (let i = 0; i < change.text.length; i++) {
      const client = clients[change.at + i] ?? -1;
      if (client === -1 || client === current || /\s/.test(change.text[i]!)) continue;
      if (current !== -1 && author(current)?.id !== author(client)?.id) {
        push({ kind: 'insert', text: change.text.slice(start, i), author: author(current) });
        start = i;
      }
      current = client;
    }
    if (current === -1) current = clients[change.at] ?? -1;
    push({
      kind: 'insert',
      text: change.text.slice(start),
      author: current === -1 ? null : author(current),
    });
  }
  return runs;
}

/** True when a diff has no insertion or deletion. */
export function isUnchanged(runs: readonly DiffRun[]): boolean {
  return runs.every((run) => run.kind === 'same');
}

function sameAuthor(a: ReviewPerson | null | undefined, b: ReviewPerson | null | undefined) {
  return (a?.id ?? null) === (b?.id ?? null);
}
