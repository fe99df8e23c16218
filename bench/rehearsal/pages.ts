/**
 * The pages a committee opens every day, at national size: once the whole
 * edition is in the database, every provincial admin and verifier (all
 * provinces at once, as many as act at a time) and the national admin open
 * the candidates list, the progress page, the verification queue, their
 * pools' overviews and the coverage dashboard, a few times each. The time
 * of each request is kept per page, and each page's p50 and p99 printed;
 * the national admin's own (the whole edition on one page) also apart, as
 * its pages are the largest.
 */
import { each, percentile, progress, Session } from './http.ts';
import type { World } from './world.ts';
import { password } from './servers.ts';

/** How many times each person opens each page. */
const rounds = 3;

export type PageTimes = { page: string; requests: number; p50Ms: number; p99Ms: number }[];

export async function committeePages(world: World): Promise<PageTimes> {
  const timings = new Map<string, number[]>();
  /** Times one request and keeps it under each of `pages`. */
  const open = async (pages: string[], session: Session, path: string): Promise<void> => {
    const started = performance.now();
    await session.get(path);
    const ms = performance.now() - started;
    for (const page of pages) timings.set(page, [...(timings.get(page) ?? []), ms]);
  };
  const base = `/api/editions/${world.editionId}`;
  const people = [
    ...world.provinces.map((p) => ({ admin: p.admin, verifier: p.verifier, pools: world.pools.filter((x) => x.level === 'provinsi' && x.area === p.code) })),
    { admin: null, verifier: null, pools: world.pools.filter((x) => x.level !== 'provinsi') },
  ];
  await each(world.stats, people, world.options.concurrency, async ({ admin, verifier, pools }) => {
    const committee = admin ? await Session.signIn(world.api, admin.email, password) : world.national;
    const checker = verifier ? await Session.signIn(world.api, verifier.email, password) : world.national;
    const as = (page: string) => (admin ? [page] : [page, `${page} (national admin)`]);
    for (let round = 0; round < rounds; round += 1) {
      await open(as('candidates list'), committee, `${base}/candidates`);
      await open(as('progress'), committee, `${base}/progress`);
      await open(as('verification queue'), checker, `${base}/verification`);
      for (const pool of pools) await open(as('pool overview'), committee, `/api/pools/${pool.id}`);
      await open(as('coverage dashboard'), committee, `${base}/coverage/regions`);
    }
  });
  const round = (v: number) => Math.round(v * 10) / 10;
  const out = [...timings].map(([page, list]) => ({ page, requests: list.length, p50Ms: round(percentile(list, 50)), p99Ms: round(percentile(list, 99)) }));
  for (const t of out) progress(`  ${t.page}: ${t.requests} requests, p50 ${t.p50Ms} ms, p99 ${t.p99Ms} ms`);
  return out;
}
