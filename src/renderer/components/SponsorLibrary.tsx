import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import type { Sponsor, SponsorUse } from '../../core/index.ts';
import type { ApiClient } from '../api/client.ts';
import { errorText } from '../api/errorText.ts';
import { displaySrc, uploadImageFile } from '../editor/assets.ts';
import { useToasts } from './Toasts.tsx';

type Draft = Pick<
  Sponsor,
  'name' | 'url' | 'disclosure' | 'cta' | 'logo' | 'flightStart' | 'flightEnd' | 'notes'
>;

const EMPTY: Draft = {
  name: '',
  url: 'https://',
  disclosure: '',
  cta: '',
  logo: null,
  flightStart: null,
  flightEnd: null,
  notes: '',
};

function flight(sponsor: Sponsor): string {
  if (!sponsor.flightStart && !sponsor.flightEnd) return 'no flight dates';
  return `${sponsor.flightStart ?? '…'} to ${sponsor.flightEnd ?? '…'}`;
}

/**
 * The sponsor library: reusable sponsor records (name, link, disclosure, call to action,
 * flight dates, notes). Inserting copies a record's fields into a new sponsor section
 * linked back to it; saving a changed record offers to update the sections of the
 * editions that are not sent yet (sent ones stay as they went out).
 */
export function SponsorLibrary(props: {
  api: ApiClient;
  editionId: string;
  onInserted: (sectionId: string) => void;
  onClose: () => void;
}) {
  const { api } = props;
  const toasts = useToasts();
  const ref = useRef<HTMLDialogElement>(null);
  const [sponsors, setSponsors] = useState<Sponsor[] | null>(null);
  const [editing, setEditing] = useState<{ id: string | null; draft: Draft } | null>(null);
  const [offer, setOffer] = useState<{ sponsor: Sponsor; uses: SponsorUse[] } | null>(null);
  const [problem, setProblem] = useState('');

  const reload = useCallback(async () => {
    try {
      setSponsors(await api.call('sponsors.list', {}));
    } catch (error) {
      setProblem(errorText(error));
    }
  }, [api]);

  useEffect(() => {
    ref.current?.showModal();
    void reload();
  }, [reload]);

  const insert = async (sponsor: Sponsor) => {
    try {
      const { sectionId } = await api.call('sections.addSponsor', {
        editionId: props.editionId,
        sponsorId: sponsor.id,
      });
      props.onInserted(sectionId);
      props.onClose();
    } catch (error) {
      setProblem(errorText(error));
    }
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (!editing) return;
    setProblem('');
    try {
      const saved =
        editing.id === null
          ? await api.call('sponsors.create', editing.draft)
          : await api.call('sponsors.update', { id: editing.id, ...editing.draft });
      setEditing(null);
      await reload();
      if (editing.id !== null) {
        // A changed record: the unsent editions whose copies now differ may want it.
        const usage = await api.call('sponsors.usage', { sponsorId: saved.id });
        const uses = usage.unsent.filter((use) => use.outdated.length > 0);
        if (uses.length > 0) setOffer({ sponsor: saved, uses });
      }
    } catch (error) {
      setProblem(errorText(error));
    }
  };

  const apply = async () => {
    if (!offer) return;
    try {
      const result = await api.call('sponsors.applyToEditions', {
        sponsorId: offer.sponsor.id,
        editionIds: offer.uses.map((use) => use.editionId),
      });
      const count = result.changed.length;
      toasts.show({
        level: 'info',
        text: `Updated ${offer.sponsor.name} in ${count} edition${count === 1 ? '' : 's'}.`,
      });
      setOffer(null);
    } catch (error) {
      setProblem(errorText(error));
    }
  };

  const field = (key: Exclude<keyof Draft, 'logo'>, label: string, type = 'text') => {
    if (!editing) return null;
    const value = editing.draft[key];
    return (
      <label className="field">
        {label}
        <input
          type={type}
          value={value ?? ''}
          onChange={(e) =>
            setEditing({
              ...editing,
              draft: {
                ...editing.draft,
                [key]: type === 'date' && e.target.value === '' ? null : e.target.value,
              },
            })
          }
        />
      </label>
    );
  };

  return (
    <dialog
      ref={ref}
      className="dialog sponsor-dialog"
      aria-labelledby="sponsors-title"
      onClose={props.onClose}
    >
      <div className="stack">
        <h2 id="sponsors-title">Sponsor library</h2>
        {offer ? (
          <div className="stack" role="group" aria-label="Update unsent editions">
            <p>
              {offer.sponsor.name} appears in {offer.uses.length} edition
              {offer.uses.length === 1 ? '' : 's'} not sent yet, with the old details:
            </p>
            <ul className="sponsor-uses">
              {offer.uses.map((use) => (
                <li key={use.editionId}>{use.title || 'Untitled edition'}</li>
              ))}
            </ul>
            <div className="row end">
              <button type="button" className="btn" onClick={() => setOffer(null)}>
                Leave them
              </button>
              <button type="button" className="btn primary" onClick={() => void apply()}>
                Update them
              </button>
            </div>
          </div>
        ) : editing ? (
          <form className="stack" onSubmit={(e) => void save(e)} aria-label="Sponsor">
            {field('name', 'Name')}
            {field('url', 'Link')}
            {field('cta', 'Call to action (button label)')}
            {field('disclosure', 'Disclosure line')}
            <LogoField
              api={api}
              logo={editing.draft.logo}
              onChange={(logo) => setEditing({ ...editing, draft: { ...editing.draft, logo } })}
              onProblem={setProblem}
            />
            <div className="row">
              {field('flightStart', 'Flight starts', 'date')}
              {field('flightEnd', 'Flight ends', 'date')}
            </div>
            {field('notes', 'Notes (not in the email)')}
            <div className="row end">
              <button type="button" className="btn" onClick={() => setEditing(null)}>
                Cancel
              </button>
              <button type="submit" className="btn primary">
                Save sponsor
              </button>
            </div>
          </form>
        ) : sponsors === null ? (
          !problem && <p className="muted">Reading the library…</p>
        ) : (
          <>
            {sponsors.length === 0 ? (
              <p className="muted">
                No sponsors yet. Add one, then insert it into any edition: its details are copied in
                and stay linked to the record.
              </p>
            ) : (
              <ul className="sponsor-list" aria-label="Sponsors">
                {sponsors.map((sponsor) => (
                  <li key={sponsor.id}>
                    <span className="sponsor-name">{sponsor.name}</span>
                    <span className="muted">
                      {flight(sponsor)}
                      {sponsor.disclosure === '' ? ' · no disclosure line' : ''}
                    </span>
                    <span className="row">
                      <button
                        type="button"
                        className="btn small"
                        onClick={() => {
                          const { id, createdAt: _c, updatedAt: _u, ...draft } = sponsor;
                          setEditing({ id, draft });
                        }}
                      >
                        Edit
                      </button>
                      <button
                        type="button"
                        className="btn small primary"
                        onClick={() => void insert(sponsor)}
                      >
                        Insert
                      </button>
                    </span>
                  </li>
                ))}
              </ul>
            )}
            <div className="row end">
              <button type="button" className="btn" onClick={props.onClose}>
                Close
              </button>
              <button
                type="button"
                className="btn primary"
                onClick={() => setEditing({ id: null, draft: EMPTY })}
              >
                New sponsor
              </button>
            </div>
          </>
        )}
        {problem && (
          <p className="settings-problem" role="alert">
            {problem}
          </p>
        )}
      </div>
    </dialog>
  );
}

/** The sponsor's logo: a stored image (PNG, JPEG, GIF or WebP), shown small, replaceable. */
function LogoField(props: {
  api: ApiClient;
  logo: string | null;
  onChange: (logo: string | null) => void;
  onProblem: (problem: string) => void;
}) {
  const src = props.logo ? displaySrc(props.api, `asset:${props.logo}`) : null;
  return (
    <div className="field sponsor-logo">
      <span>Logo</span>
      <div className="row">
        {src && <img src={src} alt="The sponsor's logo" />}
        <label className="btn small">
          {props.logo ? 'Replace…' : 'Choose an image…'}
          <input
            type="file"
            accept="image/png,image/jpeg,image/gif,image/webp"
            className="sr-only"
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (!file) return;
              uploadImageFile(props.api, file).then(
                (stored) => props.onChange(stored.replace(/^asset:/, '')),
                (error: unknown) => props.onProblem(errorText(error)),
              );
            }}
          />
        </label>
        {props.logo && (
          <button type="button" className="btn small" onClick={() => props.onChange(null)}>
            Remove
          </button>
        )}
      </div>
    </div>
  );
}
