import { isMergeTag, sanitizeLinkUrl } from '../../core/index.ts';

/** What the link and button forms say about a URL the model refuses. */
export const INVALID_LINK_MESSAGE =
  'Galley cannot send that link. Use an address starting with https://, http://, mailto: or tel:, or a merge tag such as {{unsubscribe_url}}.';

/**
 * Reads what an editor typed into a link field: a bare domain (`example.com/page`) gets
 * `https://`, a bare e-mail address `mailto:`; then the model's check decides. Returns
 * the URL to store, or null when it is refused (`javascript:`, `data:`, unparseable).
 */
export function linkFromInput(input: string): string | null {
  const value = input.trim();
  if (value === '') return null;
  if (!/^[a-z][a-z0-9+.-]*:/i.test(value) && !isMergeTag(value)) {
    if (/^[^\s@/]+@[^\s@/]+\.[^\s@/]+$/.test(value)) return sanitizeLinkUrl(`mailto:${value}`);
    if (/^(www\.)?[\w-]+(\.[\w-]+)+([/?#]\S*)?$/i.test(value)) {
      return sanitizeLinkUrl(`https://${value}`);
    }
  }
  return sanitizeLinkUrl(value);
}

/** True when a link can be opened from the editor (merge tags and the like cannot). */
export function canOpenLink(url: string): boolean {
  return /^(https?:|mailto:|tel:)/i.test(url) && sanitizeLinkUrl(url) !== null;
}

/** Opens a checked link outside the workbench, never with access back to it. */
export function openLink(url: string): void {
  if (!canOpenLink(url)) return;
  window.open(url, '_blank', 'noopener,noreferrer');
}
