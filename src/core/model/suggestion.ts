import { restorePerson } from '../review/people.ts';
import type { ReviewPerson } from '../review/types.ts';

/**
 * A suggestion as the body keeps it: a `text` run with the node state
 * `"$": { "suggestion": … }` and Lexical's unmergeable detail bit. This file reads that
 * form without an editor, for restoreBody, exports and preflight;
 * lexical/suggestionState.ts is the editor's side.
 */

/** The NodeState key under which a suggestion run keeps its suggestion. */
export const SUGGESTION_KEY = 'suggestion';

/** Lexical's `detail` bit that keeps a text run from being merged with its neighbours. */
export const UNMERGEABLE = 2;

/** `insert`: text someone proposes to add. `delete`: text someone proposes to remove. */
export type SuggestionKind = 'insert' | 'delete';

/** Who proposed what, and when. One suggestion may span several runs with the same id. */
export interface Suggestion {
  kind: SuggestionKind;
  id: string;
  author: ReviewPerson;
  /** ISO time the suggestion was made. */
  time: string;
}

const ID = /^[A-Za-z0-9_-]{1,64}$/;

/** A stored suggestion value repaired, or null when it has no kind, id or author. */
export function restoreSuggestion(value: unknown): Suggestion | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const record = value as Record<string, unknown>;
  const kind = record.kind === 'insert' || record.kind === 'delete' ? record.kind : null;
  const id = typeof record.id === 'string' && ID.test(record.id) ? record.id : null;
  const author = restorePerson(record.author);
  if (kind === null || id === null || author === null) return null;
  const time =
    typeof record.time === 'string' && !Number.isNaN(Date.parse(record.time))
      ? new Date(Date.parse(record.time)).toISOString()
      : new Date(0).toISOString();
  return { kind, id, author, time };
}

/** True when two suggestions are the same one (the value Lexical compares states by). */
export function sameSuggestion(a: Suggestion | null, b: Suggestion | null): boolean {
  if (a === null || b === null) return a === b;
  return (
    a.kind === b.kind &&
    a.id === b.id &&
    a.time === b.time &&
    a.author.id === b.author.id &&
    a.author.name === b.author.name &&
    a.author.color === b.author.color
  );
}

/** The suggestion a serialized body node carries, or null (not a valid suggestion run). */
export function suggestionOf(node: { readonly [key: string]: unknown }): Suggestion | null {
  if (node.type !== 'text') return null;
  const state = node.$;
  if (typeof state !== 'object' || state === null) return null;
  return restoreSuggestion((state as Record<string, unknown>)[SUGGESTION_KEY]);
}

/** The open suggestions of a serialized body, one per id, in reading order. */
export function bodySuggestions(body: {
  root: { children?: ReadonlyArray<Record<string, unknown>> };
}): Suggestion[] {
  const byId = new Map<string, Suggestion>();
  const walk = (node: Record<string, unknown>): void => {
    const suggestion = suggestionOf(node);
    if (suggestion !== null && !byId.has(suggestion.id)) byId.set(suggestion.id, suggestion);
    if (Array.isArray(node.children))
      for (const child of node.children as unknown[])
        if (typeof child === 'object' && child !== null) walk(child as Record<string, unknown>);
  };
  for (const child of body.root.children ?? []) walk(child);
  return [...byId.values()];
}
