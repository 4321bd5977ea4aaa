import type { Session, WebContents } from 'electron';
import {
  decideNavigation,
  decidePermission,
  externalLinkTarget,
  type AppLocation,
} from './guards.ts';

/**
 * Applies the URL guards (guards.ts) to a web page: `window.open` is always refused (an
 * https or mailto link goes to the system browser instead), navigation away from the
 * app is refused, redirects likewise, and no <webview> may attach. Main calls it for
 * every WebContents the app creates, whichever code created it.
 */
export function guardWebContents(
  contents: Pick<WebContents, 'setWindowOpenHandler' | 'on'>,
  openExternal: (url: string) => void,
  app: AppLocation,
): void {
  contents.setWindowOpenHandler(({ url }) => {
    const external = externalLinkTarget(url);
    if (external) openExternal(external);
    return { action: 'deny' };
  });
  contents.on('will-frame-navigate', (event) => {
    const decision = decideNavigation(event.url, event.isMainFrame, app);
    if (decision.allow) return;
    event.preventDefault();
    if (decision.openExternal) openExternal(decision.openExternal);
  });
  contents.on('will-redirect', (event) => {
    if (!decideNavigation(event.url, event.isMainFrame, app).allow) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/**
 * Denies every permission request and check, except the few the app's own page needs
 * (guards.ts, ALLOWED_PERMISSIONS); a device or display-capture prompt never appears.
 */
export function guardSession(
  session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>,
  app: AppLocation,
): void {
  session.setPermissionRequestHandler((_contents, permission, grant, details) =>
    grant(decidePermission(permission, details.requestingUrl, app)),
  );
  session.setPermissionCheckHandler((_contents, permission, origin) =>
    decidePermission(permission, origin, app),
  );
}
