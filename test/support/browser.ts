import { execFileSync } from 'node:child_process';
import { chromium as playwright, type Browser, type BrowserContext, type Page } from 'playwright-core';

/**
 * Headless Chromium for the console's browser tests: the one shipped inside @sparticuz/chromium (no download,
 * no system package), driven by playwright-core.
 */
export async function launchBrowser(): Promise<Browser> {
  // @sparticuz/chromium is ESM only, which jest's loader cannot require on Node 20: ask Node itself.
  const script =
    "import('@sparticuz/chromium').then(async ({ default: c }) => console.log(JSON.stringify({ path: await c.executablePath(), args: c.args })))";
  const { path, args } = JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' })) as {
    path: string;
    args: string[];
  };
  // Its args suit AWS Lambda: one process (closing a context would end the browser) and web security off
  // (the console must work under the real CSP and same-origin rules), so those go.
  const dropped = new Set([
    '--single-process',
    '--disable-web-security',
    '--allow-running-insecure-content',
    '--disable-site-isolation-trials',
  ]);
  return playwright.launch({ executablePath: path, args: args.filter((arg) => !dropped.has(arg)), headless: true });
}

export interface WatchedPage {
  page: Page;
  context: BrowserContext;
  /** Console errors and uncaught exceptions the page logged, with its URL at the time. */
  errors: string[];
}

/** A fresh context (its own storage) and page whose console errors are collected for the test to assert on. */
export async function watchedPage(browser: Browser, viewport = { width: 1280, height: 860 }): Promise<WatchedPage> {
  const context = await browser.newContext({ viewport, acceptDownloads: true });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`${page.url()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`${page.url()}: ${error.message}`));
  return { page, context, errors };
}
