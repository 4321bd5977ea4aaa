import type { ElementContent, Root, RootContent } from 'hast';
import bash from 'highlight.js/lib/languages/bash';
import css from 'highlight.js/lib/languages/css';
import diff from 'highlight.js/lib/languages/diff';
import go from 'highlight.js/lib/languages/go';
import javascript from 'highlight.js/lib/languages/javascript';
import json from 'highlight.js/lib/languages/json';
import plaintext from 'highlight.js/lib/languages/plaintext';
import python from 'highlight.js/lib/languages/python';
import rust from 'highlight.js/lib/languages/rust';
import shell from 'highlight.js/lib/languages/shell';
import sql from 'highlight.js/lib/languages/sql';
import typescript from 'highlight.js/lib/languages/typescript';
import xml from 'highlight.js/lib/languages/xml';
import yaml from 'highlight.js/lib/languages/yaml';
import { createLowlight } from 'lowlight';

/**
 * Syntax highlighting shared by the editor and the email, so both colour the same tokens:
 * lowlight (highlight.js grammars, synchronous, returns hast) with only the grammars a tech
 * newsletter commonly shows registered, to keep the renderer bundle small. Token classes
 * are folded into a handful of kinds, each with one light and one dark colour.
 */

const lowlight = createLowlight({
  bash,
  css,
  diff,
  go,
  javascript,
  json,
  plaintext,
  python,
  rust,
  shell,
  sql,
  typescript,
  xml,
  yaml,
});
lowlight.registerAlias({
  bash: ['sh', 'zsh'],
  javascript: ['js', 'jsx', 'mjs', 'cjs'],
  typescript: ['ts', 'tsx', 'mts', 'cts'],
  python: ['py'],
  shell: ['console', 'shellsession'],
  xml: ['html', 'xhtml', 'svg'],
  rust: ['rs'],
  yaml: ['yml'],
  plaintext: ['text', 'txt', 'plain'],
  go: ['golang'],
  diff: ['patch'],
});

/** The token kinds the palettes colour; anything else is plain text. */
export const CODE_TOKEN_KINDS = [
  'keyword',
  'string',
  'comment',
  'number',
  'title',
  'attr',
  'addition',
  'deletion',
] as const;
export type CodeTokenKind = (typeof CODE_TOKEN_KINDS)[number];

/** A run of code text with its kind (null: plain). */
export interface CodeToken {
  text: string;
  kind: CodeTokenKind | null;
}

/** Light colours (on the light code background) and dark ones (on the dark background). */
export const CODE_TOKEN_COLORS: Record<'light' | 'dark', Record<CodeTokenKind, string>> = {
  light: {
    keyword: '#c1121f',
    string: '#0a3069',
    comment: '#5f6b76',
    number: '#0550ae',
    title: '#6f42c1',
    attr: '#8a4600',
    addition: '#116329',
    deletion: '#9a1c2c',
  },
  dark: {
    keyword: '#ff7b72',
    string: '#a5d6ff',
    comment: '#9aa4ae',
    number: '#79c0ff',
    title: '#d2a8ff',
    attr: '#ffa657',
    addition: '#7ee787',
    deletion: '#ffa198',
  },
};

// highlight.js scope (after `hljs-`) -> kind. Scopes not listed stay plain.
const KIND_OF: Record<string, CodeTokenKind> = {
  keyword: 'keyword',
  'selector-tag': 'keyword',
  doctag: 'keyword',
  type: 'keyword',
  literal: 'number',
  number: 'number',
  symbol: 'number',
  bullet: 'number',
  string: 'string',
  regexp: 'string',
  char: 'string',
  link: 'string',
  comment: 'comment',
  quote: 'comment',
  meta: 'comment',
  title: 'title',
  section: 'title',
  name: 'title',
  built_in: 'title',
  'selector-id': 'title',
  'selector-class': 'title',
  attr: 'attr',
  attribute: 'attr',
  property: 'attr',
  variable: 'attr',
  'template-variable': 'attr',
  'selector-attr': 'attr',
  'selector-pseudo': 'attr',
  params: 'attr',
  addition: 'addition',
  deletion: 'deletion',
};

// Highlighting is linear but not free: past this size a block is shown plain.
const MAX_HIGHLIGHT_CHARS = 50_000;

/** True when `language` (an id or alias) has a registered grammar. */
export function isHighlightedLanguage(language: string): boolean {
  return language !== '' && lowlight.registered(language.toLowerCase());
}

/**
 * The code cut into lines of tokens (adjacent tokens of one kind merged). Every line of
 * `code` gives one entry, so `lines.length` is the number of `\n` plus one; an unknown
 * language gives plain lines.
 */
export function highlightCode(code: string, language: string): CodeToken[][] {
  const lang = language.toLowerCase();
  const tokens: CodeToken[] = [];
  if (isHighlightedLanguage(lang) && code.length <= MAX_HIGHLIGHT_CHARS) {
    collect(lowlight.highlight(lang, code), null, tokens);
  } else {
    tokens.push({ text: code, kind: null });
  }
  return splitLines(tokens);
}

function collect(
  node: Root | ElementContent | RootContent,
  kind: CodeTokenKind | null,
  out: CodeToken[],
): void {
  if (node.type === 'text') {
    if (node.value !== '') out.push({ text: node.value, kind });
    return;
  }
  if (node.type !== 'root' && node.type !== 'element') return;
  let own = kind;
  if (node.type === 'element') {
    const classes = node.properties.className;
    if (Array.isArray(classes))
      for (const name of classes) {
        const scope =
          String(name)
            .replace(/^hljs-/, '')
            .split('.')[0] ?? '';
        const mapped = KIND_OF[scope];
        if (mapped) own = mapped;
      }
  }
  for (const child of node.children) collect(child, own, out);
}

function splitLines(tokens: CodeToken[]): CodeToken[][] {
  const lines: CodeToken[][] = [[]];
  for (const token of tokens) {
    token.text.split('\n').forEach((part, i) => {
      if (i > 0) lines.push([]);
      if (part === '') return;
      const line = lines[lines.length - 1]!;
      const last = line[line.length - 1];
      // Whitespace takes no colour, so it joins whatever it sits next to.
      const kind = part.trim() === '' ? (last?.kind ?? null) : token.kind;
      if (last && last.kind === kind) last.text += part;
      else line.push({ text: part, kind });
    });
  }
  return lines;
}
