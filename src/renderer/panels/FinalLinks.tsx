import { memo, useId } from 'react';
import type { FinalLink } from '../../core/index.ts';
import type { ApiClient } from '../api/client.ts';
import { ErrorNote } from './ErrorNote.tsx';
import { useLiveQuery } from './useLiveQuery.ts';

/**
 * Every link of the edition with the URL a reader's click will go to: tracked links with
 * their UTM tags, others as written, and the ones an export drops (unsafe or unfinished)
 * said so. Folded by default: it is long, and the findings come first.
 */
export function FinalLinks(props: {
  api: ApiClient;
  editionId: string;
  revision: number;
  active: boolean;
}) {
  const { api, editionId } = props;
  const query = useLiveQuery(
    () => api.call('links.list', { id: editionId }),
    editionId,
    props.revision,
    props.active,
  );
  if (query.error)
    return (
      <ErrorNote message={`The links could not be listed: ${query.error}`} onRetry={query.reload} />
    );
  if (query.data === undefined) return null;
  return <LinkList links={query.data.links} />;
}

const LinkList = memo(function LinkList({ links }: { links: FinalLink[] }) {
  const titleId = useId();
  const tagged = links.filter((link) => link.finalUrl !== null && link.finalUrl !== link.url);
  return (
    <details className="sp-links">
      <summary id={titleId} className="sp-group-title">
        Links ({links.length}
        {tagged.length > 0 ? `, ${tagged.length} tracked` : ''})
      </summary>
      {links.length === 0 ? (
        <p className="sp-empty">This edition has no links yet.</p>
      ) : (
        <ol className="sp-link-list" aria-labelledby={titleId}>
          {links.map((link, index) => (
            <li key={index}>
              <span className="sp-link-text">{link.text || link.url}</span>
              {link.finalUrl === null ? (
                <span className="sp-link-dropped">left out of the export: {link.url}</span>
              ) : (
                <code className="sp-link-url">{link.finalUrl}</code>
              )}
            </li>
          ))}
        </ol>
      )}
    </details>
  );
});
