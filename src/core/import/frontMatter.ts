import { parseDocument } from 'yaml';

/** Front matter split from the Markdown after it. */
export interface FrontMatter {
  /** The YAML mapping as plain values; empty when the file has no front matter. */
  data: Record<string, unknown>;
  /** The Markdown after the front matter. */
  markdown: string;
  /** How many lines the front matter took, so Markdown line numbers can be reported. */
  lineOffset: number;
  /** What the YAML parser let through but flagged (an unknown tag read as text...). */
  warnings: string[];
}

export type FrontMatterResult = { ok: true; value: FrontMatter } | { ok: false; message: string };

// `---` on the first line, YAML, then `---` (or `...`) alone on a line.
const FENCE = /^---[ \t]*\r?\n/;
const CLOSE = /^(?:---|\.\.\.)[ \t]*$/m;

// An alias that expands to more than this many nodes ("billion laughs") is refused.
const MAX_ALIAS_COUNT = 100;

/**
 * Splits YAML front matter from a Markdown file and parses it. No opening fence: no front
 * matter. An opening fence without a closing one is a thematic break, not front matter.
 * YAML that does not parse, or that is not a mapping, is an error: importing half of the
 * metadata silently would be worse.
 */
export function splitFrontMatter(text: string): FrontMatterResult {
  const open = FENCE.exec(text);
  if (!open) return { ok: true, value: { data: {}, markdown: text, lineOffset: 0, warnings: [] } };
  const rest = text.slice(open[0].length);
  const close = CLOSE.exec(rest);
  if (!close) return { ok: true, value: { data: {}, markdown: text, lineOffset: 0, warnings: [] } };
  const yaml = rest.slice(0, close.index);
  const after = rest.slice(close.index + close[0].length).replace(/^\r?\n/, '');
  const lineOffset = 2 + (yaml.match(/\n/g)?.length ?? 0);
  const parsed = parseYaml(yaml);
  if (!parsed.ok) return parsed;
  const { data, warnings } = parsed;
  return { ok: true, value: { data, markdown: after, lineOffset, warnings } };
}

type YamlResult =
  { ok: true; data: Record<string, unknown>; warnings: string[] } | { ok: false; message: string };

function parseYaml(yaml: string): YamlResult {
  try {
    const doc = parseDocument(yaml, { uniqueKeys: true, prettyErrors: true });
    const error = doc.errors[0];
    if (error)
      return {
        ok: false,
        message: `The front matter is not valid YAML: ${firstLine(error.message)}`,
      };
    const value: unknown = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    const warnings = doc.warnings.map((w) => `Front matter: ${firstLine(w.message)}`);
    if (value === null || value === undefined) return { ok: true, data: {}, warnings };
    if (!isMapping(value))
      return { ok: false, message: 'The front matter must be a YAML mapping of keys to values.' };
    return { ok: true, data: plainValues(value), warnings };
  } catch (error) {
    // toJS throws on an alias bomb (maxAliasCount) and on a few malformed documents.
    const reason = error instanceof Error ? firstLine(error.message) : 'unreadable';
    return { ok: false, message: `The front matter could not be read: ${reason}` };
  }
}

// A `%YAML 1.1` document reads `2026-11-26` as a Date; the model wants the ISO date text.
// (Object.fromEntries: a `__proto__` key stays an own key and changes no prototype.)
function plainValues(data: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(data).map(([key, value]) => [
      key,
      value instanceof Date && !Number.isNaN(value.getTime())
        ? value.toISOString().slice(0, 10)
        : value,
    ]),
  );
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.slice(0, 200);
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Map)
  );
}
