import { walkBody } from '../export/shared/walkBody.ts';
import { suggestionOf, type Suggestion } from '../model/suggestion.ts';
import type { Section } from '../model/types.ts';
import type { Finding } from './types.ts';

const SNIPPET = 40;

/**
 * One `suggestion-open` warning per open suggestion of a section, at its first run, with
 * who made it and a snippet of its text. Exports leave open suggestions out (they read as
 * rejected), so an editor who forgot one would send the text without it.
 */
export function suggestionFindings(section: Section): Finding[] {
  const open = new Map<string, { suggestion: Suggestion; text: string; path: number[] }>();
  walkBody(section.body, (node, path) => {
    const suggestion = suggestionOf(node);
    if (suggestion === null) return;
    const known = open.get(suggestion.id);
    const text = typeof node.text === 'string' ? node.text : '';
    if (known) known.text += text;
    else open.set(suggestion.id, { suggestion, text, path });
  });
  const where = section.title.trim() === '' ? 'a section' : `"${short(section.title.trim())}"`;
  return [...open.values()].map(({ suggestion, text, path }) => ({
    severity: 'warning',
    code: 'suggestion-open',
    message: `${where} has an open suggestion by ${suggestion.author.name} to ${suggestion.kind === 'insert' ? 'insert' : 'delete'} "${short(text.trim())}"; accept or reject it (exports leave it out)`,
    sectionId: section.id,
    nodePath: path,
  }));
}

function short(text: string): string {
  const chars = [...text.replace(/\s+/g, ' ')];
  return chars.length > SNIPPET ? `${chars.slice(0, SNIPPET - 1).join('')}…` : chars.join('');
}
