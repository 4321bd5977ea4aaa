import { useLexicalEditable } from '@lexical/react/useLexicalEditable';
import { useLexicalNodeSelection } from '@lexical/react/useLexicalNodeSelection';
import type { NodeKey } from 'lexical';
import { useRef } from 'react';
import {
  $isEmbedNode,
  embedKind,
  PROVIDER_NAMES,
  recognizeEmbedUrl,
  sanitizeImageSrc,
  type EmbedFields,
} from '../../core/index.ts';
import { DraftField, NodeForm, useNodeUpdater, useSelectOnClick } from './DecoratorForm.tsx';

/**
 * An embed card as the email shows it (a thumbnail with a play mark, a quoted post or a
 * link card), made of the node's fields only: nothing is fetched or run. Selected, a form
 * for its fields; a pasted URL is recognized again.
 */
export function EmbedView({ nodeKey, fields }: { nodeKey: NodeKey; fields: EmbedFields }) {
  const editable = useLexicalEditable();
  const [isSelected, setSelected, clearSelection] = useLexicalNodeSelection(nodeKey);
  const bodyRef = useRef<HTMLDivElement>(null);
  useSelectOnClick(bodyRef, isSelected, setSelected, clearSelection);
  const update = useNodeUpdater(nodeKey, $isEmbedNode);
  const kind = embedKind(fields.provider);
  const provider = PROVIDER_NAMES[fields.provider];
  const image = sanitizeImageSrc(fields.image);
  const problems = [
    fields.url === '' ? 'No link' : null,
    image !== null && fields.alt.trim() === '' ? 'No alt text' : null,
  ].filter((p): p is string => p !== null);
  const field = (name: keyof Omit<EmbedFields, 'provider' | 'url'>, label: string) => (
    <DraftField
      key={name}
      label={label}
      value={fields[name]}
      onChange={(value) => {
        update((node) => node.setFields({ [name]: value }));
        return null;
      }}
    />
  );
  return (
    <div className={`ge-embed ge-embed--${kind}${isSelected && editable ? ' ge-selected' : ''}`}>
      <div ref={bodyRef} className="ge-embed__body">
        {kind !== 'post' && image !== null && !image.startsWith('asset:') ? (
          <img className="ge-embed__image" src={image} alt={fields.alt} />
        ) : null}
        {kind === 'video' ? (
          <p className="ge-embed__play">
            ▶︎ Watch on {provider}
            {fields.title ? `: ${fields.title}` : ''}
          </p>
        ) : null}
        {kind === 'post' ? (
          <>
            <p className="ge-embed__byline">
              <strong>{fields.author || 'Author'}</strong> {fields.handle} · {provider}
            </p>
            <blockquote className="ge-embed__text">{fields.text || 'Post text'}</blockquote>
          </>
        ) : null}
        {kind === 'link' ? (
          <>
            <p className="ge-embed__title">{fields.title || fields.url || 'Link card'}</p>
            {fields.text ? <p className="ge-embed__text">{fields.text}</p> : null}
          </>
        ) : null}
        {editable && problems.length > 0 ? (
          <span className="ge-badge ge-badge--warning">{problems.join(' · ')}</span>
        ) : null}
      </div>
      {isSelected && editable ? (
        <NodeForm label="Embed settings" nodeKey={nodeKey} removeLabel="Remove embed">
          <DraftField
            label="Address"
            value={fields.url}
            inputMode="url"
            onChange={(value) => {
              const found = recognizeEmbedUrl(value);
              if (found === null && value.trim() !== '')
                return 'An embed needs an https:// or http:// address.';
              update((node) =>
                node.setFields(
                  found
                    ? {
                        url: found.url,
                        provider: found.provider,
                        ...(found.image && fields.image === '' ? { image: found.image } : {}),
                      }
                    : { url: '' },
                ),
              );
              return null;
            }}
          />
          {kind === 'post'
            ? [field('author', 'Author'), field('handle', 'Handle'), field('text', 'Post text')]
            : [
                field('title', 'Title'),
                ...(kind === 'link' ? [field('text', 'Description')] : []),
                field('image', kind === 'video' ? 'Thumbnail address' : 'Image address'),
                field('alt', 'Alt text'),
              ]}
        </NodeForm>
      ) : null}
    </div>
  );
}
