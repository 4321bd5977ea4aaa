/**
 * Code block languages. The model keeps the language exactly as written (a Markdown info
 * string's first word, or a pick from the editor's list) so that Markdown round trips;
 * highlighting resolves aliases (`ts`, `typescript`) on its own side.
 */

/** A language the editor offers, with the label its picker shows. */
export interface CodeLanguageOption {
  id: string;
  label: string;
}

/** The languages the picker lists, in its order; `''` is plain text (no language). */
export const CODE_LANGUAGE_OPTIONS: readonly CodeLanguageOption[] = [
  { id: '', label: 'Plain text' },
  { id: 'ts', label: 'TypeScript' },
  { id: 'js', label: 'JavaScript' },
  { id: 'python', label: 'Python' },
  { id: 'bash', label: 'Bash' },
  { id: 'shell', label: 'Shell session' },
  { id: 'json', label: 'JSON' },
  { id: 'html', label: 'HTML' },
  { id: 'xml', label: 'XML' },
  { id: 'css', label: 'CSS' },
  { id: 'sql', label: 'SQL' },
  { id: 'go', label: 'Go' },
  { id: 'rust', label: 'Rust' },
  { id: 'diff', label: 'Diff' },
  { id: 'yaml', label: 'YAML' },
];

// What an info string's first word may be to count as a language: no spaces, no backticks
// (a backtick fence could not carry it), nothing that needs escaping anywhere it is shown.
const LANGUAGE = /^[A-Za-z0-9][A-Za-z0-9+#._-]{0,31}$/;

/** A code block's language as the model keeps it: a safe identifier, or '' for none. */
export function normalizeCodeLanguage(value: unknown): string {
  if (typeof value !== 'string') return '';
  const trimmed = value.trim();
  return LANGUAGE.test(trimmed) ? trimmed : '';
}

/** The longest info string a code block keeps. */
export const MAX_CODE_INFO = 200;

/**
 * The rest of a Markdown info string a code block keeps beside its language, so Markdown
 * round trips `ts title="a.ts"` or `ruby startline=3`: the whole info string, trimmed, one
 * line, when it says more than the language and its first word is that language (a first
 * word that is not a language name goes with language ''). Otherwise '' (nothing beyond
 * the language). Highlighting and every export but Markdown read the language only.
 */
export function normalizeCodeInfo(value: unknown, language: string): string {
  if (typeof value !== 'string') return '';
  // eslint-disable-next-line no-control-regex
  const info = value.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
  if (info === '' || info === language || info.length > MAX_CODE_INFO) return '';
  return normalizeCodeLanguage(info.split(/[ \t]/, 1)[0]) === language ? info : '';
}

/** The picker's label for a language id (the id itself when it is not in the list). */
export function codeLanguageLabel(id: string): string {
  return CODE_LANGUAGE_OPTIONS.find((o) => o.id === id)?.label ?? id;
}
