import { useEffect, useRef } from 'react';

/** `mod` is Cmd on macOS and Ctrl elsewhere; keys are lower case, e.g. `mod+shift+f`. */
export type ShortcutMap = Record<string, () => void>;

const IS_MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** The chord of a key event in ShortcutMap form. */
export function chordOf(event: KeyboardEvent): string {
  const parts: string[] = [];
  if (IS_MAC ? event.metaKey : event.ctrlKey) parts.push('mod');
  if (event.altKey) parts.push('alt');
  if (event.shiftKey) parts.push('shift');
  const key = event.code.startsWith('Key')
    ? event.code.slice(3).toLowerCase()
    : event.code.startsWith('Digit')
      ? event.code.slice(5)
      : event.key.toLowerCase();
  parts.push(key === 'backslash' ? '\\' : key === 'slash' ? '/' : key);
  return parts.join('+');
}

/** Window-level shortcuts for the workbench (editor shortcuts live in the editor). */
export function useShortcuts(map: ShortcutMap): void {
  const latest = useRef(map);
  latest.current = map;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const chord = chordOf(event);
      const alt = chord.replace(/\+[^+]+$/, `+${event.key.toLowerCase()}`);
      const run = latest.current[chord] ?? latest.current[alt];
      if (!run) return;
      event.preventDefault();
      run();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

/** A chord for people: `mod+shift+f` → `Ctrl+Shift+F` (or ⌘⇧F on macOS). */
export function describeChord(chord: string): string {
  return chord
    .split('+')
    .map((part) => {
      if (part === 'mod') return IS_MAC ? '⌘' : 'Ctrl';
      if (part === 'alt') return IS_MAC ? '⌥' : 'Alt';
      if (part === 'shift') return IS_MAC ? '⇧' : 'Shift';
      return part.length === 1 ? part.toUpperCase() : part[0]!.toUpperCase() + part.slice(1);
    })
    .join(IS_MAC ? '' : '+');
}
