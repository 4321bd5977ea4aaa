import { restoreBody } from '../../model/restoreBody.ts';
import { suggestionOf, UNMERGEABLE } from '../../model/suggestion.ts';
import type { Edition, SectionBody, SerializedBodyNode } from '../../model/types.ts';

/*
 * Review marks never reach a reader. Every export (email, Markdown, plain text, the
 * bundle, the web archive, the preview) renders the edition as if every open suggestion
 * were rejected: suggested insertions are absent, text suggested away is plain text
 * again. The exporters never see a suggestion, so none of them can show one. Preflight
 * reads the edition as it is, and reports the open suggestions.
 */

// One result per body object: the backend hands out one frozen body per section state, so
// the render cache keeps seeing the same object for an unchanged section.
const rejected = new WeakMap<SectionBody, SectionBody>();

/** The edition with every open suggestion rejected; sections without one are the same objects. */
export function editionAsRejected(edition: Edition): Edition {
  let changed = false;
  const sections = edition.sections.map((section) => {
    const body = bodyAsRejected(section.body);
    if (body === section.body) return section;
    changed = true;
    return { ...section, body };
  });
  return changed ? { ...edition, sections } : edition;
}

/** A body with every open suggestion rejected (the same object when it has no suggestion runs). */
export function bodyAsRejected(body: SectionBody): SectionBody {
  let out = rejected.get(body);
  if (out === undefined) {
    // restoreBody merges the plain runs left side by side, as Lexical would.
    out = hasRuns(body.root)
      ? restoreBody({ root: { ...body.root, children: body.root.children.flatMap(reject) } })
      : body;
    rejected.set(body, out);
  }
  return out;
}

function reject(node: SerializedBodyNode): SerializedBodyNode[] {
  if (node.type === 'text' && typeof node.detail === 'number' && node.detail & UNMERGEABLE) {
    if (suggestionOf(node)?.kind === 'insert') return [];
    const { $: _state, ...rest } = node;
    void _state;
    return [{ ...rest, detail: 0 }];
  }
  if (!Array.isArray(node.children)) return [node];
  return [{ ...node, children: node.children.flatMap(reject) }];
}

// Suggestion runs, open or decided, are the only unmergeable text runs a body holds.
function hasRuns(node: SerializedBodyNode): boolean {
  if (node.type === 'text')
    return typeof node.detail === 'number' && (node.detail & UNMERGEABLE) !== 0;
  return Array.isArray(node.children) && node.children.some(hasRuns);
}
