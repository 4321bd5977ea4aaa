// A media feature that is true in any iframe wider than 0 px, and one that never is. Used
// instead of `all` / `not all` because they stay valid inside `screen and (...)`.
const ALWAYS = '(min-width: 0px)';
const NEVER = '(max-width: 0px)';

const DARK_QUERY = /\(\s*prefers-color-scheme\s*:\s*dark\s*\)/gi;
const LIGHT_QUERY = /\(\s*prefers-color-scheme\s*:\s*light\s*\)/gi;
const STYLE_BLOCK = /<style\b[^>]*>[\s\S]*?<\/style>/gi;

// Tells the iframe's document itself to be dark, so its canvas and form controls are too.
const DARK_HEAD =
  '<meta name="color-scheme" content="dark"><style>:root{color-scheme:dark}</style>';

/**
 * The email as a dark-mode client shows it, whatever the system theme: every
 * `(prefers-color-scheme: dark)` query is made always true and every light one never
 * true, and the document is declared dark. Only the preview copy is changed; the export
 * keeps its media queries.
 */
export function forceDarkScheme(html: string): string {
  // Only inside <style> blocks: the same words in the editors' text stay as written.
  const rewritten = html.replace(STYLE_BLOCK, (block) =>
    block.replace(DARK_QUERY, ALWAYS).replace(LIGHT_QUERY, NEVER),
  );
  // The head's own `color-scheme: light dark` meta would still let a light system win.
  const withoutMeta = rewritten.replace(
    /<meta\s+name=(["'])color-scheme\1\s+content=(["'])[^"']*\2\s*\/?>/gi,
    '',
  );
  const headOpen = /<head(\s[^>]*)?>/i.exec(withoutMeta);
  if (!headOpen) return DARK_HEAD + withoutMeta;
  const at = headOpen.index + headOpen[0].length;
  return withoutMeta.slice(0, at) + DARK_HEAD + withoutMeta.slice(at);
}
