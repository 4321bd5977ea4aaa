import { useLexicalEditable } from '@lexical/react/useLexicalEditable';
import { useLexicalNodeSelection } from '@lexical/react/useLexicalNodeSelection';
import type { NodeKey } from 'lexical';
import { useRef } from 'react';
import { $isButtonNode } from '../../core/index.ts';
import { DraftField, NodeForm, useNodeUpdater, useSelectOnClick } from './DecoratorForm.tsx';
import { INVALID_LINK_MESSAGE, linkFromInput } from './linkUrl.ts';

export interface ButtonViewProps {
  nodeKey: NodeKey;
  label: string;
  url: string;
}

/**
 * A call-to-action button block: a pill with its label; selected, a form for the label
 * and the URL (checked with sanitizeLinkUrl, via linkFromInput). Backspace or Delete removes it.
 */
export function ButtonView({ nodeKey, label, url }: ButtonViewProps) {
  const editable = useLexicalEditable();
  const [isSelected, setSelected, clearSelection] = useLexicalNodeSelection(nodeKey);
  const bodyRef = useRef<HTMLDivElement>(null);
  useSelectOnClick(bodyRef, isSelected, setSelected, clearSelection);
  const update = useNodeUpdater(nodeKey, $isButtonNode);
  const problem = url === '' ? 'No link yet: the button goes nowhere.' : null;

  return (
    <div className={`ge-cta${isSelected && editable ? ' ge-selected' : ''}`}>
      <div ref={bodyRef} className="ge-cta__body">
        <span className={`ge-cta__pill${label.trim() ? '' : ' ge-cta__pill--empty'}`}>
          {label.trim() || 'Button label'}
        </span>
        {editable && !isSelected && problem ? (
          <span className="ge-badge ge-badge--warning">No link</span>
        ) : null}
      </div>
      {isSelected && editable ? (
        <NodeForm label="Button settings" nodeKey={nodeKey} removeLabel="Remove button">
          <DraftField
            label="Label"
            value={label}
            placeholder="Read the full story"
            warning={label.trim() === '' ? 'A button needs a label.' : null}
            onChange={(value) => {
              update((node) => node.setLabel(value));
              return null;
            }}
          />
          <DraftField
            label="Link"
            value={url}
            placeholder="https://…"
            inputMode="url"
            warning={problem}
            onChange={(value) => {
              if (value.trim() === '') {
                update((node) => node.setUrl(''));
                return null;
              }
              const safe = linkFromInput(value);
              if (safe === null) return INVALID_LINK_MESSAGE;
              update((node) => node.setUrl(safe));
              return null;
            }}
          />
        </NodeForm>
      ) : null}
    </div>
  );
}
