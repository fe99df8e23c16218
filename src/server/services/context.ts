import type { Db } from '../../db/client.ts';
import type { Actor } from '../policies/actor.ts';

/** What every use case receives: the database and who acts. */
export type ServiceContext = { db: Db; actor: Actor | null };
