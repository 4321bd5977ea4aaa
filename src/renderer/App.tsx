import { useEffect, useState } from 'react';
import { createApiClient, type ApiClient } from './api/client.ts';
import { errorText } from './api/errorText.ts';
import { FirstRun } from './scenes/FirstRun.tsx';
import { Workbench } from './scenes/Workbench.tsx';
import { loadIdentity } from './state/identity.ts';
import type { EditorIdentity } from './sync/SyncManager.ts';

type Boot =
  | { state: 'starting' }
  | { state: 'failed'; message: string }
  | { state: 'ready'; api: ApiClient; publication: string };

/** Connects to the backend, asks a first-time editor who they are, then opens the workbench. */
export function App() {
  const [boot, setBoot] = useState<Boot>({ state: 'starting' });
  const [me, setMe] = useState<EditorIdentity | null>(() => loadIdentity());

  useEffect(() => {
    createApiClient()
      .then(
        async (api) => {
          // One cheap call proves the token works before anything else is shown.
          const profile = await api.call('profile.get', {});
          setBoot({ state: 'ready', api, publication: profile.name });
        },
        (error: unknown) => setBoot({ state: 'failed', message: messageOf(error) }),
      )
      .catch((error: unknown) => setBoot({ state: 'failed', message: messageOf(error) }));
  }, []);

  if (boot.state === 'starting') return <div className="boot" aria-busy="true" />;
  if (boot.state === 'failed')
    return (
      <main className="boot boot-error" role="alert">
        <h1>Galley could not open</h1>
        <p>{boot.message}</p>
        <p className="muted">
          In a browser, open the address <code>npm run web</code> printed, with its token. On the
          desktop, restart Galley.
        </p>
      </main>
    );
  if (!me) return <FirstRun api={boot.api} onDone={setMe} />;
  return <Workbench api={boot.api} publication={boot.publication} me={me} onIdentity={setMe} />;
}

function messageOf(error: unknown): string {
  const text = errorText(error);
  if (text.startsWith('A valid token'))
    return 'This address has no valid token. Open the full link that npm run web or galley serve printed, token included.';
  return text;
}
