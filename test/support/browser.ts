import { existsSync, mkdirSync, mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer, type AddressInfo } from 'node:net';
import { chromium, type Browser, type Page } from 'playwright-core';
import { buildApp, webRoot } from '../../src/server/app.ts';
import { loadConfig } from '../../src/server/config.ts';
import { version } from '../../src/server/bootstrap.ts';
import { seedDemo } from '../../src/server/services/demo.ts';
import { testDatabase, type Driver } from './database.ts';
import type { Database } from '../../src/db/client.ts';
import { listEditions, listMilestones, replaceMilestones } from '../../src/db/repositories/editions.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
export const browserPath = process.env.PARITRANA_BROWSER ?? '/usr/bin/chromium';
export const screenshotDir = join(root, 'test-artifacts', 'screenshots');

/**
 * Whether the browser tests can run. Under CI a missing browser is a failure
 * (the tests run and fail); elsewhere they are skipped with a warning.
 */
export function browserAvailable(): boolean {
  if (existsSync(browserPath) || process.env.CI === 'true') return true;
  console.warn(`browser tests skipped: no browser at ${browserPath} (set PARITRANA_BROWSER, or apt-get install chromium)`);
  return false;
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Builds the web app when `dist/web` is missing or older than its sources. */
export function ensureWebBuild(): void {
  const index = join(webRoot, 'index.html');
  const sources = Math.max(newestMtime(join(root, 'src/web')), newestMtime(join(root, 'src/shared')));
  if (existsSync(index) && statSync(index).mtimeMs >= sources) return;
  execFileSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
}

export type E2eServer = { url: string; database: Database; close: () => Promise<void> };

/** The real app on a free port, on a fresh database with the demo edition. */
/** A TCP port free at this moment on 127.0.0.1. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

export async function startE2eServer(
  driver: Driver = 'pglite',
  options: { today?: string; registrationEndsOn?: string; env?: Record<string, string>; prepare?: (db: Database['db']) => Promise<void> } = {},
): Promise<E2eServer> {
  ensureWebBuild();
  const database = await testDatabase(driver);
  await seedDemo(database.db, { today: options.today });
  if (options.registrationEndsOn) {
    // The demo's registration closed in 2025; reopen it for a test that fills a self-assessment.
    const [edition] = await listEditions(database.db);
    const milestones = (await listMilestones(database.db, edition!.id)).map(({ kind, startsOn, endsOn, place }) => ({
      kind,
      startsOn,
      place,
      endsOn: kind === 'registration' ? options.registrationEndsOn! : endsOn,
    }));
    await replaceMilestones(database.db, edition!.id, milestones);
  }
  // Data a test needs before the browser opens (factories), on the same database.
  if (options.prepare) await options.prepare(database.db);
  const dataDir = mkdtempSync(join(tmpdir(), 'paritrana-e2e-'));
  // The links the app writes (e-mails, QR codes) come from its configuration: give it the port it will listen on.
  const port = await freePort();
  const app = await buildApp({ config: loadConfig({ LOG_LEVEL: 'silent', PARITRANA_DATA_DIR: dataDir, PORT: String(port), ...options.env }), database, version }, { logger: false });
  await app.listen({ port, host: '127.0.0.1' });
  return {
    url: `http://127.0.0.1:${port}`,
    database,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: browserPath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-dev-shm-usage'],
  });
}

/** Saves a full-page screenshot as a test artefact. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(screenshotDir, { recursive: true });
  // From the top, so fixed headers sit where a person sees them.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: true });
}

export const phoneViewport = { width: 390, height: 844 };

/** Screenshots of the page as it is and at phone size (390×844), then back. */
export async function screenshotBoth(page: Page, name: string): Promise<void> {
  const desktop = page.viewportSize();
  await screenshot(page, name);
  // No transitions: the layout is shown as it settles at the new width.
  // (With the page's CSP nonce, as the app's own style elements: the policy allows no other inline style.)
  await page.evaluate(() => {
    const style = document.createElement('style');
    style.nonce = document.querySelector<HTMLMetaElement>('meta[name="csp-nonce"]')?.content ?? '';
    style.textContent = '*, *::before, *::after { transition: none !important; animation: none !important; }';
    document.head.append(style);
  });
  await page.setViewportSize(phoneViewport);
  await screenshot(page, `${name}-phone`);
  if (desktop) await page.setViewportSize(desktop);
}

/** The WCAG 2.0 and 2.1 rules at levels A and AA: the level the award's pages must meet. */
const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

type AxeNode = { target: unknown[]; failureSummary?: string };
type AxeViolation = { id: string; impact?: string | null; help: string; nodes: AxeNode[] };

/**
 * Runs axe-core in the page against WCAG 2.1 A and AA and fails on every
 * serious or critical violation, naming the rule, the elements (CSS
 * selectors) and what is wrong with each. Nothing is excluded.
 */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  const { default: axe } = await import('axe-core');
  // Once per document: axe's source defines `window.axe`.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axe.source);
  const violations = await page.evaluate(async (tags) => {
    const w = window as unknown as { axe: { run: (ctx: Document, options: unknown) => Promise<{ violations: AxeViolation[] }> } };
    const result = await w.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact ?? null, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })) }));
  }, wcagTags);
  const severe = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  if (severe.length === 0) return;
  const lines = severe.flatMap((v) => [
    `${v.id} (${v.impact}): ${v.help} — ${v.nodes.length} element(s)`,
    ...v.nodes.slice(0, 8).map((n) => `    ${n.target.map(String).join(' > ')}: ${(n.failureSummary ?? '').replace(/\s+/g, ' ').slice(0, 240)}`),
  ]);
  throw new Error(`${label}: ${severe.length} serious or critical accessibility violation(s)\n${lines.join('\n')}`);
}

