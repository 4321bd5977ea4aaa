import type { Edition, Section, SerializedBodyNode } from '../../src/core/index.ts';
import { el as element, text } from './bodyNodes.ts';
import { codeBlock } from './codeBlockNodes.ts';
import { type Random, seededRandom } from './random.ts';
import { generateBlockList } from './generateBlockList.ts';
import { generateCard } from './generateCards.ts';
import { generateTable } from './generateTable.ts';
import { generateQuoteBlock } from './generateQuoteBlock.ts';

const WORDS = [
  'release',
  'pipeline',
  'latency',
  'newsletter',
  'edition',
  'café',
  'naïve',
  '# heading?',
  '1. not a list',
  '> not a quote',
  '[x](y)',
  '<b>tag</b>',
  '&copy;',
  '*stars*',
  'under_score',
  'Ünïcödé',
  '日本語',
  'emoji 🎉',
  'back\\slash',
  '`tick`',
  'TK',
  'https://example.com',
];

/** A random but valid edition using every node type and section kind. */
export function generateEdition(seed: number, sectionCount = 6): Edition {
  const r = seededRandom(seed);
  const kinds = ['story', 'intro', 'sponsor', 'poll', 'feedback'] as const;
  const sections: Section[] = [];
  // From six sections on, the last one is a roundup (see below); the others as before.
  const regular = sectionCount >= 6 ? sectionCount - 1 : sectionCount;
  for (let i = 0; i < regular; i++) {
    const base = {
      id: `s${seed}-${i}`,
      title: sentence(r, 4),
      status: r.pick(['draft', 'review', 'ready'] as const),
      assignee: r.pick(['', 'Ada', 'Grace']),
      body: { root: { ...element('root', blocks(r)), type: 'root' as const } } as Section['body'],
    };
    const kind = i < kinds.length ? kinds[i]! : r.pick(kinds);
    switch (kind) {
      case 'story':
        sections.push({ ...base, kind });
        break;
      case 'intro':
        sections.push({ ...base, kind, agenda: r.pick(['auto', 'manual'] as const) });
        break;
      case 'sponsor':
        sections.push({
          ...base,
          kind,
          sponsor: 'Acme',
          url: 'https://acme.example.com/x?a=1',
          cta: 'Try it',
          disclosure: 'Sponsored by Acme.',
        });
        break;
      case 'poll':
        sections.push({
          ...base,
          kind,
          question: sentence(r, 6),
          options: ['Yes', 'No', sentence(r, 2)],
          voteUrl: 'https://vote.example.com/p',
        });
        break;
      case 'feedback':
        sections.push({
          ...base,
          kind,
          prompt: 'How was it?',
          choices: ['Great', 'Meh'],
          voteUrl: 'https://vote.example.com/f',
        });
        break;
    }
  }
  // Its own random stream, so the sections before it are drawn as they were before roundups.
  if (regular < sectionCount) sections.push(roundupSection(seed));
  addTables(seed, sections);
  addCards(seed, sections);
  addQuoteBlocks(seed, sections);
  addInlineHtml(seed, sections);
  addBlockLists(seed, sections);
  return {
    formatVersion: 1,
    id: `gen${seed}`,
    title: sentence(r, 3),
    subject: sentence(r, 6),
    preheader: sentence(r, 8),
    status: r.pick(['draft', 'review', 'ready', 'sent'] as const),
    number: r.chance(0.8) ? r.int(1, 500) : null,
    publishDate: r.chance(0.8)
      ? `2026-${String(r.int(1, 12)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`
      : null,
    sections,
    extra: r.chance(0.5) ? { custom: { tags: ['a', 'b'] } } : {},
  };
}

// Tables come from their own stream, so the rest of every generated edition stays as it was.
function addTables(seed: number, sections: Section[]): void {
  const r = seededRandom(seed * 7919 + 12);
  for (const section of sections) {
    if (!r.chance(0.4)) continue;
    const children = section.body.root.children;
    children.splice(r.int(0, children.length), 0, generateTable(r, inline));
  }
}

// Callouts, embeds and HTML cards too: their own stream, like the tables.
function addCards(seed: number, sections: Section[]): void {
  sprinkle(sections, seededRandom(seed * 6151 + 29), 0.5, (r) => generateCard(r, inline));
}

// Quote containers too: their own stream, like the cards.
function addQuoteBlocks(seed: number, sections: Section[]): void {
  sprinkle(sections, seededRandom(seed * 4099 + 31), 0.4, (r) => generateQuoteBlock(r, inline));
}

// Inline HTML (a key cap around a run, a comment after it): its own stream, like the tables.
function addInlineHtml(seed: number, sections: Section[]): void {
  const r = seededRandom(seed * 3571 + 41);
  const tag = (source: string): SerializedBodyNode => ({ type: 'inlinehtml', version: 1, source });
  for (const section of sections) {
    if (!r.chance(0.5)) continue;
    const paragraph = section.body.root.children.find(
      (block) => block.type === 'paragraph' && block.children?.some((c) => c.type === 'text'),
    );
    const children = paragraph?.children;
    if (!children) continue;
    const at = children.findIndex((c) => c.type === 'text');
    children.splice(at, 1, tag('<kbd>'), children[at]!, tag('</kbd>'));
    if (r.chance(0.5)) children.push(tag('<!-- note -->'));
  }
}

