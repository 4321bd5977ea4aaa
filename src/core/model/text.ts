import type { Edition, Section, SectionBody, SerializedBodyNode } from './types.ts';

const BLOCK_TYPES = new Set([
  'paragraph',
  'heading',
  'quote',
  'listitem',
  'image',
  'button',
  'horizontalrule',
]);

/** The plain text of a body: blocks on their own lines, image captions and button labels included. */
export function bodyText(body: SectionBody): string {
  const lines: string[] = [];
  let line = '';
  const visit = (node: SerializedBodyNode) => {
    switch (node.type) {
      case 'text':
        line += String(node.text ?? '');
        return;
      case 'linebreak':
        line += '\n';
        return;
      case 'tab':
        line += '\t';
        return;
      case 'image':
        line += String(node.caption || node.alt || '');
        break;
      case 'button':
        line += String(node.label ?? '');
        break;
    }
    for (const child of node.children ?? []) visit(child);
    if (BLOCK_TYPES.has(node.type) && line !== '') {
      lines.push(line);
      line = '';
    }
  };
  visit(body.root);
  if (line !== '') lines.push(line);
  return lines.join('\n');
}

/** The searchable text of a section: title, kind fields and body. */
export function sectionText(section: Section): string {
  const parts = [bodyText(section.body)];
  switch (section.kind) {
    case 'sponsor':
      parts.unshift(section.sponsor, section.cta, section.disclosure);
      break;
    case 'poll':
      parts.unshift(section.question, ...section.options);
      break;
    case 'feedback':
      parts.unshift(section.prompt, ...section.choices);
      break;
  }
  return parts.filter((p) => p !== '').join('\n');
}

/** Counts words the way a reader would: runs of letters or digits, apostrophes inside. */
export function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu)?.length ?? 0;
}

/** Words in the whole edition: section titles, kind fields and bodies. */
export function editionWordCount(edition: Edition): number {
  return edition.sections.reduce(
    (sum, s) => sum + countWords(s.title) + countWords(sectionText(s)),
    0,
  );
}
