import { SECTION_KINDS, type SectionKind } from '../../core/index.ts';

export const KIND_LABELS: Record<SectionKind, string> = {
  story: 'Story',
  intro: 'Intro',
  sponsor: 'Sponsor',
  poll: 'Poll',
  feedback: 'Feedback',
  roundup: 'Roundup',
};

export const KIND_HINTS: Record<SectionKind, string> = {
  story: 'a feature, headlines, a toolkit',
  intro: 'greeting and agenda',
  sponsor: 'boxed, with disclosure',
  poll: 'a question with options',
  feedback: '“rate this edition” links',
  roundup: 'headlines, a toolkit: links with one-line blurbs',
};

/** The row of "add a section" buttons, one per kind, below the last section. */
export function AddSection({
  onAdd,
  onFromLibrary,
}: {
  onAdd: (kind: SectionKind) => void;
  /** Opens the sponsor library to insert a sponsor from a record. */
  onFromLibrary?: () => void;
}) {
  return (
    <div className="add-section" role="group" aria-label="Add a section">
      <span className="muted">Add a section:</span>
      {SECTION_KINDS.map((kind) => (
        <button
          key={kind}
          className="btn small"
          onClick={() => onAdd(kind)}
          title={KIND_HINTS[kind]}
        >
          + {KIND_LABELS[kind]}
        </button>
      ))}
      {onFromLibrary && (
        <button className="btn small" onClick={onFromLibrary} title="insert a saved sponsor">
          + Sponsor from library…
        </button>
      )}
    </div>
  );
}
