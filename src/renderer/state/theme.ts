/** The editor's theme choice: follow the system (default), or force light or dark. */
export type ThemeChoice = 'system' | 'light' | 'dark';

const KEY = 'galley.theme';

/** Reads the saved theme choice. */
export function loadTheme(): ThemeChoice {
  const saved = localStorage.getItem(KEY);
  return saved === 'light' || saved === 'dark' ? saved : 'system';
}

const systemDark = () => window.matchMedia('(prefers-color-scheme: dark)');
let following: (() => void) | null = null;

/** Applies and saves a theme choice; `system` follows the system's setting as it changes. */
export function applyTheme(choice: ThemeChoice): void {
  following?.();
  following = null;
  const root = document.documentElement;
  if (choice === 'system') {
    localStorage.removeItem(KEY);
    const query = systemDark();
    const follow = () => (root.dataset['theme'] = query.matches ? 'dark' : 'light');
    follow();
    query.addEventListener('change', follow);
    following = () => query.removeEventListener('change', follow);
  } else {
    root.dataset['theme'] = choice;
    localStorage.setItem(KEY, choice);
  }
}
