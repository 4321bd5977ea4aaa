import { useEffect, useState, type CSSProperties } from 'react';
import type {
  DiffRun,
  FieldChange,
  ReviewPerson,
  SectionDiff,
  VersionCompare,
  VersionInfo,
} from '../../core/index.ts';
import type { ApiClient } from '../api/client.ts';
import { errorText } from '../api/errorText.ts';
import { ErrorNote } from './ErrorNote.tsx';
import { PanelSheet } from './PanelSheet.tsx';
import './compare.css';

interface CompareViewProps {
  api: ApiClient;
  editionId: string;
  /** Newest first, as the panel lists them. */
  versions: readonly VersionInfo[];
  /** The version the editor chose to compare from. */
  initialFrom: string;
  onClose: () => void;
}

const NOW = 'now';
/** Unchanged text longer than this is shortened to its ends around the changes. */
const CONTEXT = 70;

/**
 * Compare versions: pick a saved version and a later one (or now) and read the
 * per-section diff: insertions in their author's colour with the name on hover and in
 * the legend, deletions struck through, unchanged sections folded away.
 */
export function CompareView({ api, editionId, versions, initialFrom, onClose }: CompareViewProps) {
  const [from, setFrom] = useState(initialFrom);
  const [to, setTo] = useState(NOW);
  const [result, setResult] = useState<VersionCompare | null>(null);
  const [error, setError] = useState('');

  useEffect(() => {
    let live = true;
    setResult(null);
    setError('');
    api.call('versions.compare', { editionId, from, to }).then(
      (value) => live && setResult(value),
      (failure: unknown) => live && setError(errorText(failure)),
    );
    return () => {
      live = false;
    };
  }, [api, editionId, from, to]);

  const label = (id: string) =>
    id === NOW ? 'now' : `“${versions.find((v) => v.id === id)?.label ?? id}”`;

  return (
    <PanelSheet
      className="cmp"
      title={
        <>
          Changes from {label(from)} to {label(to)}
        </>
      }
      onClose={onClose}
    >
      <div className="cmp-pick">
        <label>
          From
          <select className="input" value={from} onChange={(e) => setFrom(e.target.value)}>
            {versions.map((v) => (
              <option key={v.id} value={v.id}>
                {v.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          To
          <select className="input" value={to} onChange={(e) => setTo(e.target.value)}>
            <option value={NOW}>Now</option>
            {versions.map((v) => (
              <option key={v.id} value={v.id}>
                {v.label}
              </option>
            ))}
          </select>
        </label>
      </div>
      {error ? (
        <ErrorNote message={`The versions could not be compared: ${error}`} />
      ) : result === null ? (
        <p className="sp-empty">Comparing…</p>
      ) : (
        <CompareResult result={result} />
      )}
    </PanelSheet>
  );
}

function CompareResult({ result }: { result: VersionCompare }) {
  const { diff } = result;
  if (!diff.changed)
    return <p className="sp-empty cmp-none">Nothing differs: the text and fields are the same.</p>;
  const changed = diff.sections.filter((s) => s.changed);
  const same = diff.sections.filter((s) => !s.changed);
  const authors = authorsOf(changed);
  return (
    <div className="cmp-result">
      <p className="cmp-legend">
        {authors.map((person) => (
          <span key={person.id} className="cmp-person">
            <span className="cmp-swatch" style={{ background: person.color }} aria-hidden="true" />
            {person.name}
          </span>
        ))}
        <span className="cmp-note">
          <del>Struck through</del>: deleted (Yjs does not record who deleted).
        </span>
      </p>
      {diff.meta.length > 0 && (
        <section className="cmp-section" aria-label="Edition header">
          <h4 className="cmp-title">Edition header</h4>
          <Fields fields={diff.meta} />
        </section>
      )}
      {changed.map((section) => (
        <SectionChanges key={section.sectionId} section={section} />
      ))}
      {same.length > 0 && (
        <details className="cmp-same">
          <summary>
            {same.length === 1
              ? '1 section without changes'
              : `${same.length} sections without changes`}
          </summary>
          <ul>
            {same.map((s) => (
              <li key={s.sectionId}>{s.title || 'Untitled'}</li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}

function SectionChanges({ section }: { section: SectionDiff }) {
  const title = section.title || 'Untitled';
  const flags = [
    section.added && 'added',
    section.removed && 'removed',
    section.moved && 'moved',
  ].filter((flag): flag is string => typeof flag === 'string');
  return (
    <section className="cmp-section" aria-label={`Changes in “${title}”`}>
      <h4 className="cmp-title">
        {title}
        {flags.map((flag) => (
          <span key={flag} className={`sp-badge cmp-flag cmp-${flag}`}>
            {flag}
          </span>
        ))}
      </h4>
      <Fields fields={section.fields} />
      {section.body.some((run) => run.kind !== 'same') && (
        <p className="cmp-body">
          {section.body.map((run, index) => (
            <Run
              key={index}
              run={run}
              first={index === 0}
              last={index === section.body.length - 1}
            />
          ))}
        </p>
      )}
    </section>
  );
}

function Fields({ fields }: { fields: FieldChange[] }) {
  if (fields.length === 0) return null;
  return (
    <dl className="cmp-fields">
      {fields.map((field) => (
        <div key={field.field}>
          <dt>{field.field}</dt>
          <dd>
            {field.before && <del>{field.before}</del>}
            {field.before && field.after && ' → '}
            {field.after && <ins className="cmp-field-new">{field.after}</ins>}
          </dd>
        </div>
      ))}
    </dl>
  );
}

function Run({ run, first, last }: { run: DiffRun; first: boolean; last: boolean }) {
  if (run.kind === 'delete') return <del title="Deleted">{run.text}</del>;
  if (run.kind === 'insert') {
    const name = run.author?.name ?? 'an unknown editor';
    return (
      <ins
        className="cmp-ins"
        style={run.author ? authorStyle(run.author.color) : undefined}
        title={`Added by ${name}`}
        data-author={run.author?.name ?? ''}
      >
        {run.text}
        <span className="sr-only"> (added by {name})</span>
      </ins>
    );
  }
  return <span className="cmp-same-text">{shorten(run.text, first, last)}</span>;
}

/** Unchanged text between changes keeps only its ends, so the changes stand out. */
function shorten(text: string, first: boolean, last: boolean): string {
  if (text.length <= CONTEXT * 2) return text;
  const head = first ? '' : text.slice(0, CONTEXT);
  const tail = last ? '' : text.slice(-CONTEXT);
  return `${head} … ${tail}`;
}

/** The author's colour as the `--author` custom property compare.css paints with. */
function authorStyle(color: string): CSSProperties & { '--author': string } {
  return { '--author': color };
}

function authorsOf(sections: SectionDiff[]): ReviewPerson[] {
  const people = new Map<string, ReviewPerson>();
  for (const section of sections)
    for (const run of section.body) if (run.author) people.set(run.author.id, run.author);
  return [...people.values()].sort((a, b) => a.name.localeCompare(b.name));
}
