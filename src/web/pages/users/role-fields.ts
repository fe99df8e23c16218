import type { ObserverOrganisation, RoleName } from '../../../shared/contracts/index.ts';
import { fieldPath, type FieldName } from '../../field-errors.ts';

/** An observer's organisation and the provinces it watches (none: every province). */
export type ObserverChoice = { organisation: ObserverOrganisation | null; provinces: string[] };

/**
 * Whether the role's province must be chosen: a provincial admin's and a
 * verifier's always; every role a provincial committee gives is of its own
 * province.
 */
export const provinceRequired = (role: RoleName, national: boolean): boolean => role === 'provincial_admin' || role === 'verifier' || !national;

/** The role fields that must be filled before an account's roles are sent, by the form's field names. */
export function requiredRoleFields(role: RoleName, national: boolean, province: string | null, observer: ObserverChoice): Record<string, unknown> {
  return {
    ...(provinceRequired(role, national) ? { province } : {}),
    ...(role === 'observer' ? { organisation: observer.organisation } : {}),
  };
}

const grantField = /^roles\.\d+\.(provinceCode|regencyCodes|organisation|candidateId)(\.\d+)?$/;

/**
 * How the user forms name the field of a refused role path: the form sends
 * one role as `roles.0` (an observer one grant per province), and shows its
 * province, regencies and organisation as fields of their own.
 */
export const roleFieldName =
  (role: RoleName): FieldName =>
  (path) => {
    const field = fieldPath(path);
    if (field === 'roles') return 'role';
    const part = grantField.exec(field)?.[1];
    if (part === 'provinceCode') return role === 'observer' ? 'observerProvinces' : 'province';
    if (part === 'regencyCodes') return 'regencies';
    if (part === 'organisation') return 'organisation';
    if (part === 'candidateId') return 'role';
    return field;
  };
