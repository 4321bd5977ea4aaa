import { SECTION_KINDS } from '../core/index.ts';

/** The workbench shell; the editing scenes arrive with the workbench issue. */
export function App() {
  return (
    <main
      style={{
        font: '16px system-ui, sans-serif',
        maxWidth: 640,
        margin: '64px auto',
        padding: '0 24px',
      }}
    >
      <h1>Galley</h1>
      <p>
        The editing window is not built yet. Use the command line:{' '}
        <code>npm run galley -- --help</code>.
      </p>
      <p>Section kinds: {SECTION_KINDS.join(', ')}.</p>
    </main>
  );
}
