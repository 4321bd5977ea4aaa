// The Electron shell: wiring only. Every decision (window options, CSP, URL guards, IPC
// sender checks, the menu, deep links, window bounds) is a plain module beside this
// one, tested without Electron; the backend is the one `galley serve` runs.
import {
  BrowserWindow,
  Menu,
  Notification,
  app,
  dialog,
  ipcMain,
  nativeTheme,
  protocol,
  screen,
  session,
  shell,
  safeStorage,
} from 'electron';
import { existsSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import type { ShellCommand } from '../core/index.ts';
import { mailAccessFromEnvironment, type MailAccess } from '../backend/send/mailAccess.ts';
import { VAULT_ORIGIN, VaultPasswordStore } from '../backend/send/VaultPasswordStore.ts';
import { startServer, type RunningServer } from '../backend/web/startServer.ts';
import { createActions } from './actions.ts';
import {
  APP_ENTRY_URL,
  APP_ORIGIN,
  APP_SCHEME,
  APP_SCHEME_PRIVILEGES,
  createAppFileHandler,
} from './appProtocol.ts';
import { buildCsp } from './csp.ts';
import { deepLinkCommand, findDeepLink, protocolClientArgs } from './deepLinks.ts';
import { appLocation } from './guards.ts';
import { CommandChannel, IPC_CHANNELS, registerIpc } from './ipc.ts';
import { electronVault } from './vault.ts';
import { buildMenu, recentEditions, toTemplate, type MenuCommandId } from './menu.ts';
import { electronSqliteBinding, missingBindingMessage } from './nativeBinding.ts';
import { guardSession, guardWebContents } from './webGuards.ts';
import { createSecureWindow, mainWindowOptions } from './windowOptions.ts';
import { clampToDisplays, readWindowState, writeWindowState } from './windowState.ts';

// electron-vite dev serves the renderer over HTTP; everything else loads the built files.
const devUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;
const entryUrl = devUrl ?? APP_ENTRY_URL;
const appAt = appLocation(entryUrl);
const commands = new CommandChannel();
const log = (message: string) => process.stderr.write(`galley: ${message}\n`);
let server: RunningServer | null = null;
let mainWindow: BrowserWindow | null = null;
let closed = false;
// Rebuilds the menu with the current recent editions; set once the backend runs.
let refreshMenu = (): void => {};

protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
app.enableSandbox();
app.setName('Galley');
// The folder the CLI uses too (src/backend/paths.ts), whatever the package is called.
app.setPath('userData', join(app.getPath('appData'), 'Galley'));

function showWindow(): void {
  // No window before the backend runs: the page would load before its scheme is served.
  if (mainWindow === null) return void (server !== null && createMainWindow());
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
}

function toWorkbench(command: ShellCommand): void {
  showWindow();
  commands.send(command);
}

if (!app.requestSingleInstanceLock()) {
  // The first instance gets our argv (and any galley:// link) through 'second-instance'.
  app.quit();
} else {
  app.on('second-instance', (_event, argv) => {
    const link = findDeepLink(argv);
    if (link) toWorkbench(deepLinkCommand(link));
    else showWindow();
  });
  app.on('open-url', (event, url) => {
    event.preventDefault();
    toWorkbench(deepLinkCommand(url));
  });
  const client = protocolClientArgs(app.isPackaged, process.argv);
  app.setAsDefaultProtocolClient(client.scheme, client.path, client.args);
  const link = findDeepLink(process.argv);
  if (link) commands.send(deepLinkCommand(link));
  app.whenReady().then(start, fail);
}

function fail(error: unknown): void {
  dialog.showErrorBox(
    'Galley cannot start',
    error instanceof Error ? error.message : String(error),
  );
  app.exit(1);
}

// Test sends: the SMTP password sealed by the system's vault, entered in the workbench.
function desktopMail(file: string): MailAccess {
  const store = new VaultPasswordStore(file, electronVault(safeStorage));
  return {
    ...mailAccessFromEnvironment(process.env),
    password: store.password,
    passwordOrigin: VAULT_ORIGIN,
    store,
  };
}

async function start(): Promise<void> {
  nativeTheme.themeSource = 'system';
  const dataDir = app.getPath('userData');
  const nativeBinding = electronSqliteBinding({
    isPackaged: app.isPackaged,
    resourcesPath: process.resourcesPath,
    appPath: app.getAppPath(),
  });
  if (!existsSync(nativeBinding))
    throw new Error(missingBindingMessage(nativeBinding, app.isPackaged));
  const running = await startServer({
    dbPath: process.env.GALLEY_DB || join(dataDir, 'galley.db'),
    host: '127.0.0.1',
    port: 0,
    allowedOrigins: [devUrl ? new URL(devUrl).origin : APP_ORIGIN],
    nativeBinding,
    mail: desktopMail(join(dataDir, 'smtp-password.bin')),
  });
  server = running;
  const csp = buildCsp({ hubHttpUrl: running.url, devServer: devUrl });
  const renderer = join(import.meta.dirname, '../renderer');
  protocol.handle(
    APP_SCHEME,
    createAppFileHandler(renderer, () => csp),
  );
  const web = session.defaultSession;
  if (devUrl) {
    web.webRequest.onHeadersReceived({ urls: [`${new URL(devUrl).origin}/*`] }, (details, done) =>
      done({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [csp] } }),
    );
  }
  guardSession(web, appAt);

  const actions = createActions({
    invoke: running.backend.invoke,
    editionTitle: async (id) => {
      try {
        return (await running.backend.editions.requireSummary(id)).title;
      } catch {
        return null;
      }
    },
    showOpenDialog: (options) =>
      mainWindow ? dialog.showOpenDialog(mainWindow, options) : dialog.showOpenDialog(options),
    showSaveDialog: (options) =>
      mainWindow ? dialog.showSaveDialog(mainWindow, options) : dialog.showSaveDialog(options),
    send: toWorkbench,
    notify,
    openFolder: (path) => void shell.openPath(path),
    editionsChanged: () => refreshMenu(),
    documentsDir: app.getPath('documents'),
    now: () => new Date(),
  });
  registerIpc(ipcMain, {
    app: appAt,
    invoke: (method, input) => running.backend.invoke(method, input),
    connection: () => ({ syncUrl: running.syncUrl, httpUrl: running.url, token: running.token }),
    editorName,
    choosePath: actions.choosePath,
    afterCall: actions.afterCall,
    log,
  });

  const send = (type: 'new-edition' | 'show-library' | 'find' | 'export') => () =>
    toWorkbench({ type });
  const handlers: Record<MenuCommandId, (item: { editionId?: string }) => void> = {
    'new-edition': send('new-edition'),
    'open-edition': ({ editionId }) =>
      editionId && toWorkbench({ type: 'open-edition', id: editionId }),
    'show-library': send('show-library'),
    'import-markdown': () => void actions.importMarkdown(),
    export: send('export'),
    // The Export panel holds "Send a test" (recipients, the server, the result).
    'send-test': send('export'),
    'save-version': () => toWorkbench({ type: 'create-version' }),
    'back-up': () => void actions.backUp(),
    'host-session': () => toWorkbench({ type: 'host-session' }),
    'join-session': () => toWorkbench({ type: 'join-session' }),
    find: send('find'),
    'toggle-preview': () => toWorkbench({ type: 'toggle-preview' }),
    'open-data-folder': () => void shell.openPath(dataDir),
  };
  refreshMenu = () => {
    running.backend.editions.list({}).then(
      (editions) => {
        const items = buildMenu({
          platform: process.platform,
          recent: recentEditions(editions),
          dev: !app.isPackaged,
        });
        Menu.setApplicationMenu(Menu.buildFromTemplate(toTemplate(items, handlers)));
      },
      (error: unknown) => log(`could not list the editions for the menu: ${String(error)}`),
    );
  };
  refreshMenu();
  createMainWindow();
}

