import { $getRoot, $isElementNode, $isTextNode, type LexicalNode, type TextNode } from 'lexical';
import { $clearSuggestion, $getSuggestion } from '../lexical/suggestionState.ts';
import type { Suggestion } from '../model/suggestion.ts';

/**
 * Accepting and rejecting suggestions: ordinary Lexical edits of the section body, so
 * they reach every replica as Yjs updates. A decision either removes a run or clears its
 * suggestion in place (never re-inserts text), so two editors deciding at once converge
 * to the same text.
 * Accept insert = plain text; reject insert = removed; accept delete = removed;
 * reject delete = plain text.
 */

/** One open suggestion of a body, its runs joined, in reading order. */
export interface SuggestionSummary extends Suggestion {
  /** The suggested (or suggested-away) text, all runs of the suggestion joined. */
  text: string;
}

/** Every run carrying a suggestion, in reading order. */
export function $suggestionRuns(): TextNode[] {
  const runs: TextNode[] = [];
  const walk = (node: LexicalNode): void => {
    if ($getSuggestion(node) !== null && $isTextNode(node)) runs.push(node);
    if ($isElementNode(node)) for (const child of node.getChildren()) walk(child);
  };
  walk($getRoot());
  return runs;
}

/** The open suggestions of the body, one entry per suggestion id, in reading order. */
export function $listSuggestions(): SuggestionSummary[] {
  const byId = new Map<string, SuggestionSummary>();
  for (const run of $suggestionRuns()) {
    const suggestion = $getSuggestion(run)!;
    const known = byId.get(suggestion.id);
    if (known) known.text += run.getTextContent();
    else byId.set(suggestion.id, { ...suggestion, text: run.getTextContent() });
  }
  return [...byId.values()];
}

/** Accepts one suggestion: its insertions become plain text, its deletions go. */
export function $acceptSuggestion(id: string): number {
  return $decide((s) => s.id === id, 'accept');
}

/** Rejects one suggestion: its insertions go, its deletions become plain text again. */
export function $rejectSuggestion(id: string): number {
  return $decide((s) => s.id === id, 'reject');
}

/** Accepts every suggestion of the body (one section). Returns the runs changed. */
export function $acceptAllSuggestions(): number {
  return $decide(() => true, 'accept');
}

/** Rejects every suggestion of the body (one section). Returns the runs changed. */
export function $rejectAllSuggestions(): number {
  return $decide(() => true, 'reject');
}

function $decide(match: (s: Suggestion) => boolean, decision: 'accept' | 'reject'): number {
  let changed = 0;
  for (const run of $suggestionRuns()) {
    const suggestion = $getSuggestion(run)!;
    if (!match(suggestion)) continue;
    const keep = (suggestion.kind === 'insert') === (decision === 'accept');
    if (keep) $clearSuggestion(run);
    else run.remove();
    changed += 1;
  }
  return changed;
}
