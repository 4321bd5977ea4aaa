import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import type { BaseSelection } from 'lexical';
import { useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { ASSET_MIME_TYPES, sanitizeImageSrc } from '../../core/index.ts';
import { uploadImageFile } from './assets.ts';
import { errorText } from '../api/errorText.ts';
import {
  $restoreSelection,
  focusEditor,
  INSERT_BUTTON_COMMAND,
  INSERT_IMAGE_COMMAND,
} from './commands.ts';
import { useEditorServices } from './EditorServices.ts';
import { INVALID_LINK_MESSAGE, linkFromInput } from './linkUrl.ts';

export interface PanelProps {
  /** The selection when the panel opened: where the block goes. */
  saved: BaseSelection | null;
  /** `inserted` false: cancelled, the caret goes back where it was. */
  onClose: (inserted: boolean) => void;
}

/** The insert panels' frame: a titled form that Escape closes. */
export function Panel({
  title,
  onClose,
  onSubmit,
  children,
}: {
  title: string;
  onClose: () => void;
  onSubmit: (event: FormEvent) => void;
  children: ReactNode;
}) {
  const titleId = useId();
  return (
    <form
      className="ge-panel"
      aria-labelledby={titleId}
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit(event);
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          onClose();
        }
      }}
    >
      <p id={titleId} className="ge-panel__title">
        {title}
      </p>
      {children}
    </form>
  );
}

/**
 * Adds an image from an https address or from a file (stored in the asset store first),
 * with its alt text. Upload errors are shown here, in words, and the panel stays open.
 */
export function InsertImagePanel({ saved, onClose }: PanelProps) {
  const [editor] = useLexicalComposerContext();
  const { api } = useEditorServices();
  const [url, setUrl] = useState('');
  const [alt, setAlt] = useState('');
  const [error, setError] = useState<{ message: string; about: 'url' | 'file' } | null>(null);
  const [busy, setBusy] = useState(false);
  const fileRef = useRef<HTMLInputElement>(null);
  const ids = { url: useId(), alt: useId(), error: useId() };

  const insert = (src: string) => {
    editor.update(() => {
      $restoreSelection(saved);
      editor.dispatchCommand(INSERT_IMAGE_COMMAND, { src, alt: alt.trim() });
    });
    onClose(true);
    focusEditor(editor);
  };

  const fromUrl = () => {
    const src = sanitizeImageSrc(url);
    if (src === null) {
      setError({
        about: 'url',
        message:
          url.trim() === ''
            ? 'Paste an image address, or choose a file.'
            : 'Galley can only show images from an https:// address (or a file you upload).',
      });
      return;
    }
    insert(src);
  };

  const fromFile = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      insert(await uploadImageFile(api, file));
    } catch (err) {
      setError({ about: 'file', message: `The image could not be added: ${errorText(err)}` });
    } finally {
      setBusy(false);
      if (fileRef.current) fileRef.current.value = '';
    }
  };

  return (
    <Panel title="Add an image" onClose={() => onClose(false)} onSubmit={fromUrl}>
      <div className="ge-panel__row">
        <div className="ge-field ge-field--grow">
          <label htmlFor={ids.url}>Image address</label>
          <input
            id={ids.url}
            className="input"
            value={url}
            autoFocus
            placeholder="https://…"
            inputMode="url"
            aria-invalid={error?.about === 'url'}
            aria-describedby={error?.about === 'url' ? ids.error : undefined}
            onChange={(event) => {
              setUrl(event.target.value);
              setError(null);
            }}
          />
        </div>
        <span className="ge-panel__or">or</span>
        <input
          ref={fileRef}
          type="file"
          className="sr-only"
          tabIndex={-1}
          accept={ASSET_MIME_TYPES.join(',')}
          onChange={(event) => void fromFile(event.target.files?.[0])}
        />
        <button
          type="button"
          className="btn"
          disabled={busy}
          onClick={() => fileRef.current?.click()}
        >
          {busy ? 'Uploading…' : 'Upload a file…'}
        </button>
      </div>
      <div className="ge-field">
        <label htmlFor={ids.alt}>Alt text</label>
        <input
          id={ids.alt}
          className="input"
          value={alt}
          placeholder="What the picture shows, for readers who cannot see it"
          onChange={(event) => setAlt(event.target.value)}
        />
      </div>
      {error ? (
        <p id={ids.error} className="ge-panel__error" role="alert">
          {error.message}
        </p>
      ) : null}
      <div className="ge-panel__actions">
        <button type="submit" className="btn primary" disabled={busy}>
          Insert image
        </button>
        <button type="button" className="btn" onClick={() => onClose(false)}>
          Cancel
        </button>
      </div>
    </Panel>
  );
}

/** Adds a call-to-action button with its label and a checked link. */
export function InsertButtonPanel({ saved, onClose }: PanelProps) {
  const [editor] = useLexicalComposerContext();
  const [label, setLabel] = useState('');
  const [url, setUrl] = useState('');
  const [error, setError] = useState<string | null>(null);
  const ids = { label: useId(), url: useId(), error: useId() };

  const submit = () => {
    if (label.trim() === '') {
      setError('A button needs a label.');
      return;
    }
    const safe = linkFromInput(url);
    if (safe === null) {
      setError(url.trim() === '' ? 'A button needs a link.' : INVALID_LINK_MESSAGE);
      return;
    }
    editor.update(() => {
      $restoreSelection(saved);
      editor.dispatchCommand(INSERT_BUTTON_COMMAND, { label: label.trim(), url: safe });
    });
    onClose(true);
    focusEditor(editor);
  };

  return (
    <Panel title="Add a button" onClose={() => onClose(false)} onSubmit={submit}>
      <div className="ge-panel__row">
        <div className="ge-field ge-field--grow">
          <label htmlFor={ids.label}>Label</label>
          <input
            id={ids.label}
            className="input"
            value={label}
            autoFocus
            placeholder="Read the full story"
            onChange={(event) => {
              setLabel(event.target.value);
              setError(null);
            }}
          />
        </div>
        <div className="ge-field ge-field--grow">
          <label htmlFor={ids.url}>Link</label>
          <input
            id={ids.url}
            className="input"
            value={url}
            placeholder="https://…"
            inputMode="url"
            aria-invalid={error !== null}
            aria-describedby={error ? ids.error : undefined}
            onChange={(event) => {
              setUrl(event.target.value);
              setError(null);
            }}
          />
        </div>
      </div>
      {error ? (
        <p id={ids.error} className="ge-panel__error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="ge-panel__actions">
        <button type="submit" className="btn primary">
          Insert button
        </button>
        <button type="button" className="btn" onClick={() => onClose(false)}>
          Cancel
        </button>
      </div>
    </Panel>
  );
}
