import { useLexicalEditable } from '@lexical/react/useLexicalEditable';
import { useLexicalNodeSelection } from '@lexical/react/useLexicalNodeSelection';
import type { NodeKey } from 'lexical';
import { useId, useRef, useState } from 'react';
import { $isHtmlCardNode, cardHtmlToKeep, offlineCardHtml } from '../../core/index.ts';
import { NodeForm, useNodeUpdater, useSelectOnClick } from './DecoratorForm.tsx';

/**
 * An HTML card: a preview in a sandboxed iframe (`sandbox` without allow-scripts, so
 * nothing in it can run even if the sanitizer missed something; the HTML shown is
 * sanitized again here, images replaced by their alt text, and its own CSP loads nothing,
 * so a pasted card cannot track who edits it), and, selected, its source to edit. A click on the preview
 * selects the card (the frame itself takes no pointer events). The source field shows what
 * the card keeps (cardHtmlToKeep: the source as written when inert); the preview is always
 * the strict email form, as the inbox gets it.
 */
export function HtmlCardView({ nodeKey, html }: { nodeKey: NodeKey; html: string }) {
  const editable = useLexicalEditable();
  const [isSelected, setSelected, clearSelection] = useLexicalNodeSelection(nodeKey);
  const bodyRef = useRef<HTMLDivElement>(null);
  useSelectOnClick(bodyRef, isSelected, setSelected, clearSelection);
  const update = useNodeUpdater(nodeKey, $isHtmlCardNode);
  const [height, setHeight] = useState(120);
  const [draft, setDraft] = useState(html);
  const id = useId();
  const safe = offlineCardHtml(html);
  const srcDoc = `<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'"><style>body{margin:0;font:15px/1.5 -apple-system,Segoe UI,Roboto,sans-serif;color:#1f2328;background:#ffffff}</style></head><body>${safe}</body></html>`;
  return (
    <div className={`ge-htmlcard${isSelected && editable ? ' ge-selected' : ''}`}>
      <div ref={bodyRef} className="ge-htmlcard__body">
        <span className="ge-htmlcard__label">HTML card</span>
        <iframe
          className="ge-htmlcard__frame"
          title="HTML card preview"
          sandbox="allow-same-origin"
          srcDoc={srcDoc}
          style={{ height }}
          tabIndex={-1}
          onLoad={(event) => {
            const doc = event.currentTarget.contentDocument;
            if (doc) setHeight(Math.min(Math.max(doc.documentElement.scrollHeight, 40), 800));
          }}
        />
      </div>
      {isSelected && editable ? (
        <NodeForm label="HTML card source" nodeKey={nodeKey} removeLabel="Remove HTML card">
          <div className="ge-field">
            <label htmlFor={id}>
              HTML (kept as written when inert; unsafe parts are removed when you apply)
            </label>
            <textarea
              id={id}
              className="input ge-textarea--code"
              rows={8}
              value={draft}
              onChange={(event) => setDraft(event.target.value)}
            />
          </div>
          <button
            type="button"
            className="btn small"
            onClick={() => {
              update((node) => node.setHtml(draft));
              setDraft(cardHtmlToKeep(draft));
            }}
          >
            Apply
          </button>
        </NodeForm>
      ) : null}
    </div>
  );
}
