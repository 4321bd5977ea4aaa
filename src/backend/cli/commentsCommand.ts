import type { ApiOutputs, CommentThreadView } from '../../core/index.ts';
import { call, type Command } from './call.ts';

/**
 * `galley comments <id>`: an edition's open comment threads with the text each is on,
 * who opened it and how many replies it has; `--all` adds the resolved ones.
 */

const FIRST_LINE = 100;

/** The threads for a terminal, one block each. */
export function formatComments(
  { threads, open, resolved }: ApiOutputs['comments.list'],
  all: boolean,
): string {
  const hidden = all || resolved === 0 ? '' : ` (${resolved} resolved not shown: add --all)`;
  if (threads.length === 0) return `No open comment threads${hidden}.`;
  const head = all
    ? `${open} open and ${resolved} resolved comment thread(s)`
    : `${open} open comment thread(s)${hidden}`;
  return [head, ...threads.map((t, i) => formatThread(t, i + 1))].join('\n\n');
}

function formatThread(thread: CommentThreadView, n: number): string {
  const first = thread.messages[0]!;
  const replies = thread.messages.length - 1;
  const state = thread.resolved
    ? `resolved${thread.resolvedBy ? ` by ${terminalSafe(thread.resolvedBy.name)}` : ''}`
    : 'open';
  return [
    `${n}. ${location(thread)}  [${state}]`,
    `   ${terminalSafe(thread.author.name)}: ${firstLine(first.deleted ? '(deleted)' : first.text)}`,
    `   ${replies} ${replies === 1 ? 'reply' : 'replies'} · thread ${thread.id}`,
  ].join('\n');
}

/** Where the thread is and the text it is on: the text now, or the quote once it is gone. */
function location(thread: CommentThreadView): string {
  const { sectionId, field } = thread.anchor;
  const place =
    sectionId === null
      ? `Edition ${field}`
      : `${thread.sectionTitle ? terminalSafe(thread.sectionTitle) : 'A removed section'}` +
        (field === 'body' ? '' : ` · ${field}`);
  if (thread.onDeletedText) return `${place} · on deleted text “${firstLine(thread.quote)}”`;
  return `${place} · “${firstLine(thread.anchorText || thread.quote)}”`;
}

function firstLine(text: string): string {
  const line = terminalSafe(text.replace(/\s+/g, ' ').trim());
  return line.length > FIRST_LINE ? `${line.slice(0, FIRST_LINE - 1)}…` : line;
}

// Comment text comes from anyone with write access: escape sequences in it must not
// reach the terminal (they can move the cursor, retitle the window, hide text).
function terminalSafe(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, '\ufffd');
}

export const commentsCommand: Command = {
  usage: 'galley comments <id> [--all] [--json]',
  summary: 'List the open comment threads of an edition with the text they are on',
  options: { all: { type: 'boolean' }, json: { type: 'boolean' } },
  positionals: 1,
  run: ({ positionals, values }) => {
    const all = values.all === true;
    return call(
      'comments.list',
      { editionId: positionals[0], status: all ? 'all' : 'open' },
      { print: (list) => formatComments(list, all) },
    );
  },
};
