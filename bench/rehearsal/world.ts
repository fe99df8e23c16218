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
  candidates: { id: string; name: string; categoryCode: string; email: string; token?: string; regencyCode: string | null }[];
  panelId?: string;
};

export type PoolState = { id: string; level: string; area: string; categoryCode: string; panelJurors: Person[]; candidates: number; resultId?: string };

export type World = {
  options: Options;
  api: Api;
  stats: Stats;
  national: Session;
  editionId: string;
  categories: Map<string, string>;
  provinces: ProvinceState[];
  nationalJurors: Person[];
  nationalPanelId?: string;
  pools: PoolState[];
  /** What the rehearsal sent: compared with what the server holds at the end. */
  sent: { candidates: number; marks: number; sheets: number; conflicts: number; revisions: number; evidence: number };
};

/** The categories rehearsed: regencies/cities and large enterprises. */
export const categoryCodes = ['pemkab-kota', 'usaha-besar'] as const;
