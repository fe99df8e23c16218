import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
  afterResize,
  browserAvailable,
  expectAccessible,
  expectNoHorizontalOverflow,
  launchBrowser,
  phoneViewport,
  screenshot,
  startE2eServer,
  type E2eServer,
} from '../support/browser.ts';
import { demoCalendar, todayInWib } from '../../src/server/services/demo-calendar.ts';
import { seedShowcase, showcaseLabelOf } from '../../src/server/services/demo-showcase.ts';

/**
 * Every page of the router, as each demo role opens it (and the public pages
 * signed out), at desktop width and at 390 px: axe-core finds no serious or
 * critical WCAG 2.1 A/AA violation and the page does not scroll sideways on
 * a phone. One pass in Indonesian, one in English.
 */
const password = 'paritrana-demo-2025';
const desktop = { width: 1280, height: 860 };
/** Each role's walk visits many pages, each twice (desktop and phone). */
const walkTimeout = 600_000;

type Lang = 'id' | 'en';
/** A page state: a path, and whether each tab of its first tab list is visited too. */
type State = { name: string; path: string; tabs?: boolean };

type Ids = {
  current: string;
  showcase: string;
  category: string;
  showcasePool: string;
  markingPool: string;
  showcaseCandidate: string;
  currentCandidate: string;
  pressRelease: string;
  certificate: string;
};

