/** What the rehearsal knows as it goes: who acts, what it sent, what it expects back. */
import type { Api, Session, Stats } from './http.ts';

export type Scale = 'national' | 'ci';

export type Options = {
  scale: Scale;
  database: 'pglite' | 'postgres';
  servers: number;
  seed: number;
  /** Companies imported per province. */
  companies: number;
  /** Jurors per panel (the "tim sembilan"). */
  jurors: number;
  /** How many people act at once (bounded concurrency). */
  concurrency: number;
  /** Seconds of public load during the announcement, and its clients. */
  publicSeconds: number;
  publicClients: number;
};

export type Person = { id: string; email: string; name: string };

export type ProvinceState = {
  code: string;
  name: string;
  admin: Person;
  verifier: Person;
  jurors: Person[];
  /** Candidates nominated here: id → candidate e-mail. */
  candidates: Candidate[];
  panelId?: string;
};

export type Candidate = { id: string; name: string; categoryCode: string; email: string; token?: string; regencyCode: string | null };

export type PoolState = { id: string; level: string; area: string; categoryCode: string; panelJurors: Person[]; candidates: number; resultId?: string };

export type World = {
  options: Options;
  api: Api;
  stats: Stats;
  national: Session;
  editionId: string;
  categories: Map<string, string>;
  provinces: ProvinceState[];
  /** The provincial governments: nominated by their province, run by the national committee. */
  governments: Candidate[];
  nationalJurors: Person[];
  nationalPanelId?: string;
  pools: PoolState[];
  /** What the rehearsal sent: compared with what the server holds at the end. */
  sent: { candidates: number; marks: number; sheets: number; conflicts: number; revisions: number; evidence: number };
};

/**
 * The categories rehearsed: regencies/cities and large enterprises, judged
 * in every province and then nationally, and the provincial governments,
 * judged at the national level only (as the catalogue has it).
 */
export const categoryCodes = ['pemkab-kota', 'usaha-besar', 'pemprov'] as const;
/** The categories a provincial panel judges. */
export const provincialCategories = ['pemkab-kota', 'usaha-besar'] as const;
/** The categories the national panel judges. */
export const nationalCategories = ['pemkab-kota', 'usaha-besar', 'pemprov'] as const;
