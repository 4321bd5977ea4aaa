import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium; CI installs it (`apt-get install chromium`). */
export const CHROMIUM_PATH = '/usr/bin/chromium';

// Headless, sandbox off (containers have no user namespaces), and nothing that phones home.
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Launches the system Chromium with the flags every browser test uses. A missing
 * browser is a failure with instructions, never a skipped test: CI must have it.
 */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH))
    throw new Error(
      `launchChromium: no Chromium at ${CHROMIUM_PATH}. Install it (Debian/Ubuntu: apt-get install chromium); browser tests do not skip.`,
    );
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: ARGS });
}
