import type { RoleGrant, RoleName } from '../../shared/contracts/auth.ts';

/** The signed-in person a request acts for. */
export type Actor = {
  id: string;
  email: string;
  name: string;
  locale: 'id' | 'en';
  roles: RoleGrant[];
  csrfToken: string;
  sessionId: string;
  /** Whether the user has two-factor on, and must switch it on before anything else (unset: neither). */
  twoFactor?: { enabled: boolean; setupRequired: boolean };
};

export function hasRole(actor: Actor | null, role: RoleName): boolean {
  return actor?.roles.some((r) => r.role === role) ?? false;
}

export const isNationalAdmin = (actor: Actor | null): boolean => hasRole(actor, 'national_admin');
/** A national verifier verifies the candidacies past the provincial round (zones, the nation). */
export const isNationalVerifier = (actor: Actor | null): boolean => hasRole(actor, 'national_verifier');

/**
 * What an observer (ministry or BPJS leadership) watches: every province
 * (a grant without a province), or the provinces of its grants; null when
 * the actor is no observer. Observers read progress, coverage and
 * announced results, never marks, and write nothing but their own account.
 */
export function observedBy(actor: Actor | null): 'all' | string[] | null {
  const grants = (actor?.roles ?? []).filter((r) => r.role === 'observer');
  if (grants.length === 0) return null;
  return grants.some((r) => r.provinceCode == null) ? 'all' : grants.map((r) => r.provinceCode!);
}
export const isObserver = (actor: Actor | null): boolean => observedBy(actor) !== null;
/** Whether an observer of the actor's watches the province. */
export function observes(actor: Actor | null, provinceCode: string): boolean {
  const scope = observedBy(actor);
  return scope === 'all' || (scope?.includes(provinceCode) ?? false);
}

/** Provinces in which the actor holds one of the given roles. */
export function provincesAs(actor: Actor | null, ...roles: RoleName[]): string[] {
  return (actor?.roles ?? []).filter((r) => roles.includes(r.role) && r.provinceCode != null).map((r) => r.provinceCode!);
}

export function candidatesOf(actor: Actor | null): string[] {
  return (actor?.roles ?? []).filter((r) => r.role === 'candidate' && r.candidateId != null).map((r) => r.candidateId!);
}

export function auditActor(actor: Actor | null): { id: string | null; label: string } {
  return actor ? { id: actor.id, label: actor.email } : { id: null, label: 'system' };
}
