import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useId, useState } from 'react';
import {
  embedKind,
  EMBED_PROVIDERS,
  PROVIDER_NAMES,
  recognizeEmbedUrl,
  sanitizeCardHtml,
  type EmbedFields,
  type EmbedProvider,
} from '../../core/index.ts';
import {
  $selectedCallout,
  INSERT_CALLOUT_COMMAND,
  INSERT_EMBED_COMMAND,
  INSERT_HTML_CARD_COMMAND,
} from './cardCommands.ts';
import { $restoreSelection, focusEditor } from './commands.ts';
import { Panel, type PanelProps } from './InsertPanels.tsx';

/**
 * Adds a callout, or with the caret in one, edits its emoji and title (the text of a
 * callout is edited in place, like any text).
 */
export function InsertCalloutPanel({ saved, onClose }: PanelProps) {
  const [editor] = useLexicalComposerContext();
  const existing = editor.getEditorState().read(() => {
    $restoreSelection(saved);
    const callout = $selectedCallout();
    return callout ? { emoji: callout.getEmoji(), title: callout.getTitle() } : null;
  });
  const [emoji, setEmoji] = useState(existing?.emoji ?? '\u{1F4A1}');
  const [title, setTitle] = useState(existing?.title ?? 'TL;DR');
  const ids = { emoji: useId(), title: useId() };
  const submit = () => {
    editor.update(() => {
      $restoreSelection(saved);
      const callout = existing ? $selectedCallout() : null;
      if (callout) callout.setEmoji(emoji).setTitle(title);
      else editor.dispatchCommand(INSERT_CALLOUT_COMMAND, { emoji, title });
    });
    onClose(true);
    focusEditor(editor);
  };
  return (
    <Panel
      title={existing ? 'Callout settings' : 'Add a callout'}
      onClose={() => onClose(false)}
      onSubmit={submit}
    >
      <div className="ge-panel__row">
        <div className="ge-field">
          <label htmlFor={ids.emoji}>Emoji</label>
          <input
            id={ids.emoji}
            className="input ge-input--emoji"
            value={emoji}
            autoFocus
            onChange={(e) => setEmoji(e.target.value)}
          />
        </div>
        <div className="ge-field ge-field--grow">
          <label htmlFor={ids.title}>Title</label>
          <input
            id={ids.title}
            className="input"
            value={title}
            placeholder="Why it matters"
            onChange={(e) => setTitle(e.target.value)}
          />
        </div>
      </div>
      <div className="ge-panel__actions">
        <button type="submit" className="btn primary">
          {existing ? 'Save callout' : 'Insert callout'}
        </button>
        <button type="button" className="btn" onClick={() => onClose(false)}>
          Cancel
        </button>
      </div>
    </Panel>
  );
}

/**
 * Adds an embed from a URL: the provider is recognized and what the URL tells offline
 * (a YouTube thumbnail, a handle) is filled in; the editor writes the rest.
 */
