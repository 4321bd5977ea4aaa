import { useEffect, useId, useState, type FormEvent } from 'react';
import type { PublicationProfile } from '../../core/index.ts';
import type { ApiClient } from '../api/client.ts';
import { errorText } from '../api/errorText.ts';
import { PublicationSettings } from '../components/PublicationSettings.tsx';
import { ErrorNote } from './ErrorNote.tsx';
import { parseRecipients } from './parseRecipients.ts';

// The last recipients, so next week's test goes to the same people without typing.
const RECIPIENTS_KEY = 'galley.testRecipients';

function savedRecipients(): string {
  try {
    return localStorage.getItem(RECIPIENTS_KEY) ?? '';
  } catch {
    return '';
  }
}

/**
 * "Send a test" in the Export panel: the edition as a reader gets it, to the editor and a
 * colleague, through the publication's SMTP server. Failures keep the backend's words
 * (wrong password, refused connection, no STARTTLS, refused recipient, too large).
 */
export function SendTest(props: { api: ApiClient; editionId: string }) {
  const { api, editionId } = props;
  const [settingsOpen, setSettingsOpen] = useState(false);
  const titleId = useId();
  const [profile, setProfile] = useState<PublicationProfile | null>(null);
  const [recipients, setRecipients] = useState(savedRecipients);
  const [sending, setSending] = useState(false);
  const [done, setDone] = useState('');
  const [failure, setFailure] = useState('');

  // Read again whenever the settings dialog closes: the server may just have been set up.
  useEffect(() => {
    if (!settingsOpen) api.call('profile.get', {}).then(setProfile, () => setProfile(null));
  }, [api, settingsOpen]);

  const smtp = profile?.smtp;
  const configured = Boolean(smtp && smtp.host !== '');

  const send = async (event: FormEvent) => {
    event.preventDefault();
    const { addresses, invalid } = parseRecipients(recipients);
    setDone('');
    setFailure('');
    if (invalid.length > 0 || addresses.length === 0) {
      setFailure(
        invalid.length > 0
          ? `Not an email address: ${invalid.join(', ')}.`
          : 'Add at least one address to send the test to.',
      );
      return;
    }
    setSending(true);
    try {
      const result = await api.call('send.test', { id: editionId, to: addresses });
      try {
        localStorage.setItem(RECIPIENTS_KEY, addresses.join(', '));
      } catch {
        // Private windows may refuse storage; the send itself went through.
      }
      setDone(
        `Sent a test to ${result.accepted.join(', ')}.` +
          (result.rejected.length > 0 ? ` The server refused ${result.rejected.join(', ')}.` : ''),
      );
    } catch (error) {
      setFailure(errorText(error));
    } finally {
      setSending(false);
    }
  };

  return (
    <section className="sp-send" aria-labelledby={titleId}>
      <h3 id={titleId} className="sp-group-title">
        Send a test
      </h3>
      {profile && !configured ? (
        <p className="sp-hint">
          Test sends need a mail server.{' '}
          <button type="button" className="btn small" onClick={() => setSettingsOpen(true)}>
            Set up sending…
          </button>
        </p>
      ) : (
        smtp && (
          <p className="sp-hint">
            From {smtp.fromName ? `${smtp.fromName} ` : ''}
            {smtp.fromAddress || smtp.user} via {smtp.host}:{smtp.port}.{' '}
            <button type="button" className="btn small" onClick={() => setSettingsOpen(true)}>
              Change…
            </button>
          </p>
        )
      )}
      <form className="sp-send-form" onSubmit={(e) => void send(e)}>
        <label className="field">
          To
          <input
            value={recipients}
            placeholder="you@example.org, colleague@example.org"
            onChange={(e) => setRecipients(e.target.value)}
            disabled={!configured}
          />
        </label>
        <button className="btn" type="submit" disabled={!configured || sending}>
          {sending ? 'Sending…' : 'Send test'}
        </button>
      </form>
      <p className="sp-done" role="status" aria-live="polite">
        {done}
      </p>
      {failure && <ErrorNote message={`The test was not sent: ${failure}`} />}
      {settingsOpen && <PublicationSettings api={api} onClose={() => setSettingsOpen(false)} />}
    </section>
  );
}
