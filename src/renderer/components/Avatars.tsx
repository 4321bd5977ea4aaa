import { initials } from '../state/identity.ts';
import type { EditorIdentity } from '../sync/SyncManager.ts';

/** A row of editor avatars (initials on their colour), with names for screen readers. */
export function Avatars({
  people,
  size = 'normal',
}: {
  people: EditorIdentity[];
  size?: 'normal' | 'small';
}) {
  if (people.length === 0) return null;
  return (
    <ul
      className={`avatars avatars-${size}`}
      aria-label={`Here: ${people.map((p) => p.name).join(', ')}`}
    >
      {people.map((person) => (
        <li
          key={person.id}
          className="avatar"
          style={{ background: person.color }}
          title={person.name}
        >
          <span aria-hidden="true">{initials(person.name)}</span>
        </li>
      ))}
    </ul>
  );
}
