import { useLexicalEditable } from '@lexical/react/useLexicalEditable';
import { useLexicalNodeSelection } from '@lexical/react/useLexicalNodeSelection';
import type { NodeKey } from 'lexical';
import { useRef, useState } from 'react';
import { $isImageNode } from '../../core/index.ts';
import { displaySrc } from './assets.ts';
import { DraftField, NodeForm, useNodeUpdater, useSelectOnClick } from './DecoratorForm.tsx';
import { useOptionalEditorServices } from './EditorServices.ts';
import { MAX_IMAGE_WIDTH } from './modelGuards.ts';

export interface ImageViewProps {
  nodeKey: NodeKey;
  src: string;
  alt: string;
  width: number | null;
  caption: string;
}

const NO_ALT =
  'No alt text: readers with images off or using a screen reader get nothing. Describe the picture.';

/**
 * An image block in the editor: the picture (at its width, never wider than the column)
 * and its caption; selected (click, or arrow keys onto it), a form for alt text, width
 * and caption. Backspace or Delete removes a selected image.
 */
export function ImageView({ nodeKey, src, alt, width, caption }: ImageViewProps) {
  const services = useOptionalEditorServices();
  const editable = useLexicalEditable();
  const [isSelected, setSelected, clearSelection] = useLexicalNodeSelection(nodeKey);
  const frameRef = useRef<HTMLDivElement>(null);
  useSelectOnClick(frameRef, isSelected, setSelected, clearSelection);
  const update = useNodeUpdater(nodeKey, $isImageNode);
  const [failedSrc, setFailedSrc] = useState<string | null>(null);
  const url = displaySrc(services?.api ?? null, src);
  const missingAlt = alt.trim() === '';

  return (
    <figure className={`ge-figure${isSelected && editable ? ' ge-selected' : ''}`}>
      <div ref={frameRef} className="ge-figure__frame">
        {url && failedSrc !== src ? (
          <img
            src={url}
            alt={alt}
            width={width ?? undefined}
            draggable={false}
            onError={() => setFailedSrc(src)}
          />
        ) : (
          <div className="ge-figure__missing" role="img" aria-label={alt || 'Missing image'}>
            The image at {src.startsWith('asset:') ? 'this asset' : src} cannot be shown.
          </div>
        )}
        {editable && missingAlt && !isSelected ? (
          <span className="ge-badge ge-badge--warning" title={NO_ALT}>
            No alt text
          </span>
        ) : null}
      </div>
      {caption ? <figcaption className="ge-figure__caption">{caption}</figcaption> : null}
      {isSelected && editable ? (
        <NodeForm label="Image settings" nodeKey={nodeKey} removeLabel="Remove image">
          <DraftField
            label="Alt text"
            value={alt}
            placeholder="What the picture shows"
            warning={missingAlt ? NO_ALT : null}
            onChange={(value) => {
              update((node) => node.setAlt(value));
              return null;
            }}
          />
          <DraftField
            label="Width (px)"
            value={width === null ? '' : String(width)}
            placeholder="Natural"
            inputMode="numeric"
            onChange={(value) => {
              if (value.trim() === '') {
                update((node) => node.setWidth(null));
                return null;
              }
              const parsed = /^\d+$/.test(value.trim()) ? Number(value.trim()) : NaN;
              if (!(parsed >= 1 && parsed <= MAX_IMAGE_WIDTH)) {
                return `Width is a whole number of pixels, 1 to ${MAX_IMAGE_WIDTH}; empty for the natural width.`;
              }
              update((node) => node.setWidth(parsed));
              return null;
            }}
          />
          <DraftField
            label="Caption"
            value={caption}
            placeholder="Optional"
            onChange={(value) => {
              update((node) => node.setCaption(value));
              return null;
            }}
          />
        </NodeForm>
      ) : null}
    </figure>
  );
}
