import type { NodePath } from '../export/shared/walkBody.ts';
import { inlineHtmlSource } from '../model/inlineHtml.ts';
import type { SerializedBodyNode } from '../model/types.ts';
import type { Finding } from './types.ts';

/** An inline HTML node a section holds, with where it is. */
export interface FoundInlineHtml {
  node: SerializedBodyNode;
  path: NodePath;
}

const TAG = /^<(\/?)([A-Za-z][A-Za-z0-9-]*)/;

/**
 * One warning per section for the tags its inline HTML holds (`<kbd>`, `</kbd>`): the email
 * and the plain text leave them out, so whatever they do in the Markdown (a key cap, a
 * colour) is not in the email; the words between them stay. Comments, declarations and
 * processing instructions show nothing anywhere, so leaving them out changes nothing.
 */
export function inlineHtmlFindings(
  found: FoundInlineHtml[],
): Array<Omit<Finding, 'sectionId'> & { nodePath: NodePath }> {
  const tags: string[] = [];
  let first: NodePath | null = null;
  for (const { node, path } of found) {
    const match = TAG.exec(inlineHtmlSource(node.source) ?? '');
    if (!match) continue;
    first ??= path;
    const tag = `<${match[1]}${match[2]!.toLowerCase()}>`;
    if (!tags.includes(tag)) tags.push(tag);
  }
  if (first === null) return [];
  const shown = tags.length > 4 ? [...tags.slice(0, 4), `${tags.length - 4} more`] : tags;
  return [
    {
      severity: 'warning',
      code: 'inline-html-left-out',
      message: `raw HTML ${shown.join(', ')} is left out of the email and the plain text (it stays in the Markdown); the words around it are kept`,
      nodePath: first,
    },
  ];
}
