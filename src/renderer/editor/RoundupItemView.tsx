import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getNodeByKey, type NodeKey } from 'lexical';
import { $isRoundupItemNode, type RoundupItemFields } from '../../core/index.ts';
import { focusEditor } from './commands.ts';
import { DraftField, useNodeUpdater } from './DecoratorForm.tsx';
import { useIsolateFromLexical } from './isolateFromLexical.ts';
import { INVALID_LINK_MESSAGE, linkFromInput } from './linkUrl.ts';

export interface RoundupItemViewProps {
  nodeKey: NodeKey;
  fields: RoundupItemFields;
  index: number;
  count: number;
  editable: boolean;
  /** Focus the title field on mount (a new item). */
  autoFocus: boolean;
  onMove: (nodeKey: NodeKey, delta: -1 | 1) => void;
  onDragStart: (nodeKey: NodeKey) => void;
  onDrop: (nodeKey: NodeKey) => void;
}

/**
 * The fields of one roundup item, rendered into the item's non-editable header: a drag
 * handle, the emoji, title, link and source inputs, move and remove buttons. The blurb
 * below is the item's own rich text, edited in the editor like any paragraph.
 */
export function RoundupItemView(props: RoundupItemViewProps) {
  const { nodeKey, fields, index, count, editable } = props;
  const [editor] = useLexicalComposerContext();
  const isolate = useIsolateFromLexical();
  const update = useNodeUpdater(nodeKey, $isRoundupItemNode);
  const name = fields.title.trim() || `item ${index + 1}`;
  const remove = () => {
    editor.update(() => {
      const node = $getNodeByKey(nodeKey);
      if (!$isRoundupItemNode(node)) return;
      const next = node.getNextSibling() ?? node.getPreviousSibling();
      node.remove();
      if (next) next.selectStart();
    });
    focusEditor(editor);
  };
  return (
    <div
      ref={isolate}
      className="ge-roundup-form"
      role="group"
      aria-label={`Roundup item ${index + 1} of ${count}`}
      onDragOver={(event) => {
        if (event.dataTransfer.types.includes(DRAG_TYPE)) event.preventDefault();
      }}
      onDrop={(event) => {
        if (!event.dataTransfer.types.includes(DRAG_TYPE)) return;
        event.preventDefault();
        props.onDrop(nodeKey);
      }}
      onKeyDown={(event) => {
        if (!event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
        event.preventDefault();
        props.onMove(nodeKey, event.key === 'ArrowUp' ? -1 : 1);
      }}
    >
      {editable ? (
        <span
          className="ge-roundup-handle"
          draggable
          title="Drag to reorder (or Alt+Up / Alt+Down)"
          aria-hidden="true"
          onDragStart={(event) => {
            event.dataTransfer.effectAllowed = 'move';
            event.dataTransfer.setData(DRAG_TYPE, nodeKey);
            props.onDragStart(nodeKey);
          }}
        >
          ⠿
        </span>
      ) : null}
      <fieldset className="ge-roundup-inputs" disabled={!editable}>
        <div className="ge-roundup-emoji">
          <DraftField
            label="Emoji"
            value={fields.emoji}
            placeholder="•"
            onChange={(emoji) => {
              update((node) => node.setFields({ emoji: emoji.trim().slice(0, 16) }));
              return null;
            }}
          />
        </div>
        <DraftField
          label="Title"
          value={fields.title}
          placeholder="What the link is"
          autoFocus={props.autoFocus}
          warning={fields.title.trim() === '' ? 'An item needs a title.' : null}
          onChange={(title) => {
            update((node) => node.setFields({ title }));
            return null;
          }}
        />
        <DraftField
          label="Link"
          value={fields.url}
          placeholder="https://…"
          inputMode="url"
          warning={fields.url === '' ? 'No link yet: readers have nothing to click.' : null}
          onChange={(value) => {
            if (value.trim() === '') {
              update((node) => node.setFields({ url: '' }));
              return null;
            }
            const safe = linkFromInput(value);
            if (safe === null) return INVALID_LINK_MESSAGE;
            update((node) => node.setFields({ url: safe }));
            return null;
          }}
        />
        <DraftField
          label="Source"
          value={fields.source}
          placeholder="The Verge, GitHub…"
          onChange={(source) => {
            update((node) => node.setFields({ source }));
            return null;
          }}
        />
      </fieldset>
      {editable ? (
        <div className="ge-roundup-actions">
          <button
            type="button"
            className="btn small"
            aria-label={`Move “${name}” up`}
            disabled={index === 0}
            onClick={() => props.onMove(nodeKey, -1)}
          >
            ↑
          </button>
          <button
            type="button"
            className="btn small"
            aria-label={`Move “${name}” down`}
            disabled={index === count - 1}
            onClick={() => props.onMove(nodeKey, 1)}
          >
            ↓
          </button>
          <button
            type="button"
            className="btn small danger"
            aria-label={`Remove “${name}”`}
            onClick={remove}
          >
            Remove
          </button>
        </div>
      ) : null}
    </div>
  );
}

/** The drag data type of a roundup item being moved (its node key). */
export const DRAG_TYPE = 'application/x-galley-roundup-item';
