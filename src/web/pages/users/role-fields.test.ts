import { describe, expect, it } from 'vitest';
import { provinceRequired, requiredRoleFields, roleFieldName } from './role-fields.ts';

describe('the role fields of the user forms', () => {
  it('require a province of a provincial admin and a verifier, and of every role a province gives', () => {
    expect(provinceRequired('provincial_admin', true)).toBe(true);
    expect(provinceRequired('verifier', true)).toBe(true);
    expect(provinceRequired('juror', true)).toBe(false);
    expect(provinceRequired('national_admin', true)).toBe(false);
    expect(provinceRequired('juror', false)).toBe(true);
  });

  it('list the role fields to fill: the province where needed, an observer’s organisation', () => {
    const none = { organisation: null, provinces: [] };
    expect(requiredRoleFields('verifier', true, null, none)).toEqual({ province: null });
    expect(requiredRoleFields('juror', true, null, none)).toEqual({});
    expect(requiredRoleFields('observer', true, null, { organisation: 'kemnaker', provinces: ['52'] })).toEqual({ organisation: 'kemnaker' });
    expect(requiredRoleFields('observer', true, null, none)).toEqual({ organisation: null });
  });

  it('name a refused grant’s path by the field that shows it', () => {
    const verifier = roleFieldName('verifier');
    expect(verifier('body.roles.0.provinceCode')).toBe('province');
    expect(verifier('roles.0.regencyCodes.3')).toBe('regencies');
    expect(verifier('roles.0.regencyCodes')).toBe('regencies');
    expect(verifier('roles')).toBe('role');
    expect(verifier('roles.0.candidateId')).toBe('role');
    expect(verifier('name')).toBe('name');
    const observer = roleFieldName('observer');
    expect(observer('roles.2.provinceCode')).toBe('observerProvinces');
    expect(observer('roles.0.organisation')).toBe('organisation');
  });
});
