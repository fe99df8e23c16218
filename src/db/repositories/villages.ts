import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * The ~83,700 villages (desa/kelurahan) and ~7,300 districts (kecamatan) of
 * the Kemendagri list in `idn-area-data`. They are not copied into the
 * database: read once, on first use, into memory (about 3 MB of text), so
 * that starting a server or a test database stays fast. A village candidate
 * keeps its code; its regency is stored with it.
 */
export type Village = { code: string; name: string; districtCode: string; districtName: string; regencyCode: string };

type Index = { byCode: Map<string, Village>; byRegency: Map<string, Village[]> };
let loading: Promise<Index> | null = null;

async function readCsv(file: string): Promise<string[][]> {
  const require = createRequire(import.meta.url);
  const root = dirname(require.resolve('idn-area-data/package.json'));
  const text = await readFile(join(root, 'data', file), 'utf8');
  const lines = text.split(/\r?\n/);
  const rows: string[][] = [];
  for (let i = 1; i < lines.length; i++) {
    if (i % 5000 === 0) await turn();
    const l = lines[i]!;
    if (l.trim() === '') continue;
    // code,parent,name: the name is the rest of the line (it may hold a comma or a quote).
    const first = l.indexOf(',');
    const second = l.indexOf(',', first + 1);
    rows.push([l.slice(0, first), l.slice(first + 1, second), l.slice(second + 1).replace(/^"(.*)"$/, '$1')]);
  }
  return rows;
}

/** A turn of the event loop: the first import of a village category reads the list inside a request, and others are served meanwhile. */
const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

async function load(): Promise<Index> {
  const districts = new Map((await readCsv('districts.csv')).map(([code, , name]) => [code!, name!]));
  const byCode = new Map<string, Village>();
  const byRegency = new Map<string, Village[]>();
  const villages = await readCsv('villages.csv');
  for (let i = 0; i < villages.length; i++) {
    if (i > 0 && i % 5000 === 0) await turn();
    const [code, districtCode, name] = villages[i]!;
    const regencyCode = districtCode!.slice(0, 5);
    const village = { code: code!, name: name!, districtCode: districtCode!, districtName: districts.get(districtCode!) ?? '', regencyCode };
    byCode.set(village.code, village);
    const list = byRegency.get(regencyCode) ?? [];
    list.push(village);
    byRegency.set(regencyCode, list);
  }
  return { byCode, byRegency };
}

/** The villages, loaded on first call and kept. */
export function villageIndex(): Promise<Index> {
  loading ??= load().catch((error: unknown) => {
    loading = null;
    throw error;
  });
  return loading;
}

export async function findVillage(code: string): Promise<Village | null> {
  return (await villageIndex()).byCode.get(code) ?? null;
}

/** Villages of a regency whose village or district name contains `q` (case-insensitive), at most `limit`. */
export async function searchVillages(query: { regency: string; q?: string | undefined; limit?: number }): Promise<Village[]> {
  const list = (await villageIndex()).byRegency.get(query.regency) ?? [];
  const q = query.q?.trim().toLowerCase() ?? '';
  const matches = q === '' ? list : list.filter((v) => v.name.toLowerCase().includes(q) || v.districtName.toLowerCase().includes(q));
  return matches.slice(0, query.limit ?? 50);
}
