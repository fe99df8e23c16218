import type { Db } from '../../db/client.ts';
import { candidateProvinces, type RoleRow } from '../../db/repositories/users.ts';
import type { GrantRef } from '../policies/users.ts';

/**
 * The provinces of role grants, as the account rules need them
 * (`policies/users.ts`): a grant's own province, or for a candidate user
 * the province of its candidacy. Loads the candidacies once, then maps any
 * of the given roles.
 */
export async function grantsOf(db: Db, roles: RoleRow[]): Promise<(roles: RoleRow[]) => GrantRef[]> {
  const ids = [...new Set(roles.map((r) => r.candidateId).filter((id): id is string => id !== null))];
  const provinceOf = await candidateProvinces(db, ids);
  return (list) => list.map((r) => ({ role: r.role, province: r.candidateId ? (provinceOf.get(r.candidateId) ?? null) : r.provinceCode }));
}
