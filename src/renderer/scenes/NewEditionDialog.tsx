import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { EditionSummary } from '../../core/index.ts';
import type { ApiClient } from '../api/client.ts';
import { useToasts } from '../components/Toasts.tsx';

type From = 'blank' | 'sample' | 'structure';

/** New edition: blank, the sample, or the structure of an earlier edition. */
export function NewEditionDialog(props: {
  api: ApiClient;
  editions: EditionSummary[];
  sourceId: string | null;
  onClose: () => void;
  onCreated: (summary: EditionSummary) => void | Promise<void>;
}) {
  const toasts = useToasts();
  const ref = useRef<HTMLDialogElement>(null);
  const [title, setTitle] = useState('');
  const [from, setFrom] = useState<From>(props.editions.length > 0 ? 'structure' : 'blank');
  const [sourceId, setSourceId] = useState(props.sourceId ?? props.editions[0]?.id ?? '');
  const [keepBodies, setKeepBodies] = useState(false);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    ref.current?.showModal();
  }, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      const summary = await props.api.call('editions.create', {
        ...(title.trim() ? { title } : {}),
        from,
        ...(from === 'structure' ? { sourceId, keepBodies } : {}),
      });
      await props.onCreated(summary);
    } catch (error) {
      toasts.error('Could not create the edition', error);
      setBusy(false);
    }
  };

  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby="new-edition-title"
      onClose={props.onClose}
    >
      <form onSubmit={(e) => void submit(e)} className="stack">
        <h2 id="new-edition-title">New edition</h2>
        <label className="field">
          Title
          <input
            value={title}
            maxLength={300}
            autoFocus
            placeholder={from === 'structure' ? 'Same as the source edition' : 'Untitled edition'}
            onChange={(e) => setTitle(e.target.value)}
          />
        </label>
        <fieldset className="choices">
          <legend className="field">Start from</legend>
          <label>
            <input
              type="radio"
              name="from"
              checked={from === 'blank'}
              onChange={() => setFrom('blank')}
            />
            A blank edition <span className="muted">(an intro and one story)</span>
          </label>
          <label>
            <input
              type="radio"
              name="from"
              checked={from === 'sample'}
              onChange={() => setFrom('sample')}
            />
            The sample edition <span className="muted">(every kind of section, filled in)</span>
          </label>
          <label>
            <input
              type="radio"
              name="from"
              checked={from === 'structure'}
              disabled={props.editions.length === 0}
              onChange={() => setFrom('structure')}
            />
            The structure of an earlier edition
          </label>
        </fieldset>
        {from === 'structure' && (
          <div className="indent stack">
            <label className="field">
              Earlier edition
              <select value={sourceId} onChange={(e) => setSourceId(e.target.value)}>
                {props.editions.map((e) => (
                  <option key={e.id} value={e.id}>
                    {e.number !== null ? `#${e.number} ` : ''}
                    {e.title}
                  </option>
                ))}
              </select>
            </label>
            <label className="check">
              <input
                type="checkbox"
                checked={keepBodies}
                onChange={(e) => setKeepBodies(e.target.checked)}
              />
              Keep the section texts (otherwise sections start empty, with their fields kept)
            </label>
          </div>
        )}
        <div className="row end">
          <button className="btn" type="button" onClick={props.onClose}>
            Cancel
          </button>
          <button
            className="btn primary"
            type="submit"
            disabled={busy || (from === 'structure' && !sourceId)}
          >
            Create edition
          </button>
        </div>
      </form>
    </dialog>
  );
}