export function InsertEmbedPanel({ saved, onClose }: PanelProps) {
  const [editor] = useLexicalComposerContext();
  const [fields, setFields] = useState<Partial<EmbedFields>>({ provider: 'link' });
  const [url, setUrl] = useState('');
  const [error, setError] = useState<string | null>(null);
  const ids = { url: useId(), provider: useId(), error: useId() };
  const provider: EmbedProvider = fields.provider ?? 'link';
  const kind = embedKind(provider);
  const set = (patch: Partial<EmbedFields>) => setFields((prev) => ({ ...prev, ...patch }));
  const onUrl = (value: string) => {
    setUrl(value);
    setError(null);
    const found = recognizeEmbedUrl(value);
    if (found)
      set({
        provider: found.provider,
        url: found.url,
        ...(found.image ? { image: found.image } : {}),
        ...(found.handle ? { handle: found.handle } : {}),
      });
  };
  const submit = () => {
    const found = recognizeEmbedUrl(url);
    if (found === null) {
      setError(
        url.trim() === ''
          ? 'Paste the address of the video, post or page.'
          : 'An embed needs an https:// or http:// address.',
      );
      return;
    }
    editor.update(() => {
      $restoreSelection(saved);
      editor.dispatchCommand(INSERT_EMBED_COMMAND, { ...fields, url: found.url });
    });
    onClose(true);
    focusEditor(editor);
  };
  const field = (name: keyof EmbedFields, label: string, placeholder = '') => (
    <TextField
      key={name}
      label={label}
      value={String(fields[name] ?? '')}
      placeholder={placeholder}
      onChange={(v) => set({ [name]: v })}
    />
  );
  return (
    <Panel title="Add an embed" onClose={() => onClose(false)} onSubmit={submit}>
      <div className="ge-panel__row">
        <div className="ge-field ge-field--grow">
          <label htmlFor={ids.url}>Address</label>
          <input
            id={ids.url}
            className="input"
            value={url}
            autoFocus
            inputMode="url"
            placeholder="https://www.youtube.com/watch?v=…"
            aria-invalid={error !== null}
            aria-describedby={error ? ids.error : undefined}
            onChange={(e) => onUrl(e.target.value)}
          />
        </div>
        <div className="ge-field">
          <label htmlFor={ids.provider}>Kind</label>
          <select
            id={ids.provider}
            className="input"
            value={provider}
            onChange={(e) =>
              set({ provider: EMBED_PROVIDERS.find((p) => p === e.target.value) ?? 'link' })
            }
          >
            {EMBED_PROVIDERS.map((p) => (
              <option key={p} value={p}>
                {p === 'link' ? 'Link card' : PROVIDER_NAMES[p]}
              </option>
            ))}
          </select>
        </div>
      </div>
      {kind === 'post'
        ? [
            field('author', 'Author'),
            field('handle', 'Handle', '@name'),
            field('text', 'Post text'),
          ]
        : [
            field('title', 'Title'),
            ...(kind === 'link' ? [field('text', 'Description')] : []),
            field('image', kind === 'video' ? 'Thumbnail address' : 'Image address', 'https://…'),
            field('alt', 'Alt text', 'What the image shows'),
          ]}
      {error ? (
        <p id={ids.error} className="ge-panel__error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="ge-panel__actions">
        <button type="submit" className="btn primary">
          Insert embed
        </button>
        <button type="button" className="btn" onClick={() => onClose(false)}>
          Cancel
        </button>
      </div>
    </Panel>
  );
}

/** Adds an HTML card from pasted email HTML; what is unsafe is removed before it is stored. */
export function InsertHtmlCardPanel({ saved, onClose }: PanelProps) {
  const [editor] = useLexicalComposerContext();
  const [html, setHtml] = useState('');
  const [error, setError] = useState<string | null>(null);
  const id = useId();
  const submit = () => {
    if (sanitizeCardHtml(html) === '') {
      setError('Nothing would be left of this HTML once scripts and unsafe parts are removed.');
      return;
    }
    editor.update(() => {
      $restoreSelection(saved);
      editor.dispatchCommand(INSERT_HTML_CARD_COMMAND, html);
    });
    onClose(true);
    focusEditor(editor);
  };
  return (
    <Panel title="Add an HTML card" onClose={() => onClose(false)} onSubmit={submit}>
      <div className="ge-field">
        <label htmlFor={id}>
          HTML (scripts, forms, styles sheets and unsafe links are removed)
        </label>
        <textarea
          id={id}
          className="input ge-textarea--code"
          rows={8}
          value={html}
          autoFocus
          onChange={(e) => {
            setHtml(e.target.value);
            setError(null);
          }}
        />
      </div>
      {error ? (
        <p className="ge-panel__error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="ge-panel__actions">
        <button type="submit" className="btn primary">
          Insert HTML card
        </button>
        <button type="button" className="btn" onClick={() => onClose(false)}>
          Cancel
        </button>
      </div>
    </Panel>
  );
}

function TextField({
  label,
  value,
  placeholder,
  onChange,
}: {
  label: string;
  value: string;
  placeholder?: string;
  onChange: (value: string) => void;
}) {
  const id = useId();
  return (
    <div className="ge-field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        className="input"
        value={value}
        placeholder={placeholder}
        onChange={(e) => onChange(e.target.value)}
      />
    </div>
  );
}
