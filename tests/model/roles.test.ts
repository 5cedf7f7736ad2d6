import { describe, expect, it } from 'vitest';
import { ROLES, capabilitiesOf, isRole, readRole } from '../../src/model/roles';

describe('roles', () => {
  it('gives each role its capabilities, each role strictly less than the one before', () => {
    expect(capabilitiesOf('facilitator')).toEqual({ canEdit: true, canEditStructure: true, canFacilitate: true, keepsLocalCopy: true });
    expect(capabilitiesOf('participant')).toEqual({ canEdit: true, canEditStructure: false, canFacilitate: false, keepsLocalCopy: true });
    expect(capabilitiesOf('viewer')).toEqual({ canEdit: false, canEditStructure: false, canFacilitate: false, keepsLocalCopy: false });
    const count = (r: (typeof ROLES)[number]) => Object.values(capabilitiesOf(r)).filter(Boolean).length;
    for (let i = 1; i < ROLES.length; i++) expect(count(ROLES[i]!)).toBeLessThan(count(ROLES[i - 1]!));
  });

  it('takes anything unknown for the least trusted role', () => {
    expect(isRole('participant')).toBe(true);
    expect(isRole('admin')).toBe(false);
    expect(readRole('facilitator')).toBe('facilitator');
    expect(readRole('admin')).toBe('viewer');
    expect(readRole(undefined)).toBe('viewer');
  });
});
