import { expect } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import type { Db } from '../../src/db/client.ts';
import { listEditions } from '../../src/db/repositories/editions.ts';
import { todayInWib } from '../../src/server/services/demo-calendar.ts';

/** The demo's log-ins all share this password. */
export const demoPassword = 'paritrana-demo-2025';

const loginButton = { id: 'Masuk', en: 'Sign in' } as const;

/**
 * A field is marked when it says it is invalid and its error message is one
 * it is described by. The message may change while the field stays marked
 * (what an entry lacks, then the server's refusal), so both are awaited.
 */
export async function expectMarked(field: Locator, message: string): Promise<void> {
  await expect.poll(() => field.getAttribute('aria-invalid'), { timeout: 20_000 }).toBe('true');
  const described = async () => {
    const ids = ((await field.getAttribute('aria-describedby')) ?? '').split(' ').filter(Boolean);
    return Promise.all(ids.map((id) => field.page().locator(`[id="${id}"]`).innerText()));
  };
  await expect.poll(described, { timeout: 20_000 }).toContain(message);
}

/** The requests a page sends from now on that change something: their paths, or with `withMethod` "POST /api/…". */
export function sentBy(page: Page, { withMethod = false } = {}): string[] {
  const sent: string[] = [];
  page.on('request', (r) => {
    if (r.method() !== 'GET') sent.push(withMethod ? `${r.method()} ${new URL(r.url()).pathname}` : new URL(r.url()).pathname);
  });
  return sent;
}

type SignedIn = Awaited<ReturnType<BrowserContext['storageState']>>;

/** A new desktop page in a fresh context whose app speaks `lang` (signed in when given a stored session). */
export async function pageIn(browser: Browser, lang: 'id' | 'en', storageState?: SignedIn): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: lang === 'en' ? 'en-US' : 'id-ID', ...(storageState ? { storageState } : {}) });
  await context.addInitScript((l) => localStorage.setItem('paritrana.lang', l), lang);
  return context.newPage();
}

/**
 * Sessions by server and user. A user signs in once per server: the server
 * refuses an account's eleventh sign-in within a minute
 * (`LOGIN_ACCOUNT_RATE_PER_MINUTE`), which a file of quick tests reaches.
 */
const sessions = new Map<string, SignedIn>();

/**
 * A demo user signed in on a new page in `lang` (through the sign-in form
 * the first time, then with the session it gave); `sent` lists what the page
 * sends afterwards (see `sentBy`). The caller opens the page it tests.
 */
export async function signInDemo(browser: Browser, baseUrl: string, lang: 'id' | 'en', email: string, options: { withMethod?: boolean } = {}): Promise<{ page: Page; sent: string[] }> {
  const key = `${baseUrl} ${email}`;
  const stored = sessions.get(key);
  if (stored) {
    const page = await pageIn(browser, lang, stored);
    return { page, sent: sentBy(page, options) };
  }
  const page = await pageIn(browser, lang);
  await page.goto(`${baseUrl}/login`);
  await page.getByRole('textbox', { name: 'E-mail' }).fill(email);
  await page.locator('input[type=password]').fill(demoPassword);
  await page.getByRole('button', { name: loginButton[lang], exact: true }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  sessions.set(key, await page.context().storageState());
  return { page, sent: sentBy(page, options) };
}

/** The demo edition of this year (the one open for registration on any date the demo is seeded). */
export async function currentDemoEditionId(db: Db): Promise<string> {
  const label = `Paritrana Award ${todayInWib().slice(0, 4)}`;
  return (await listEditions(db)).find((e) => e.label === label)!.id;
}
