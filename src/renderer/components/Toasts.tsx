import { errorText } from '../api/errorText.ts';
import {
  createContext,
  useCallback,
  useContext,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';

export interface Toast {
  id: number;
  level: 'info' | 'error';
  text: string;
  /** An action such as Undo. */
  action?: { label: string; run: () => void };
}

interface ToastApi {
  show(toast: Omit<Toast, 'id'>): void;
  /** Shows an error from the backend (or anything thrown) in words. */
  error(context: string, error: unknown): void;
}

const ToastContext = createContext<ToastApi | null>(null);

/** Messages at the bottom of the window: errors stay until dismissed, info fades. */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const next = useRef(1);
  const dismiss = useCallback(
    (id: number) => setToasts((all) => all.filter((t) => t.id !== id)),
    [],
  );
  const show = useCallback(
    (toast: Omit<Toast, 'id'>) => {
      const id = next.current++;
      setToasts((all) => [...all.slice(-3), { ...toast, id }]);
      if (toast.level === 'info') setTimeout(() => dismiss(id), toast.action ? 8000 : 4000);
    },
    [dismiss],
  );
  const api = useMemo<ToastApi>(
    () => ({
      show,
      error: (context, error) =>
        show({
          level: 'error',
          text: `${context}: ${errorText(error)}`,
        }),
    }),
    [show],
  );
  return (
    <ToastContext.Provider value={api}>
      {children}
      <div className="toasts" role="status" aria-live="polite">
        {toasts.map((toast) => (
          <div
            key={toast.id}
            className={`toast toast-${toast.level}`}
            role={toast.level === 'error' ? 'alert' : undefined}
          >
            <span>{toast.text}</span>
            {toast.action && (
              <button
                className="btn small"
                onClick={() => {
                  toast.action?.run();
                  dismiss(toast.id);
                }}
              >
                {toast.action.label}
              </button>
            )}
            <button className="icon-btn" aria-label="Dismiss" onClick={() => dismiss(toast.id)}>
              ×
            </button>
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  );
}

/** The toast API of the workbench. */
export function useToasts(): ToastApi {
  const api = useContext(ToastContext);
  if (!api) throw new Error('useToasts: no ToastProvider above');
  return api;
}
