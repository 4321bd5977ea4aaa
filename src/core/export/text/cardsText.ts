import { embedKind, PROVIDER_NAMES } from '../../model/embed.ts';
import type { SerializedBodyNode } from '../../model/types.ts';
import { childrenOf } from '../shared/bodyNodes.ts';
import { calloutOf, embedOf, htmlCardText, htmlCardTree } from '../shared/cardNodes.ts';
import { exportHref } from '../shared/links.ts';
import { linesOf, oneLine } from '../shared/text.ts';
import { columns, TEXT_WIDTH, wrap } from './wrap.ts';

/** The card nodes in the plain-text part. */

type TextBlock = string[];
type Blocks = (node: SerializedBodyNode) => TextBlock[];

const INDENT = '    ';

/** A callout: its emoji and title on a line, then its blocks indented under it. */
export function calloutText(node: SerializedBodyNode, blocks: Blocks): TextBlock[] {
  const { emoji, title } = calloutOf(node);
  const heading = [emoji, title].filter((s) => s !== '').join(' ');
  // The blocks were wrapped at the full width; a line the indent pushes past it wraps again.
  const body = childrenOf(node)
    .flatMap(blocks)
    .map((block) =>
      block.flatMap((line) =>
        line === ''
          ? ['']
          : columns(INDENT + line) > TEXT_WIDTH
            ? wrap(line, INDENT, INDENT)
            : [INDENT + line],
      ),
    );
  // One block, so the body reads as the callout's and not as the text after it.
  const lines = heading === '' ? [] : wrap(heading);
  body.forEach((block, i) => {
    if (i > 0 || lines.length > 0) lines.push('');
    lines.push(...block);
  });
  return lines.length === 0 ? [] : [lines];
}

/** An embed: what it is, its words, and its link on a line of its own. */
export function embedText(node: SerializedBodyNode): TextBlock[] {
  const f = embedOf(node);
  const href = f.url === '' ? null : exportHref(f.url);
  const provider = PROVIDER_NAMES[f.provider];
  const lines: string[] = [];
  switch (embedKind(f.provider)) {
    case 'video':
      lines.push(...wrap(`Watch on ${provider}${f.title ? `: ${oneLine(f.title)}` : ''}`));
      break;
    case 'post': {
      const by = [f.author, f.handle].map(oneLine).filter((s) => s !== '');
      // As the email shows it: the byline, the words quoted, then where to read it.
      if (by.length > 0) lines.push(...wrap(by.join(' \u00b7 ')));
      for (const line of linesOf(f.text)) lines.push(...wrap(line, '> '));
      if (href !== null) lines.push(`View on ${provider}:`);
      break;
    }
    default:
      if (f.title !== '') lines.push(...wrap(oneLine(f.title)));
      if (f.text !== '') lines.push(...wrap(oneLine(f.text)));
  }
  if (href !== null) lines.push(href);
  return lines.length === 0 ? [] : [lines];
}

/** An HTML card: the text a reader sees in it, links with their URLs. */
export function htmlCardTextBlocks(node: SerializedBodyNode): TextBlock[] {
  const text = htmlCardText(htmlCardTree(node));
  return text === '' ? [] : [wrap(text)];
}
