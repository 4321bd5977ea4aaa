/*
 * micromark is linear on ordinary Markdown but not on everything: nested containers on one
 * line (`- - - - …`, `>>>>…`) cost about the square of their depth per line, and the
 * delimiters of one paragraph (`*a*a*a…`, `[x](` repeated, backticks, tildes) about the
 * square of their count. 50 KB of either takes tens of seconds, long enough to stall a
 * backend that hosts live sessions. These guards keep the cost linear by turning the
 * excess into literal text before parsing; ordinary files never reach the limits.
 */

/** Containers (`>`, list markers) opened on one line beyond this depth are text. */
export const MAX_LINE_CONTAINERS = 16;
/** Leading indentation beyond this many columns is cut (it only deepens nesting). */
export const MAX_INDENT_COLUMNS = 100;
/** An inline run (paragraph, heading, table row) with more delimiters than this is text. */
export const MAX_INLINE_DELIMITERS = 500;

const CONTAINER = /[ \t]*(?:>|[-+*](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))/y;
const LEADING_SPACE = /[ \t]*/y;

/**
 * Caps how deeply one line can nest containers and how far it can be indented. Returns
 * the text unchanged (the same string) when no line needed it.
 */
export function capContainers(markdown: string): string {
  let changed = false;
  const lines = markdown.split('\n').map((line) => {
    const capped = capLine(line);
    if (capped !== line) changed = true;
    return capped;
  });
  return changed ? lines.join('\n') : markdown;
}

function capLine(line: string): string {
  let position = 0;
  let depth = 0;
  for (;;) {
    CONTAINER.lastIndex = position;
    const match = CONTAINER.exec(line);
    if (!match) break;
    if (depth === MAX_LINE_CONTAINERS || columns(line, CONTAINER.lastIndex) > MAX_INDENT_COLUMNS) {
      // The marker that would open one container too many is escaped: the rest is text.
      const rest = line.slice(position).trimStart();
      return `${line.slice(0, position)} \\${rest}`;
    }
    depth += 1;
    position = CONTAINER.lastIndex;
  }
  LEADING_SPACE.lastIndex = position;
  LEADING_SPACE.exec(line);
  const end = LEADING_SPACE.lastIndex;
  if (columns(line, end) <= MAX_INDENT_COLUMNS) return line;
  // Keep enough indentation for what it meant (code, continuation), drop the rest.
  const keep = Math.max(0, MAX_INDENT_COLUMNS - columns(line, position));
  return `${line.slice(0, position)}${' '.repeat(keep)}${line.slice(end)}`;
}

function columns(line: string, end: number): number {
  let width = 0;
  for (let i = 0; i < end; i++) width = line[i] === '\t' ? width + 4 - (width % 4) : width + 1;
  return width;
}

const DELIMITERS = new Set('*_~`[]()!<|');

/**
 * True when some blank-line-separated chunk of the text holds more delimiters than one
 * inline run may: only then is it worth finding the runs (a blank line always ends one).
 */
export function mayHaveHeavyInline(markdown: string): boolean {
  for (const chunk of markdown.split(/\n[ \t]*\r?\n/)) {
    if (countDelimiters(chunk, 0, chunk.length) > MAX_INLINE_DELIMITERS) return true;
  }
  return false;
}

/** How many delimiter characters `text` holds between `start` and `end`. */
export function countDelimiters(text: string, start: number, end: number): number {
  let count = 0;
  for (let i = start; i < end; i++) if (DELIMITERS.has(text[i]!)) count += 1;
  return count;
}

/**
 * Backslash-escapes every ASCII punctuation character in the given ranges (inline runs
 * found by a first, block-only parse), so that they parse as the literal text they hold.
 * Container prefixes at the start of continuation lines are left alone, and so are
 * `|` in table rows (`keepPipes`), so the block structure does not change.
 */
export function escapeRanges(
  markdown: string,
  ranges: Array<{ start: number; end: number; keepPipes: boolean }>,
): string {
  let out = markdown;
  const sorted = [...ranges].sort((a, b) => b.start - a.start);
  for (const { start, end, keepPipes } of sorted) {
    const escaped = out
      .slice(start, end)
      .split('\n')
      .map((line, index) => {
        const prefix = index === 0 ? '' : (/^[ \t>]*/.exec(line)?.[0] ?? '');
        const body = line.slice(prefix.length);
        return (
          prefix + body.replace(/[!-/:-@[-`{-~]/g, (c) => (keepPipes && c === '|' ? c : `\\${c}`))
        );
      })
      .join('\n');
    out = out.slice(0, start) + escaped + out.slice(end);
  }
  return out;
}
