import { chromium } from 'playwright-core';
import { findChromium, shareFoundBrowser } from './chromium.ts';

/**
 * Vitest global setup: finds the browser once per run, names it (path and version) in
 * the output, and hands it to every test file. Finding nothing is not fatal here: only
 * browser tests need one, and they fail with the reason.
 */
export default async function setup(): Promise<void> {
  let found;
  try {
    found = await findChromium();
  } catch (error) {
    console.log(`Browser for tests: none (${(error as Error).message})`);
    return;
  }
  let version;
  try {
    const browser = await chromium.launch({
      executablePath: found.executablePath,
      args: found.args,
    });
    version = browser.version();
    await browser.close();
  } catch (error) {
    console.log(
      `Browser for tests: ${found.executablePath} does not start (${(error as Error).message.split('\n')[0]})`,
    );
    return;
  }
  shareFoundBrowser(found);
  console.log(
    `Browser for tests: Chromium ${version} at ${found.executablePath} (${found.source})`,
  );
}
