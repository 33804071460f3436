import { roleNeedsUnit } from './account-roles';

describe('roleNeedsUnit', () => {
  it('asks a unit of the roles that act for one, and of no other', () => {
    expect(['officer', 'unit_head'].map(roleNeedsUnit)).toEqual([true, true]);
    expect(['board', 'admin', '', undefined, 'Officer'].map(roleNeedsUnit)).toEqual([false, false, false, false, false]);
  });
});