/**
 * Fails when the page is wider than a phone (390×844): the document scrolls
 * sideways. Lists the elements reaching furthest past the right edge that no
 * frame of their own scrolls or clips. Leaves the viewport at phone size.
 */
/**
 * Waits until the page has laid itself out at a new viewport size: two frames
 * for the media queries to report the change, then a task for React to
 * re-render what reads them (a phone user loads at phone width; only a resize
 * has this gap).
 */
export async function afterResize(page: Page): Promise<void> {
  await page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(() => requestAnimationFrame(resolve), 50)))),
  );
}

export async function expectNoHorizontalOverflow(page: Page, label = page.url()): Promise<void> {
  const size = page.viewportSize();
  if (size?.width !== phoneViewport.width || size.height !== phoneViewport.height) {
    await page.setViewportSize(phoneViewport);
    await afterResize(page);
  }
  const report = await page.evaluate(() => {
    const root = document.scrollingElement ?? document.documentElement;
    const width = root.clientWidth;
    if (root.scrollWidth <= width) return null;
    const clipped = (el: Element): boolean => {
      for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
        const x = getComputedStyle(a).overflowX;
        if (x === 'auto' || x === 'scroll' || x === 'hidden' || x === 'clip') return true;
      }
      return false;
    };
    const describe = (el: Element): string => {
      const cls = typeof el.className === 'string' ? el.className.split(/\s+/).filter(Boolean).slice(0, 3).map((c) => `.${c}`).join('') : '';
      const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 60);
      return `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${cls} "${text}"`;
    };
    const offenders = [...document.body.querySelectorAll('*')]
      .map((el) => ({ el, right: el.getBoundingClientRect().right + root.scrollLeft }))
      .filter(({ el, right }) => right > width + 1 && !clipped(el))
      // The innermost offenders name the cause; their ancestors only inherit it.
      .filter(({ el }, _, all) => !all.some((o) => o.el !== el && el.contains(o.el)))
      .sort((a, b) => b.right - a.right)
      .slice(0, 6)
      .map(({ el, right }) => `${Math.round(right)} px: ${describe(el)}`);
    return { scrollWidth: root.scrollWidth, width, offenders };
  });
  if (report) throw new Error(`${label}: the page is ${report.scrollWidth} px wide at ${report.width} px\n${report.offenders.map((o) => `    ${o}`).join('\n')}`);
}
