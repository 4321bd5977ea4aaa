import { useEffect, useRef } from 'react';
import { describeChord } from '../state/useShortcuts.ts';

const SHORTCUTS: Array<[string, string]> = [
  ['mod+shift+f', 'Search the library'],
  ['mod+alt+n', 'New edition'],
  ['mod+shift+s', 'Save a version'],
  ['mod+\\', 'Show or hide preview and checks'],
  ['mod+shift+l', 'Show or hide the library'],
  ['alt+arrowup', 'Move the focused section up (in the outline)'],
  ['alt+arrowdown', 'Move the focused section down (in the outline)'],
  ['mod+b', 'Bold'],
  ['mod+i', 'Italic'],
  ['mod+u', 'Underline'],
  ['mod+shift+x', 'Strikethrough'],
  ['mod+e', 'Inline code'],
  ['mod+k', 'Link'],
  ['mod+alt+m', 'Comment on the selected text or the focused field'],
  ['mod+alt+3', 'Heading 3'],
  ['mod+alt+4', 'Heading 4'],
  ['mod+shift+8', 'Bulleted list'],
  ['mod+shift+7', 'Numbered list'],
  ['mod+alt+shift+s', 'Switch between Editing and Suggesting'],
  ['mod+z', 'Undo your own edits'],
  ['mod+/', 'This list'],
];

/** A modal list of the keyboard shortcuts. */
export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    ref.current?.showModal();
  }, []);
  return (
    <dialog ref={ref} className="dialog" aria-labelledby="shortcuts-title" onClose={onClose}>
      <h2 id="shortcuts-title">Keyboard shortcuts</h2>
      <table className="shortcuts">
        <tbody>
          {SHORTCUTS.map(([chord, what]) => (
            <tr key={chord}>
              <td>
                <kbd>{describeChord(chord)}</kbd>
              </td>
              <td>{what}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted">
        Markdown while typing: “# ” to “###### ” headings, “- ” list, “1. ” numbered, “&gt; ” quote,
        **bold**.
      </p>
      <form method="dialog">
        <button className="btn primary" autoFocus>
          Close
        </button>
      </form>
    </dialog>
  );
}
