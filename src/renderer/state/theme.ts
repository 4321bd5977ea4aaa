/** The editor's theme choice: follow the system (default), or force light or dark. */
export type ThemeChoice = 'system' | 'light' | 'dark';

const KEY = 'galley.theme';

/** Reads the saved theme choice. */
export function loadTheme(): ThemeChoice {
  const saved = localStorage.getItem(KEY);
  return saved === 'light' || saved === 'dark' ? saved : 'system';
}

/** Applies and saves a theme choice; `system` follows prefers-color-scheme through CSS. */
export function applyTheme(choice: ThemeChoice): void {
  if (choice === 'system') {
    delete document.documentElement.dataset['theme'];
    localStorage.removeItem(KEY);
  } else {
    document.documentElement.dataset['theme'] = choice;
    localStorage.setItem(KEY, choice);
  }
}
