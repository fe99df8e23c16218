import { isNationalAdmin, provincesAs, type Actor } from './actor.ts';

type JobRef = { createdBy: string | null; provinceCode: string | null };

/**
 * A job's status is read by whoever started it and by the admins who run
 * what it changes: the national admins, and the provincial admins of the
 * job's province.
 */
export const jobPolicy = {
  read: (_actor: Actor): boolean => true,
  readJob: (actor: Actor, job: JobRef): boolean =>
    job.createdBy === actor.id || isNationalAdmin(actor) || (job.provinceCode != null && provincesAs(actor, 'provincial_admin').includes(job.provinceCode)),
};