function editorName(): string {
  try {
    return userInfo().username;
  } catch {
    return '';
  }
}

function notify(title: string, body: string, onClick?: () => void): void {
  if (!Notification.isSupported())
    return toWorkbench({ type: 'message', level: 'info', text: body });
  const notification = new Notification({ title, body });
  if (onClick) notification.on('click', onClick);
  notification.show();
}

function createMainWindow(): void {
  const stateFile = join(app.getPath('userData'), 'window-state.json');
  const primary = screen.getPrimaryDisplay();
  const displays = [primary, ...screen.getAllDisplays().filter((d) => d.id !== primary.id)];
  const state = clampToDisplays(
    readWindowState(stateFile),
    displays.map((d) => d.workArea),
  );
  const preload = join(import.meta.dirname, '../preload/index.cjs');
  const window = createSecureWindow(
    BrowserWindow,
    mainWindowOptions(state, nativeTheme.shouldUseDarkColors),
    preload,
  );
  mainWindow = window;
  if (state.maximized) window.maximize();
  window.once('ready-to-show', () => window.show());
  window.on('focus', () => refreshMenu());
  window.webContents.on('did-start-loading', () => commands.detach());
  window.webContents.on('did-finish-load', () =>
    commands.attach((command) => window.webContents.send(IPC_CHANNELS.command, command)),
  );
  window.on('close', () => {
    try {
      writeWindowState(stateFile, { ...window.getNormalBounds(), maximized: window.isMaximized() });
    } catch (error) {
      log(`could not remember the window's position: ${String(error)}`);
    }
  });
  window.on('closed', () => {
    commands.detach();
    mainWindow = null;
  });
  void window.loadURL(entryUrl);
}

// Every web page the app ever hosts gets the same guards, whoever created it.
app.on('web-contents-created', (_event, contents) =>
  guardWebContents(contents, (url) => void shell.openExternal(url), appAt),
);

app.on('activate', () => showWindow());
app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
// Quit only once the backend has stopped: the hub lets go of its rooms, the index is
// refreshed, and the database is closed cleanly.
app.on('will-quit', (event) => {
  if (closed || server === null) return;
  event.preventDefault();
  const running = server;
  server = null;
  running
    .close()
    .catch((error: unknown) => log(`error while closing: ${String(error)}`))
    .finally(() => {
      closed = true;
      app.quit();
    });
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => app.quit());
