import { IS_APPLE } from '@lexical/utils';

/** One keyboard shortcut: `mod` is Cmd on Apple platforms and Ctrl elsewhere. */
export interface Shortcut {
  mod: boolean;
  shift?: boolean;
  alt?: boolean;
  /** A letter (matched on the typed key, so layouts that move letters still work)... */
  key?: string;
  /** ...or a physical key code such as `Digit3` (Shift and Alt change what digits type). */
  code?: string;
}

/** Every shortcut the editor adds (Bold, Italic and Underline are Lexical's own). */
export const SHORTCUTS = {
  bold: { mod: true, key: 'b' },
  italic: { mod: true, key: 'i' },
  underline: { mod: true, key: 'u' },
  strikethrough: { mod: true, shift: true, key: 'x' },
  code: { mod: true, key: 'e' },
  link: { mod: true, key: 'k' },
  paragraph: { mod: true, alt: true, code: 'Digit0' },
  h3: { mod: true, alt: true, code: 'Digit3' },
  h4: { mod: true, alt: true, code: 'Digit4' },
  number: { mod: true, shift: true, code: 'Digit7' },
  bullet: { mod: true, shift: true, code: 'Digit8' },
  quote: { mod: true, shift: true, code: 'Digit9' },
  toolbar: { mod: false, alt: true, code: 'F10' },
  comment: { mod: true, alt: true, key: 'm' },
} satisfies Record<string, Shortcut>;

export type ShortcutName = keyof typeof SHORTCUTS;

/** True when `event` is exactly `shortcut` (no extra modifiers). */
export function matchesShortcut(event: KeyboardEvent, shortcut: Shortcut): boolean {
  const mod = IS_APPLE ? event.metaKey : event.ctrlKey;
  const other = IS_APPLE ? event.ctrlKey : event.metaKey;
  if (mod !== shortcut.mod || other) return false;
  if (event.shiftKey !== (shortcut.shift ?? false)) return false;
  if (event.altKey !== (shortcut.alt ?? false)) return false;
  if (shortcut.code) return event.code === shortcut.code;
  const key = event.key.length === 1 ? event.key.toLowerCase() : '';
  // With Alt on a Mac the key is a symbol; fall back to the physical key.
  return key === shortcut.key || event.code === `Key${shortcut.key?.toUpperCase()}`;
}

function keyName(shortcut: Shortcut): string {
  if (shortcut.code?.startsWith('Digit')) return shortcut.code.slice(5);
  return shortcut.code ?? shortcut.key?.toUpperCase() ?? '';
}

/** For a title: `Ctrl+Shift+X` or `⌘⇧X`. */
export function shortcutLabel(shortcut: Shortcut): string {
  const key = keyName(shortcut);
  if (IS_APPLE) {
    return `${shortcut.alt ? '⌥' : ''}${shortcut.shift ? '⇧' : ''}${shortcut.mod ? '⌘' : ''}${key}`;
  }
  return [shortcut.mod && 'Ctrl', shortcut.alt && 'Alt', shortcut.shift && 'Shift', key]
    .filter(Boolean)
    .join('+');
}

/** For `aria-keyshortcuts`: `Control+Shift+X` or `Meta+Shift+X`. */
export function ariaShortcut(shortcut: Shortcut): string {
  return [
    shortcut.mod && (IS_APPLE ? 'Meta' : 'Control'),
    shortcut.alt && 'Alt',
    shortcut.shift && 'Shift',
    keyName(shortcut),
  ]
    .filter(Boolean)
    .join('+');
}
