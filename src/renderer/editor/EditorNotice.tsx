/** A message in the editor's notice area, under the toolbar. */
export interface Notice {
  message: string;
  tone: 'error' | 'info';
}

/**
 * An upload that failed, a paste that was refused, an upload in progress: errors are
 * announced at once (role alert), progress politely (role status). Stays until dismissed
 * or replaced.
 */
export function EditorNotice({ notice, onDismiss }: { notice: Notice; onDismiss: () => void }) {
  return (
    <div
      className={`ge-notice ge-notice--${notice.tone}`}
      role={notice.tone === 'error' ? 'alert' : 'status'}
    >
      <span>{notice.message}</span>
      <button
        type="button"
        className="icon-btn ge-notice__close"
        aria-label="Dismiss message"
        onClick={onDismiss}
      >
        ×
      </button>
    </div>
  );
}
