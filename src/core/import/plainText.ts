import type { Nodes } from 'mdast';

/**
 * The plain text of mdast phrasing, for the places the model holds plain text only
 * (section titles, button labels): formatting is dropped, an image gives its alt text,
 * raw HTML gives nothing. Line endings are kept: in an ATX heading one can only come from
 * a character reference (`&#xA;`), which stands for a real newline in the title.
 */
export function plainText(nodes: readonly Nodes[]): string {
  let text = '';
  for (const node of nodes) {
    if (node.type === 'text' || node.type === 'inlineCode') text += node.value;
    else if (node.type === 'break') text += ' ';
    else if (node.type === 'image' || node.type === 'imageReference') text += node.alt ?? '';
    else if ('children' in node) text += plainText(node.children);
  }
  return text;
}
