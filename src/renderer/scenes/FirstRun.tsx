import { useEffect, useState, type FormEvent } from 'react';
import type { ApiClient } from '../api/client.ts';
import { EDITOR_COLORS, saveIdentity } from '../state/identity.ts';
import type { EditorIdentity } from '../sync/SyncManager.ts';
import { IdentityFields } from '../components/IdentityFields.tsx';

/** The first screen a new editor sees: the name and colour co-editors will see. */
export function FirstRun({
  api,
  onDone,
}: {
  api: ApiClient;
  onDone: (me: EditorIdentity) => void;
}) {
  const [name, setName] = useState('');
  const [color, setColor] = useState<string>(
    EDITOR_COLORS[Math.floor(Math.random() * EDITOR_COLORS.length)]!,
  );

  useEffect(() => {
    void api.defaultEditorName().then((suggested) => {
      if (suggested) setName((current) => current || suggested);
    });
  }, [api]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (name.trim()) onDone(saveIdentity(name, color));
  };

  return (
    <main className="first-run">
      <form className="first-run-card" onSubmit={submit} aria-labelledby="first-run-title">
        <h1 id="first-run-title">Welcome to Galley</h1>
        <p className="muted">
          Pick the name and colour your co-editors will see next to your cursor. You can change them
          later from the top bar.
        </p>
        <IdentityFields name={name} color={color} onName={setName} onColor={setColor} autoFocus />
        <button className="btn primary" type="submit" disabled={!name.trim()}>
          Start writing
        </button>
      </form>
    </main>
  );
}
