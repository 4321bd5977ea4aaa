import { useLexicalEditable } from '@lexical/react/useLexicalEditable';
import { useLexicalNodeSelection } from '@lexical/react/useLexicalNodeSelection';
import type { NodeKey } from 'lexical';
import { useRef } from 'react';
import { useSelectOnClick } from './DecoratorForm.tsx';
import './inlineHtml.css';

/** The chip's tooltip: what the tag is and where it goes. */
export const INLINE_HTML_TITLE =
  'Raw HTML from the imported Markdown, kept as written in the Markdown export. The email and the plain text leave it out; the words around it stay. Backspace or Delete removes it.';

/**
 * An inline HTML node among the text: a small inert chip showing the source as text (React
 * escapes it; nothing is parsed or run), muted and in monospace. A click selects it, and
 * Backspace or Delete removes it, as for any inline decorator. There is no form: a tag is
 * only ever imported or pasted as Markdown, never typed.
 */
export function InlineHtmlView({ nodeKey, source }: { nodeKey: NodeKey; source: string }) {
  const editable = useLexicalEditable();
  const [isSelected, setSelected, clearSelection] = useLexicalNodeSelection(nodeKey);
  const ref = useRef<HTMLSpanElement>(null);
  useSelectOnClick(ref, isSelected, setSelected, clearSelection);
  return (
    <span
      ref={ref}
      className={`ge-inline-html${isSelected && editable ? ' ge-selected' : ''}`}
      title={INLINE_HTML_TITLE}
      data-inline-html=""
    >
      {source.length > 80 ? `${source.slice(0, 77)}…` : source}
    </span>
  );
}
