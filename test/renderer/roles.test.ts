import { describe, expect, it } from 'vitest';
import { mayOpen, roleOf } from '../../src-renderer/app/roles';

describe('which screens a desk role sees', () => {
  it.each([
    [undefined, 'receptionist', true],
    ['manager', 'receptionist', false],
    ['manager', 'manager', true],
    ['manager', 'admin', true],
    ['admin', 'manager', false],
  ] as const)('a screen for %s, seen by a %s: %s', (required, role, expected) => expect(mayOpen(required, role)).toBe(expected));

  it('reads the role from app.info (role or user.role); without personal logins the desk is trusted', () => {
    expect(roleOf({ role: 'receptionist' })).toBe('receptionist');
    expect(roleOf({ user: { role: 'manager' } })).toBe('manager');
    expect(roleOf({ role: 'superuser' })).toBe('admin');
    expect(roleOf(null)).toBe('admin');
  });
});
