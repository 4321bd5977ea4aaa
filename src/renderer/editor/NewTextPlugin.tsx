import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useEffect, useState } from 'react';
import type { ReviewPerson } from '../../core/index.ts';
import type { ChangesSince } from '../review/ChangesSince.ts';
import { paintNewText, unpaintNewText, type CollabBinding } from './newTextHighlight.ts';

/**
 * Highlights text others added to this section since the reader last looked, and offers
 * to mark it seen. Reads the editor's own doc (through the binding), so what is painted
 * is what is on screen.
 */
export function NewTextPlugin({
  sectionId,
  binding,
  changes,
}: {
  sectionId: string;
  binding: CollabBinding | null;
  changes: ChangesSince | null;
}) {
  const [editor] = useLexicalComposerContext();
  const [authors, setAuthors] = useState<ReviewPerson[] | null>(null);

  useEffect(() => {
    if (!changes || !binding) return;
    let frame = 0;
    const paint = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        const texts = changes.newText(sectionId, binding.doc);
        const count = paintNewText(editor, binding, texts);
        setAuthors(count > 0 ? changes.authorsOf(texts) : null);
      });
    };
    paint();
    const offUpdate = editor.registerUpdateListener(paint);
    const offChanges = changes.subscribe(paint);
    return () => {
      cancelAnimationFrame(frame);
      offUpdate();
      offChanges();
      unpaintNewText(editor);
    };
  }, [changes, binding, editor, sectionId]);

  if (!changes || authors === null) return null;
  const names = authors.map((person) => person.name).join(', ');
  return (
    <div className="ge-new-bar" role="status">
      <span className="ge-new-swatch" aria-hidden="true" />
      <span>New since you last looked{names ? `: text by ${names}` : ''}</span>
      <button type="button" className="btn small" onClick={() => changes.markSeen(sectionId)}>
        Mark as seen
      </button>
    </div>
  );
}
