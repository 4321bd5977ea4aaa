import type { ReviewPerson } from './types.ts';

/**
 * The editors @mentioned in a comment: `@` followed by an editor's full name (longest
 * name first, so "@Ana Lima" is not read as "@Ana"), case-insensitive, ending at a
 * non-letter. Returns their ids, each once.
 */
export function findMentions(text: string, editors: ReviewPerson[]): string[] {
  const byLength = [...editors].sort((a, b) => b.name.length - a.name.length);
  const found = new Set<string>();
  const lower = text.toLowerCase();
  for (let at = lower.indexOf('@'); at >= 0; at = lower.indexOf('@', at + 1)) {
    for (const editor of byLength) {
      const name = editor.name.toLowerCase();
      if (!lower.startsWith(name, at + 1)) continue;
      const next = lower.charAt(at + 1 + name.length);
      if (next !== '' && /[\p{L}\p{N}_]/u.test(next)) continue;
      found.add(editor.id);
      break;
    }
  }
  return [...found];
}
