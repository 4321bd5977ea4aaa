import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { applyTheme, loadTheme } from './state/theme.ts';
import './styles/theme.css';
import './styles/app.css';

applyTheme(loadTheme());
const root = document.getElementById('root');
// No StrictMode: its double mount would open every sync room twice.
if (root) createRoot(root).render(<App />);
