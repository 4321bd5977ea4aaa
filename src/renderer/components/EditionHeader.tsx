import type * as Y from 'yjs';
import {
  EDITION_STATUSES,
  setEditionMeta,
  type Edition,
  type EditionMeta,
} from '../../core/index.ts';

/** Gmail shows roughly this many characters of preheader after the subject. */
const PREHEADER_ADVICE = { min: 40, max: 130 };

/** The edition's own fields: title, subject, preheader (counted), number, date, status. */
export function EditionHeader({ doc, edition }: { doc: Y.Doc; edition: Edition }) {
  const set = (patch: Partial<EditionMeta>) => setEditionMeta(doc, patch);
  const preheaderLength = [...edition.preheader].length;
  const preheaderTone =
    preheaderLength === 0
      ? 'muted'
      : preheaderLength < PREHEADER_ADVICE.min || preheaderLength > PREHEADER_ADVICE.max
        ? 'warn'
        : 'ok';
  return (
    <section className="edition-header" aria-label="Edition details">
      <input
        className="edition-title-input"
        aria-label="Edition title"
        placeholder="Untitled edition"
        data-comment-field="title"
        value={edition.title}
        maxLength={300}
        onChange={(e) => set({ title: e.target.value })}
      />
      <div className="header-grid">
        <label className="field wide">
          Subject line
          <input
            value={edition.subject}
            maxLength={300}
            placeholder="What the inbox shows"
            data-comment-field="subject"
            onChange={(e) => set({ subject: e.target.value })}
          />
        </label>
        <label className="field wide">
          <span className="label-row">
            Preheader
            <span className={`count count-${preheaderTone}`} aria-live="polite">
              {preheaderLength} characters
              {preheaderTone === 'warn' &&
                ` (aim for ${PREHEADER_ADVICE.min}–${PREHEADER_ADVICE.max})`}
            </span>
          </span>
          <input
            value={edition.preheader}
            maxLength={300}
            placeholder="The line after the subject in the inbox"
            data-comment-field="preheader"
            onChange={(e) => set({ preheader: e.target.value })}
          />
        </label>
        <label className="field">
          Number
          <input
            type="number"
            min={0}
            value={edition.number ?? ''}
            onChange={(e) => {
              const n = e.target.value === '' ? null : Math.trunc(Number(e.target.value));
              set({ number: n === null || Number.isFinite(n) ? n : null });
            }}
          />
        </label>
        <label className="field">
          Publish date
          <input
            type="date"
            value={edition.publishDate ?? ''}
            onChange={(e) =>
              set({
                publishDate: /^\d{4}-\d{2}-\d{2}$/.test(e.target.value) ? e.target.value : null,
              })
            }
          />
        </label>
        <label className="field">
          Status
          <select
            value={edition.status}
            onChange={(e) => set({ status: e.target.value as Edition['status'] })}
          >
            {EDITION_STATUSES.map((status) => (
              <option key={status} value={status}>
                {status[0]!.toUpperCase() + status.slice(1)}
              </option>
            ))}
          </select>
        </label>
      </div>
    </section>
  );
}
