/**
 * Announcement day: the committees publish every final result (certificates
 * are issued with it) while many public clients read the portal: the
 * editions, the edition's results, each published result and certificate
 * checks. The load is bounded by a number of clients and a time.
 */
import { each, RehearsalError, Session, type Api } from './http.ts';
import type { World } from './world.ts';
import { password } from './servers.ts';

type Publication = { winners: { certificate: { code: string } | null }[] };

/** `clients` loops reading public pages until `stop()` and at least `seconds` have passed. */
function publicLoad(api: Api, world: World, seconds: number, clients: number, published: () => { pools: string[]; codes: string[] }): { stop: () => Promise<number> } {
  let running = true;
  let requests = 0;
  const until = performance.now() + seconds * 1000;
  const loops = Array.from({ length: clients }, async (_, i) => {
    let k = i;
    while (running || performance.now() < until) {
      k += 1;
      const { pools, codes } = published();
      const pick = k % 4;
      // Before the first publication the edition is not public yet: only the list of editions.
      const path =
        pools.length === 0 || pick === 0
          ? '/api/public/editions'
          : pick === 1
            ? `/api/public/editions/${world.editionId}/results`
            : pick === 2 || codes.length === 0
              ? `/api/public/pools/${pools[k % pools.length]}/result`
              : `/api/public/certificates/${codes[k % codes.length]}`;
      try {
        await api.call('GET', path, { expect: 200 });
      } catch (error) {
        if (!(error instanceof RehearsalError)) throw error;
      }
      requests += 1;
    }
  });
  return {
    stop: async () => {
      running = false;
      await Promise.all(loops);
      return requests;
    },
  };
}

export async function announce(world: World): Promise<{ certificates: string[]; publicRequests: number }> {
  const published: string[] = [];
  const certificates: string[] = [];
  const load = publicLoad(world.api, world, world.options.publicSeconds, world.options.publicClients, () => ({ pools: published, codes: certificates }));
  const admins = new Map<string, Session>();
  for (const p of world.provinces) admins.set(p.code, await Session.signIn(world.api, p.admin.email, password));
  const finalised = world.pools.filter((p) => p.resultId);
  // Provinces announce first, then the nation.
  for (const level of ['provinsi', 'nasional']) {
    await each(world.stats, finalised.filter((p) => p.level === level), world.options.concurrency, async (pool) => {
      const admin = level === 'nasional' ? world.national : admins.get(pool.area)!;
      const status = await admin.send<Publication>('POST', `/api/pools/${pool.id}/publish`, {}, 200);
      for (const w of status.winners) {
        if (w.certificate) certificates.push(w.certificate.code);
        else world.stats.error(`a winner of pool ${pool.id} has no certificate`);
      }
      published.push(pool.id);
    });
  }
  await world.national.send('POST', `/api/editions/${world.editionId}/status`, { status: 'published' }, 200);
  const publicRequests = await load.stop();
  return { certificates, publicRequests };
}
