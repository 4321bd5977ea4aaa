// The Electron shell: lifecycle and windows only. Everything else lives in the backend.
import { app, BrowserWindow } from 'electron';
import { join } from 'node:path';

function createWindow(): void {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    title: 'Galley',
    webPreferences: {
      preload: join(import.meta.dirname, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    },
  });
  void window.loadFile(join(import.meta.dirname, '../renderer/index.html'));
}

app.whenReady().then(createWindow, (error: unknown) => {
  console.error('Galley could not start:', error);
  app.exit(1);
});
app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