// Block lists too: their own stream, like the tables.
function addBlockLists(seed: number, sections: Section[]): void {
  sprinkle(sections, seededRandom(seed * 4111 + 37), 0.4, (r) => generateBlockList(r, inline));
}

/** Puts one block made by `make` at a random place in some sections (never a roundup). */
function sprinkle(
  sections: Section[],
  r: Random,
  chance: number,
  make: (r: Random) => SerializedBodyNode,
): void {
  for (const section of sections) {
    if (section.kind === 'roundup' || !r.chance(chance)) continue;
    const children = section.body.root.children;
    children.splice(r.int(0, children.length), 0, make(r));
  }
}

function sentence(r: Random, words: number): string {
  return Array.from({ length: words }, () => r.pick(WORDS)).join(' ');
}

function inline(r: Random): SerializedBodyNode[] {
  const out: SerializedBodyNode[] = [];
  let lastFormat = -1;
  const n = r.int(1, 5);
  for (let i = 0; i < n; i++) {
    if (r.chance(0.15)) {
      out.push({
        ...element('link', [text(sentence(r, 2))]),
        url: r.pick(['https://example.com/a', 'mailto:ed@example.com']),
        rel: 'noreferrer',
        target: null,
        title: null,
      });
      lastFormat = -1;
      continue;
    }
    let format = r.pick([0, 0, 1, 2, 3, 4, 8, 16]);
    if (format === lastFormat) format = format === 0 ? 1 : 0;
    out.push(text(sentence(r, r.int(1, 6)) + ' ', format));
    lastFormat = format;
    if (r.chance(0.05)) {
      out.push({ type: 'linebreak', version: 1 });
      lastFormat = -1;
    }
  }
  return out;
}

function list(r: Random, depth: number): SerializedBodyNode {
  const listType = r.pick(['bullet', 'number'] as const);
  const items: SerializedBodyNode[] = [];
  let value = 1;
  for (let i = 0; i < r.int(1, 4); i++) {
    items.push({ ...element('listitem', inline(r)), value });
    value += 1;
    if (depth < 2 && r.chance(0.3))
      items.push({ ...element('listitem', [list(r, depth + 1)]), value });
  }
  return {
    ...element('list', items),
    listType,
    start: 1,
    tag: listType === 'number' ? 'ol' : 'ul',
  };
}

function blocks(r: Random): SerializedBodyNode[] {
  const out: SerializedBodyNode[] = [];
  for (let i = 0; i < r.int(1, 8); i++) {
    switch (r.int(0, 8)) {
      case 0:
        out.push({
          ...element('heading', inline(r)),
          tag: r.pick(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']),
        });
        break;
      case 1:
        out.push(element('quote', inline(r)));
        break;
      case 2:
        out.push(list(r, 0));
        break;
      case 3:
        out.push({ type: 'horizontalrule', version: 1 });
        break;
      case 4:
        out.push({
          type: 'image',
          version: 1,
          src: 'https://images.example.com/a.png',
          alt: sentence(r, 2),
          width: r.pick([null, 300, 600]),
          caption: r.chance(0.5) ? sentence(r, 3) : '',
        });
        break;
      case 5:
        out.push({
          type: 'button',
          version: 1,
          label: 'Read more',
          url: 'https://example.com/more',
        });
        break;
      case 6:
        out.push(codeBlock(r));
        break;
      default:
        out.push({ ...element('paragraph', inline(r)), textFormat: 0, textStyle: '' });
    }
  }
  return out;
}

/** A link roundup section: a few items with random fields and blurbs, sometimes a lead-in. */
function roundupSection(seed: number): Section {
  const r = seededRandom(seed * 7919 + 17);
  const items: SerializedBodyNode[] = [];
  for (let i = 0; i < r.int(1, 4); i++) {
    items.push({
      ...element('roundupitem', r.chance(0.8) ? inline(r) : []),
      title: r.chance(0.9) ? sentence(r, 3) : '',
      url: r.pick([
        'https://example.com/r',
        'https://news.example.org/a?b=1',
        'mailto:ed@example.com',
      ]),
      source: r.chance(0.7) ? sentence(r, 1) : '',
      emoji: r.pick(['', '🧪', '📰', '🇫🇷']),
    });
  }
  const lead = r.chance(0.3)
    ? [{ ...element('paragraph', inline(r)), textFormat: 0, textStyle: '' }]
    : [];
  return {
    id: `s${seed}-roundup`,
    kind: 'roundup',
    title: sentence(r, 2),
    status: r.pick(['draft', 'review', 'ready'] as const),
    assignee: r.pick(['', 'Ada']),
    body: {
      root: { ...element('root', [...lead, ...items]), type: 'root' as const },
    } as Section['body'],
  };
}
