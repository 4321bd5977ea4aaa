import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { parseInvite, type HostedSession, type PeerStatus } from '../../core/index.ts';
import type { ApiClient } from '../api/client.ts';
import { errorText } from '../api/errorText.ts';
import { useToasts } from './Toasts.tsx';

export type SessionTab = 'host' | 'join';

/**
 * Co-editing with colleagues: host a session (the local hub opens to the network with a
 * share token and an invite link) or join one (the local hub links to theirs as a peer).
 * Leaving keeps every edition here; only the link goes.
 */
export function SessionDialog(props: {
  api: ApiClient;
  initialTab: SessionTab;
  initialLink?: string;
  onClose: () => void;
}) {
  const { api } = props;
  const toasts = useToasts();
  const ref = useRef<HTMLDialogElement>(null);
  const [tab, setTab] = useState<SessionTab>(props.initialTab);
  const [hosted, setHosted] = useState<HostedSession | null>(null);
  const [access, setAccess] = useState<'write' | 'read'>('write');
  const [peers, setPeers] = useState<PeerStatus[]>([]);
  const [link, setLink] = useState(props.initialLink ?? '');
  const [problem, setProblem] = useState('');
  const [copied, setCopied] = useState(false);

  const refresh = useCallback(async () => {
    try {
      const [session, links] = await Promise.all([
        api.call('session.status', {}),
        api.call('peer.status', {}),
      ]);
      setHosted(session);
      setPeers(links);
    } catch (error) {
      setProblem(errorText(error));
    }
  }, [api]);

  useEffect(() => {
    ref.current?.showModal();
    void refresh();
    const timer = setInterval(() => void refresh(), 3000);
    return () => clearInterval(timer);
  }, [refresh]);

  const host = async () => {
    setProblem('');
    try {
      setHosted(await api.call('session.host', { access }));
    } catch (error) {
      setProblem(errorText(error));
    }
  };

  const stop = async () => {
    try {
      await api.call('session.stop', {});
      setHosted(null);
      toasts.show({ level: 'info', text: 'Stopped hosting. Guests keep their copies.' });
    } catch (error) {
      setProblem(errorText(error));
    }
  };

  const join = async (event: FormEvent) => {
    event.preventDefault();
    const invite = parseInvite(link.trim());
    if (!invite.ok) {
      setProblem(invite.error.message);
      return;
    }
    setProblem('');
    try {
      await api.call('peer.join', invite.value);
      setLink('');
      await refresh();
      toasts.show({ level: 'info', text: 'Joined. Shared editions appear in the library.' });
    } catch (error) {
      setProblem(errorText(error));
    }
  };

  const leave = async (url: string) => {
    try {
      await api.call('peer.leave', { url });
      await refresh();
      toasts.show({
        level: 'info',
        text: 'Left the session. Every edition stays on this computer.',
      });
    } catch (error) {
      setProblem(errorText(error));
    }
  };

  return (
    <dialog
      ref={ref}
      className="dialog session-dialog"
      aria-labelledby="session-title"
      onClose={props.onClose}
    >
      <h2 id="session-title">Co-edit with colleagues</h2>
      <div className="segmented" role="tablist" aria-label="Host or join">
        {(['host', 'join'] as const).map((name) => (
          <button
            key={name}
            role="tab"
            aria-selected={tab === name}
            className={tab === name ? 'on' : ''}
            onClick={() => setTab(name)}
          >
            {name === 'host' ? 'Host a session' : 'Join a session'}
          </button>
        ))}
      </div>
      {tab === 'host' ? (
        <div className="stack" role="tabpanel" aria-label="Host a session">
          {hosted ? (
            <>
              <p>
                Hosting {hosted.access === 'write' ? 'with editing' : 'read-only'} at{' '}
                <code>{hosted.url}</code> · {hosted.connections} connection
                {hosted.connections === 1 ? '' : 's'}.
              </p>
              <label className="field">
                Invite link (send it to colleagues on your network)
                <div className="row">
                  <input
                    className="input grow"
                    readOnly
                    value={hosted.inviteLink}
                    onFocus={(e) => e.target.select()}
                  />
                  <button
                    className="btn"
                    onClick={() =>
                      void navigator.clipboard.writeText(hosted.inviteLink).then(
                        () => setCopied(true),
                        (error: unknown) => setProblem(`Could not copy: ${String(error)}`),
                      )
                    }
                  >
                    {copied ? 'Copied' : 'Copy'}
                  </button>
                </div>
              </label>
              <button className="btn danger" onClick={() => void stop()}>
                Stop hosting
              </button>
            </>
          ) : (
            <>
              <p className="muted">
                Opens this computer’s hub to your local network. Anyone with the link can connect;
                stopping revokes it.
              </p>
              <fieldset className="choices">
                <legend className="field">Guests may</legend>
                <label>
                  <input
                    type="radio"
                    name="access"
                    checked={access === 'write'}
                    onChange={() => setAccess('write')}
                  />
                  Edit
                </label>
                <label>
                  <input
                    type="radio"
                    name="access"
                    checked={access === 'read'}
                    onChange={() => setAccess('read')}
                  />
                  Only read (reviewers)
                </label>
              </fieldset>
              <button className="btn primary" onClick={() => void host()}>
                Start hosting
              </button>
            </>
          )}
        </div>
      ) : (
        <div className="stack" role="tabpanel" aria-label="Join a session">
          <form className="stack" onSubmit={(e) => void join(e)}>
            <label className="field">
              Invite link
              <input
                className="input"
                value={link}
                autoFocus
                placeholder="galley://join?url=…&token=…"
                onChange={(e) => setLink(e.target.value)}
              />
            </label>
            <button className="btn primary" type="submit" disabled={!link.trim()}>
              Join
            </button>
          </form>
          {peers.length > 0 && (
            <ul className="peer-list" aria-label="Linked hubs">
              {peers.map((p) => (
                <li key={p.url} className="row">
                  <span className={`status-chip peer-${p.state}`}>{p.state}</span>
                  <code className="grow">{p.url}</code>
                  <button className="btn small" onClick={() => void leave(p.url)}>
                    Leave
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      {problem && (
        <p className="problem" role="alert">
          {problem}
        </p>
      )}
      <form method="dialog" className="row end">
        <button className="btn">Close</button>
      </form>
    </dialog>
  );
}
