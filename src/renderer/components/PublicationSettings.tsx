import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import {
  SMTP_SECURITIES,
  defaultSmtpPort,
  type MailStatus,
  type PublicationProfile,
  type SmtpSecurity,
} from '../../core/index.ts';
import type { ApiClient } from '../api/client.ts';
import { errorText } from '../api/errorText.ts';
import { useToasts } from './Toasts.tsx';

const SECURITY_LABEL: Record<SmtpSecurity, string> = {
  starttls: 'STARTTLS required (usually port 587)',
  tls: 'TLS from the start (usually port 465)',
  none: 'None: a relay on this computer only',
};

/**
 * The publication's settings, the frame of every email: masthead and footer, where images
 * and votes live, how test sends reach a mail server, and the campaign tags on links.
 * The SMTP password is not here on purpose: it never enters the database.
 */
export function PublicationSettings(props: { api: ApiClient; onClose: () => void }) {
  const { api } = props;
  const toasts = useToasts();
  const ref = useRef<HTMLDialogElement>(null);
  const [profile, setProfile] = useState<PublicationProfile | null>(null);
  const [mail, setMail] = useState<MailStatus | null>(null);
  // Typed here, sent once on save, then forgotten; never shown again or stored in the page.
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState('');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    ref.current?.showModal();
    api.call('profile.get', {}).then(setProfile, (error: unknown) => setProblem(errorText(error)));
    api.call('mail.status', {}).then(setMail, () => setMail(null));
  }, [api]);

  const set = <K extends keyof PublicationProfile>(key: K, value: PublicationProfile[K]) =>
    setProfile((current) => (current ? { ...current, [key]: value } : current));
  const setSmtp = <K extends keyof PublicationProfile['smtp']>(
    key: K,
    value: PublicationProfile['smtp'][K],
  ) =>
    setProfile((current) =>
      current ? { ...current, smtp: { ...current.smtp, [key]: value } } : current,
    );
  const setUtm = <K extends keyof PublicationProfile['utm']>(
    key: K,
    value: PublicationProfile['utm'][K],
  ) =>
    setProfile((current) =>
      current ? { ...current, utm: { ...current.utm, [key]: value } } : current,
    );

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!profile) return;
    setBusy(true);
    setProblem('');
    try {
      // The backend repairs what it is given: show what it kept, not what was typed.
      setProfile(await api.call('profile.set', { profile: { ...profile } }));
      if (password !== '') {
        await api.call('mail.setPassword', { password });
        setPassword('');
      }
      toasts.show({ level: 'info', text: 'Publication settings saved.' });
      props.onClose();
    } catch (error) {
      setProblem(errorText(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <dialog
      ref={ref}
      className="dialog settings-dialog"
      aria-labelledby="settings-title"
      onClose={props.onClose}
    >
      <form onSubmit={(e) => void submit(e)} className="stack">
        <h2 id="settings-title">Publication settings</h2>
        {profile === null ? (
          !problem && <p className="muted">Reading the settings…</p>
        ) : (
          <>
            <Group title="Publication">
              <Text label="Name" value={profile.name} onChange={(v) => set('name', v)} />
              <Text
                label="Public base URL (where images and the web archive are published)"
                value={profile.publicBaseUrl}
                placeholder="https://news.example.org"
                onChange={(v) => set('publicBaseUrl', v)}
              />
              <Text
                label="Unsubscribe link (a URL or your sending service's merge tag)"
                value={profile.unsubscribeUrl}
                onChange={(v) => set('unsubscribeUrl', v)}
              />
              <Text
                label="Postal address (in every footer)"
                value={profile.postalAddress}
                onChange={(v) => set('postalAddress', v)}
              />
            </Group>
            <Group title="Test sends">
              <Text
                label="SMTP server"
                value={profile.smtp.host}
                placeholder="smtp.example.org"
                onChange={(v) => setSmtp('host', v)}
              />
              <label className="field">
                Security
                <select
                  value={profile.smtp.security}
                  onChange={(e) => {
                    const security =
                      SMTP_SECURITIES.find((option) => option === e.target.value) ?? 'starttls';
                    setSmtp('security', security);
                    setSmtp('port', defaultSmtpPort(security));
                  }}
                >
                  {SMTP_SECURITIES.map((security) => (
                    <option key={security} value={security}>
                      {SECURITY_LABEL[security]}
                    </option>
                  ))}
                </select>
              </label>
              <label className="field">
                Port
                <input
                  type="number"
                  min={1}
                  max={65535}
                  value={profile.smtp.port}
                  onChange={(e) => setSmtp('port', Number(e.target.value))}
                />
              </label>
              <Text label="User" value={profile.smtp.user} onChange={(v) => setSmtp('user', v)} />
              <Text
                label="From name"
                value={profile.smtp.fromName}
                onChange={(v) => setSmtp('fromName', v)}
              />
              <Text
                label="From address"
                value={profile.smtp.fromAddress}
                placeholder="editors@example.org"
                onChange={(v) => setSmtp('fromAddress', v)}
              />
              {mail?.canStorePassword ? (
                <label className="field">
                  Password{' '}
                  {mail.passwordStored
                    ? '(stored, encrypted by your system; type a new one to replace it)'
                    : '(kept encrypted by your system, never in the database)'}
                  <input
                    type="password"
                    autoComplete="new-password"
                    value={password}
                    onChange={(e) => setPassword(e.target.value)}
                  />
                </label>
              ) : (
                <p className="muted settings-note">
                  The password never enters Galley&apos;s database: it comes from{' '}
                  <code>GALLEY_SMTP_PASSWORD</code> or <code>GALLEY_SMTP_PASSWORD_FILE</code> in the
                  environment Galley runs in.
                </p>
              )}
            </Group>
            <Group title="Tracked links">
              <Text
                label="utm_source (empty: links are not tagged)"
                value={profile.utm.source}
                placeholder="the-build-log"
                onChange={(v) => setUtm('source', v)}
              />
              <Text
                label="utm_medium"
                value={profile.utm.medium}
                onChange={(v) => setUtm('medium', v)}
              />
              <Text
                label="utm_campaign ({number}, {date} and {slug} are filled in)"
                value={profile.utm.campaign}
                onChange={(v) => setUtm('campaign', v)}
              />
            </Group>
          </>
        )}
        {problem && (
          <p className="settings-problem" role="alert">
            {problem}
          </p>
        )}
        <div className="row end">
          <button className="btn" type="button" onClick={props.onClose}>
            Cancel
          </button>
          <button className="btn primary" type="submit" disabled={busy || profile === null}>
            Save settings
          </button>
        </div>
      </form>
    </dialog>
  );
}

function Group(props: { title: string; children: ReactNode }) {
  return (
    <fieldset className="settings-group">
      <legend>{props.title}</legend>
      {props.children}
    </fieldset>
  );
}

function Text(props: {
  label: string;
  value: string;
  placeholder?: string;
  onChange: (value: string) => void;
}) {
  return (
    <label className="field">
      {props.label}
      <input
        value={props.value}
        placeholder={props.placeholder}
        onChange={(e) => props.onChange(e.target.value)}
      />
    </label>
  );
}
