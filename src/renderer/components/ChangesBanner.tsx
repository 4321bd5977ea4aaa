import type { ChangesSince } from '../review/ChangesSince.ts';
import { useChangedSections } from '../review/useChangesSince.ts';

/** "N sections changed since you last looked", with "Mark all as seen"; nothing when none did. */
export function ChangesBanner({ changes }: { changes: ChangesSince | null }) {
  const changed = useChangedSections(changes);
  if (!changes || changed.size === 0) return null;
  return (
    <p className="banner banner-changes" role="status">
      <span className="ge-new-swatch" aria-hidden="true" />
      {changed.size === 1
        ? '1 section changed since you last looked.'
        : `${changed.size} sections changed since you last looked.`}{' '}
      New text is highlighted.
      <button type="button" className="btn small" onClick={() => changes.markAllSeen()}>
        Mark all as seen
      </button>
    </p>
  );
}