describe.skipIf(!browserAvailable())('accessibility and phones on every page', () => {
  let server: E2eServer;
  let browser: Browser;
  let ids: Ids;
  /** Every failure of every page, so one run names them all. */
  const failures: string[] = [];

  async function open(lang: Lang, email?: string): Promise<Page> {
    const context = await browser.newContext({ viewport: desktop, locale: lang === 'en' ? 'en-US' : 'id-ID' });
    await context.addInitScript((l) => localStorage.setItem('paritrana.lang', l), lang);
    const p = await context.newPage();
    // No transitions: the layout is checked as it settles.
    await context.addInitScript(() => {
      document.addEventListener('DOMContentLoaded', () => {
        const style = document.createElement('style');
        style.nonce = document.querySelector<HTMLMetaElement>('meta[name="csp-nonce"]')?.content ?? '';
        style.textContent = '*, *::before, *::after { transition: none !important; animation: none !important; }';
        document.head.append(style);
      });
    });
    if (email) {
      await p.goto(`${server.url}/login`);
      await p.getByRole('textbox', { name: 'E-mail' }).fill(email);
      await p.locator('input[type=password]').fill(password);
      await p.getByRole('button', { name: lang === 'id' ? 'Masuk' : 'Sign in' }).click();
      await p.waitForURL((u) => !u.pathname.startsWith('/login'));
    }
    return p;
  }

  async function api<T>(p: Page, path: string): Promise<T> {
    return p.evaluate(async (url) => {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`${url}: ${response.status}`);
      return (await response.json()) as unknown;
    }, path) as Promise<T>;
  }

  /** Waits until the page's data has arrived: no request for half a second and no loader shown. */
  async function settle(p: Page): Promise<void> {
    await p.waitForLoadState('networkidle');
    await p.waitForFunction(() => document.querySelectorAll('.mantine-Loader-root').length === 0, undefined, { timeout: 10_000 }).catch(() => undefined);
  }

  async function check(p: Page, label: string): Promise<void> {
    const record = async (what: () => Promise<void>) => {
      try {
        await what();
      } catch (error) {
        failures.push((error as Error).message);
      }
    };
    await p.setViewportSize(desktop);
    await settle(p);
    await record(() => expectAccessible(p, `${label} (desktop)`));
    await screenshot(p, `a11y-${label}`);
    await p.setViewportSize(phoneViewport);
    await afterResize(p);
    await settle(p);
    await record(() => expectNoHorizontalOverflow(p, `${label} (390 px)`));
    await record(() => expectAccessible(p, `${label} (390 px)`));
    await screenshot(p, `a11y-${label}-phone`);
    await p.setViewportSize(desktop);
  }

  async function walk(p: Page, prefix: string, states: State[]): Promise<void> {
    for (const state of states) {
      await p.goto(`${server.url}${state.path}`);
      await settle(p);
      const label = `${prefix}-${state.name}`;
      await check(p, label);
      if (!state.tabs) continue;
      const tabs = p.getByRole('tablist').first().getByRole('tab');
      const count = await tabs.count();
      for (let i = 1; i < count; i += 1) {
        await tabs.nth(i).click();
        await check(p, `${label}-tab${i}`);
      }
    }
  }

  function report(): void {
    const found = failures.splice(0);
    expect(found, found.join('\n\n')).toEqual([]);
  }

  beforeAll(async () => {
    const today = todayInWib();
    // The demo as `npm start` lays it out: the current edition and the published showcase.
    server = await startE2eServer('pglite', { today, prepare: async (db) => void (await seedShowcase(db, { today })) });
    browser = await launchBrowser();
    const p = await open('id', 'admin@paritrana.demo');
    const editions = await api<{ id: string; label: string }[]>(p, '/api/editions');
    const showcase = editions.find((e) => e.label === showcaseLabelOf(demoCalendar(today)))!;
    const current = editions.find((e) => e.label === `Paritrana Award ${today.slice(0, 4)}`) ?? editions.find((e) => e.id !== showcase.id)!;
    const pools = await api<{ id: string; status: string }[]>(p, `/api/editions/${showcase.id}/pools`);
    const finalised = pools.find((x) => x.status === 'finalised')!;
    const marking = pools.find((x) => x.status === 'marking')!;
    const publication = await api<{ result: { id: string } | null; winners: { candidateId: string; award: number }[] }>(p, `/api/pools/${finalised.id}/publication`);
    // The demo drafts no press release: the committee's use case drafts one about the winner.
    const { csrfToken } = await api<{ csrfToken: string }>(p, '/api/auth/me');
    const release = await p.evaluate(
      async ({ url, token, candidateId }) => {
        const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': token }, body: JSON.stringify({ candidateId }) });
        if (!response.ok) throw new Error(`${url}: ${response.status}`);
        return (await response.json()) as { id: string };
      },
      { url: `/api/results/${publication.result!.id}/press-releases`, token: csrfToken, candidateId: publication.winners.find((w) => w.award === 1)!.candidateId },
    );
    const result = await api<{ winners: { certificateCode: string | null }[] }>(p, `/api/public/pools/${finalised.id}/result`);
    const showcaseCandidates = await api<{ id: string; name: string }[]>(p, `/api/editions/${showcase.id}/candidates`);
    const currentCandidates = await api<{ id: string; name: string }[]>(p, `/api/editions/${current.id}/candidates`);
    const detail = await api<{ categories: { id: string }[] }>(p, `/api/editions/${current.id}`);
    ids = {
      current: current.id,
      showcase: showcase.id,
      category: detail.categories[0]!.id,
      showcasePool: finalised.id,
      markingPool: marking.id,
      showcaseCandidate: showcaseCandidates.find((c) => c.name === 'Kabupaten Lombok Timur')!.id,
      currentCandidate: currentCandidates.find((c) => c.name === 'Kabupaten Lombok Timur')!.id,
      pressRelease: release.id,
      certificate: result.winners.find((w) => w.certificateCode)!.certificateCode!,
    };
    await p.context().close();
  }, walkTimeout);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const publicStates = (): State[] => [
    { name: 'login', path: '/login' },
    { name: 'forgot', path: '/lupa-sandi' },
    { name: 'reset', path: '/atur-ulang-sandi/not-a-token' },
    { name: 'register', path: '/daftar' },
    { name: 'register-confirm', path: '/daftar/konfirmasi/not-a-token' },
    { name: 'invitation', path: '/undangan/not-a-token' },
    { name: 'staff-invitation', path: '/undangan-staf/not-a-token' },
    { name: 'sso-refused', path: '/sso-gagal?alasan=failed' },
    { name: 'portal', path: '/publik' },
    { name: 'portal-edition', path: `/publik/${ids.showcase}` },
    { name: 'portal-result', path: `/publik/hasil/${ids.showcasePool}` },
    { name: 'verify-form', path: '/verifikasi' },
    { name: 'verify', path: `/verifikasi/${ids.certificate}` },
  ];

  const adminStates = (): State[] => [
    { name: 'editions', path: '/' },
    { name: 'edition', path: `/editions/${ids.current}`, tabs: true },
    { name: 'coverage', path: `/editions/${ids.current}/coverage` },
    { name: 'shortlist', path: `/editions/${ids.current}/shortlist` },
    { name: 'disputes', path: `/editions/${ids.current}/disputes` },
    { name: 'candidates', path: `/editions/${ids.current}/candidates` },
    { name: 'nominate', path: `/editions/${ids.current}/candidates/new` },
    { name: 'import', path: `/editions/${ids.current}/candidates/import` },
    { name: 'progress', path: `/editions/${ids.current}/progress` },
    { name: 'recap', path: `/editions/${ids.showcase}/recap` },
    { name: 'verification', path: `/editions/${ids.current}/verification` },
    { name: 'instrument', path: `/editions/${ids.current}/categories/${ids.category}/instrument` },
    { name: 'panels', path: `/editions/${ids.showcase}/panels` },
    { name: 'zones', path: `/editions/${ids.current}/zones` },
    { name: 'candidate', path: `/candidates/${ids.showcaseCandidate}`, tabs: true },
    { name: 'figures', path: `/candidates/${ids.showcaseCandidate}/figures` },
    { name: 'pool', path: `/pools/${ids.showcasePool}`, tabs: true },
    { name: 'pool-publication', path: `/pools/${ids.showcasePool}/publication` },
    { name: 'edition-publication', path: `/editions/${ids.showcase}/publication` },
    { name: 'press-release', path: `/press-releases/${ids.pressRelease}` },
    { name: 'import-edition', path: '/editions/import' },
    { name: 'outbox', path: '/outbox' },
    { name: 'notifications', path: '/notifikasi' },
    { name: 'templates', path: '/templat-pesan' },
    { name: 'users', path: '/users' },
    { name: 'audit', path: '/audit' },
    { name: 'account', path: '/akun' },
  ];

  it('public pages, signed out', async () => {
    const p = await open('id');
    await walk(p, 'public', publicStates());
    await p.context().close();
    report();
  }, walkTimeout);

  it('the national admin’s pages', async () => {
    const p = await open('id', 'admin@paritrana.demo');
    await walk(p, 'admin', adminStates());
    await p.context().close();
    report();
  }, walkTimeout);

  it('the provincial admin’s pages', async () => {
    const p = await open('id', 'ntb@paritrana.demo');
    await walk(p, 'ntb', [
      { name: 'home', path: '/' },
      { name: 'edition', path: `/editions/${ids.current}` },
      { name: 'candidates', path: `/editions/${ids.current}/candidates` },
      { name: 'progress', path: `/editions/${ids.current}/progress` },
      { name: 'candidate', path: `/candidates/${ids.currentCandidate}`, tabs: true },
      { name: 'panels', path: `/editions/${ids.showcase}/panels` },
      { name: 'pool', path: `/pools/${ids.markingPool}`, tabs: true },
      { name: 'outbox', path: '/outbox' },
      { name: 'users', path: '/users' },
    ]);
    await p.context().close();
    report();
  }, walkTimeout);

  it('the verifier’s pages', async () => {
    const p = await open('id', 'verifikator.ntb@paritrana.demo');
    await walk(p, 'verifier', [
      { name: 'home', path: '/' },
      { name: 'queue', path: `/editions/${ids.current}/verification` },
      { name: 'candidate', path: `/candidates/${ids.showcaseCandidate}` },
      { name: 'notifications', path: '/notifikasi' },
    ]);
    await p.context().close();
    report();
  }, walkTimeout);

  it('the juror’s and the chair’s pages', async () => {
    const juror = await open('id', 'juri@paritrana.demo');
    const mine = await api<{ pool: { id: string }; candidates: { id: string; access: string }[] }[]>(juror, `/api/editions/${ids.showcase}/my-pools`);
    const pool = mine.find((m) => m.pool.id === ids.markingPool)!;
    const candidateId = pool.candidates.find((c) => c.access === 'assigned')!.id;
    await walk(juror, 'juror', [
      { name: 'home', path: '/' },
      { name: 'my-assessments', path: '/penilaian' },
      { name: 'profile', path: '/profil-juri' },
      { name: 'sheet', path: `/pools/${ids.markingPool}/sheets/${candidateId}` },
    ]);
    await juror.context().close();
    const chair = await open('id', 'ketua.ntb@paritrana.demo');
    await walk(chair, 'chair', [
      { name: 'home', path: '/' },
      { name: 'my-assessments', path: '/penilaian' },
      { name: 'pool', path: `/pools/${ids.markingPool}`, tabs: true },
    ]);
    await chair.context().close();
    report();
  }, walkTimeout);

  it('the candidate’s pages', async () => {
    const p = await open('id', 'lotim@paritrana.demo');
    await walk(p, 'candidate', [
      { name: 'home', path: `/candidates/${ids.currentCandidate}`, tabs: true },
      { name: 'notifications', path: '/notifikasi' },
      { name: 'account', path: '/akun' },
    ]);
    await p.context().close();
    report();
  }, walkTimeout);

  it('in English: the public pages and the national admin’s main pages', async () => {
    const signedOut = await open('en');
    await walk(signedOut, 'en-public', publicStates().filter((s) => ['login', 'register', 'portal', 'portal-result', 'verify'].includes(s.name)));
    await signedOut.context().close();
    const p = await open('en', 'admin@paritrana.demo');
    await walk(p, 'en-admin', adminStates().filter((s) => ['editions', 'edition', 'coverage', 'candidates', 'progress', 'candidate', 'pool', 'audit'].includes(s.name)).map((s) => ({ ...s, tabs: false })));
    await p.context().close();
    report();
  }, walkTimeout);
  it('walks sign-in, a candidate and its tabs with the keyboard alone, the focus always shown', async () => {
    const p = await open('id');
    /** Presses Tab until the focused element's text or label matches; each focused element must show its focus. */
    async function tabTo(match: RegExp, limit = 60): Promise<void> {
      for (let i = 0; i < limit; i += 1) {
        await p.keyboard.press('Tab');
        const focused = await p.evaluate(() => {
          const el = document.activeElement as HTMLElement | null;
          if (!el || el === document.body) return null;
          const style = getComputedStyle(el);
          const label = el.getAttribute('aria-label') ?? (el as HTMLInputElement).labels?.[0]?.textContent ?? el.textContent ?? '';
          // A text field shows its focus by its border turning the theme's dark teal (on the field, or on the
          // frame around a password field); anything else by an outline or a ring.
          const probe = document.createElement('span');
          probe.style.color = 'var(--mantine-primary-color-filled)';
          document.body.append(probe);
          const focusColour = getComputedStyle(probe).color;
          probe.remove();
          const border = [el, el.parentElement].some((x) => x && getComputedStyle(x).borderTopColor === focusColour && parseFloat(getComputedStyle(x).borderTopWidth) > 0);
          const ring = (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none';
          return { label: label.replace(/\s+/g, ' ').trim(), tag: el.tagName.toLowerCase(), shown: ring || (el.matches('input, textarea') && border) };
        });
        if (!focused) continue;
        expect(focused.shown, `focus not shown on ${focused.tag} "${focused.label}"`).toBe(true);
        if (match.test(focused.label)) return;
      }
      throw new Error(`no element matching ${match} reached with Tab`);
    }
    await p.goto(`${server.url}/login`);
    await settle(p);
    await tabTo(/^E-mail/);
    await p.keyboard.type('ntb@paritrana.demo');
    await tabTo(/^Kata sandi/);
    await p.keyboard.type(password);
    await p.keyboard.press('Enter');
    await p.waitForURL((u) => !u.pathname.startsWith('/login'));
    await settle(p);
    await p.goto(`${server.url}/editions/${ids.current}/candidates`);
    await settle(p);
    await tabTo(/^Kabupaten Lombok Timur$/);
    await p.keyboard.press('Enter');
    await p.waitForURL(`${server.url}/candidates/${ids.currentCandidate}`);
    await settle(p);
    await tabTo(/^Penilaian mandiri$/);
    // Tabs follow the arrow keys (WAI-ARIA tabs pattern); Enter keeps the chosen one.
    await p.keyboard.press('ArrowRight');
    await p.keyboard.press('Enter');
    await expect.poll(() => p.getByRole('tab', { selected: true }).innerText()).toBe('Bukti dukung');
    await screenshot(p, 'a11y-keyboard-candidate-evidence');
    await p.context().close();
  }, walkTimeout);
});
