import { useId, useState } from 'react';
import type { ExportFormat } from '../../core/index.ts';
import { ApiCallError, type ApiClient } from '../api/client.ts';
import { zipBundle, type BundleContents } from './bundleZip.ts';
import { downloadBlob } from './downloadBlob.ts';
import { ErrorNote } from './ErrorNote.tsx';
import { errorText } from '../api/errorText.ts';
import { SendTest } from './SendTest.tsx';
import { SeverityIcon } from './SeverityIcon.tsx';
import { slugify } from './slugify.ts';
import { useLiveQuery } from './useLiveQuery.ts';
import './panels.css';

export interface ExportPanelProps {
  api: ApiClient;
  editionId: string;
  revision: number;
  /** The edition's title: the bundle and file names are made from it. */
  title: string;
  active?: boolean;
}

type Action = 'bundle' | 'copy-email' | 'copy-markdown' | 'text' | 'site';

const FORMAT_NAME: Record<ExportFormat, string> = {
  email: 'Email',
  markdown: 'Markdown',
  text: 'Plain text',
};

/**
 * Gets the edition out: a zip of all three renderings, the email HTML or Markdown on the
 * clipboard, or the plain text as a file. One path in the browser and in Electron (which
 * turns the download into its save flow); the desktop menu's File > Export writes the
 * full bundle with images through a native dialog.
 */
export function ExportPanel({ api, editionId, revision, title, active = true }: ExportPanelProps) {
  const titleId = useId();
  const [running, setRunning] = useState<Action | null>(null);
  const [done, setDone] = useState('');
  const [failure, setFailure] = useState('');

  const render = async (format: ExportFormat) =>
    (await api.call('export.render', { id: editionId, format })).content;

  // Warnings come from the renderers; Markdown has none of its own.
  const warnings = useLiveQuery(
    async () => {
      const [email, text] = await Promise.all(
        (['email', 'text'] as const).map((format) =>
          api.call('export.render', { id: editionId, format }),
        ),
      );
      return [email, text].flatMap((r) =>
        r ? r.warnings.map((w) => ({ format: r.format, text: w })) : [],
      );
    },
    editionId,
    revision,
    active,
  );

  const perform = async (action: Action, work: () => Promise<string>) => {
    setRunning(action);
    setDone('');
    setFailure('');
    try {
      setDone(await work());
    } catch (error) {
      setFailure(errorText(error));
    } finally {
      setRunning(null);
    }
  };

  const saveBundle = () =>
    perform('bundle', async () => {
      const [email, markdown, text] = await Promise.all([
        render('email'),
        render('markdown'),
        render('text'),
      ]);
      const contents: BundleContents = { email, markdown, text };
      const { fileName, bytes } = zipBundle(title, contents);
      downloadBlob(bytes, fileName, 'application/zip');
      return `Saved ${fileName}.`;
    });

  const copy = (action: Action, format: 'email' | 'markdown') =>
    perform(action, async () => {
      const content = await render(format);
      if (!navigator.clipboard?.writeText)
        throw new Error('The clipboard cannot be reached from this page.');
      try {
        await navigator.clipboard.writeText(content);
      } catch (error) {
        throw new Error(`The clipboard refused the text: ${errorText(error)}`);
      }
      return format === 'email' ? 'Copied the email HTML.' : 'Copied the Markdown.';
    });

  const downloadText = () =>
    perform('text', async () => {
      const fileName = `${slugify(title)}.txt`;
      downloadBlob(await render('text'), fileName, 'text/plain;charset=utf-8');
      return `Saved ${fileName}.`;
    });

  // The desktop app asks for the folder in a system dialog (main fills in `dest`).
  const writeSite = () =>
    perform('site', async () => {
      try {
        const site = await api.call('export.site', { dest: 'chosen in the dialog' });
        return `Wrote the web archive to ${site.dir}: ${site.written.length} files changed, ${site.unchanged.length} unchanged.`;
      } catch (error) {
        if (error instanceof ApiCallError && error.code === 'cancelled') return '';
        throw error;
      }
    });

  const busy = running !== null;
  return (
    <section className="sp-panel" aria-labelledby={titleId}>
      <header className="sp-panel-header">
        <h2 id={titleId} className="sp-panel-title">
          Export
        </h2>
      </header>
      <div className="sp-panel-body">
        <div className="sp-actions" aria-busy={busy}>
          <button type="button" className="btn primary" disabled={busy} onClick={saveBundle}>
            {running === 'bundle' ? 'Saving bundle…' : 'Save bundle (.zip)'}
          </button>
          <button
            type="button"
            className="btn"
            disabled={busy}
            onClick={() => copy('copy-email', 'email')}
          >
            Copy email HTML
          </button>
          <button
            type="button"
            className="btn"
            disabled={busy}
            onClick={() => copy('copy-markdown', 'markdown')}
          >
            Copy Markdown
          </button>
          <button type="button" className="btn" disabled={busy} onClick={downloadText}>
            Download plain text
          </button>
        </div>
        <p className="sp-hint">
          The bundle holds <code>email.html</code>, <code>edition.md</code> and{' '}
          <code>edition.txt</code> in a folder named <code>{slugify(title)}</code>.
        </p>
        <p className="sp-done" role="status" aria-live="polite">
          {done}
        </p>
        {failure && <ErrorNote message={`Export failed: ${failure}`} />}
        <SendTest api={api} editionId={editionId} />
        <h3 className="sp-group-title">Web archive</h3>
        {api.mode === 'desktop' ? (
          <div className="sp-actions">
            <button type="button" className="btn" disabled={busy} onClick={writeSite}>
              {running === 'site' ? 'Writing…' : 'Export web archive…'}
            </button>
          </div>
        ) : null}
        <p className="sp-hint">
          Every sent edition as a static website with an index, a page per edition, an Atom feed and
          a sitemap, for the public base URL in Publication settings
          {api.mode === 'desktop' ? (
            ''
          ) : (
            <>
              {' '}
              (from a terminal: <code>galley export --format site --out DIR</code>)
            </>
          )}
          .
        </p>
        <h3 className="sp-group-title">Export warnings</h3>
        {warnings.error && (
          <ErrorNote
            message={`The warnings could not be read: ${warnings.error}`}
            onRetry={warnings.reload}
          />
        )}
        {warnings.data === undefined ? (
          !warnings.error && <p className="sp-empty">Rendering the edition…</p>
        ) : warnings.data.length === 0 ? (
          <p className="sp-empty">The exporters have nothing to warn about.</p>
        ) : (
          <ul className="sp-findings">
            {warnings.data.map((warning, index) => (
              <li key={index} className="sp-finding sp-finding-warning">
                <SeverityIcon severity="warning" />
                <span className="sp-finding-text">
                  <span className="sp-finding-where">{FORMAT_NAME[warning.format]}</span>
                  {warning.text}
                </span>
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
