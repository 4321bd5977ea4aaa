import { useEffect, useId, useRef, type ReactNode } from 'react';

/**
 * A titled sheet over the Versions list (a version's preview, a compare): its Close
 * button takes focus when it opens, and Escape closes it without closing anything
 * behind it.
 */
export function PanelSheet({
  title,
  className = '',
  onClose,
  children,
}: {
  title: ReactNode;
  className?: string;
  onClose: () => void;
  children: ReactNode;
}) {
  const ids = useId();
  const closeButton = useRef<HTMLButtonElement>(null);
  useEffect(() => closeButton.current?.focus(), []);
  return (
    <section
      className={`sp-version-preview ${className}`.trim()}
      aria-labelledby={`${ids}-title`}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onClose();
        }
      }}
    >
      <div className="sp-row sp-between">
        <h3 id={`${ids}-title`} className="sp-subtitle">
          {title}
        </h3>
        <button ref={closeButton} type="button" className="btn small" onClick={onClose}>
          Close
        </button>
      </div>
      {children}
    </section>
  );
}
