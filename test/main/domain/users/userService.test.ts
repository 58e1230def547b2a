import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../../src-main/db/database';
import { ManualClock } from '../../../../src-main/domain/shared/clock';
import { hashPassword, verifyPassword } from '../../../../src-main/domain/users/passwordHash';
import { changeRole, createUser, listUsers, setDisabled, setPassword, verifyUser } from '../../../../src-main/domain/users/userService';

const T0 = Date.UTC(2026, 10, 23, 9);
const fresh = () => ({ db: openDatabase(':memory:'), clock: new ManualClock(T0) });

describe('password hashes', () => {
  it('are self-describing scrypt strings with a random salt', async () => {
    const a = await hashPassword('gatto-nero-sul-tetto', { N: 1024 });
    const b = await hashPassword('gatto-nero-sul-tetto', { N: 1024 });
    expect(a).toMatch(/^scrypt\$N=1024,r=8,p=1\$[A-Za-z0-9+/=]{24}\$[A-Za-z0-9+/=]{44}$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword('gatto-nero-sul-tetto', a)).toBe(true);
    expect(await verifyPassword('gatto-nero-sul-tettO', a)).toBe(false);
  });

  it('never match a malformed or tampered hash (and never throw)', async () => {
    for (const bad of ['', 'plain', 'scrypt$N=3,r=8,p=1$AAAA$AAAA', 'scrypt$N=1073741824,r=8,p=1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=']) {
      expect(await verifyPassword('x', bad)).toBe(false);
    }
  });
});

describe('user service', () => {
  it('creates a user, verifies the password and lists it without the hash', async () => {
    const { db, clock } = fresh();
    const r = await createUser(db, clock, { name: ' Anna ', role: 'admin', password: 'Zebra!Lampa7Okno' });
    expect(r.error).toBeUndefined();
    expect(r.user).toMatchObject({ name: 'Anna', role: 'admin', disabled: false, createdAt: T0 });
    expect(await verifyUser(db, 'anna', 'Zebra!Lampa7Okno')).toMatchObject({ name: 'Anna' });
    expect(await verifyUser(db, 'anna', 'zebra!lampa7okno')).toBeNull();
    expect(await verifyUser(db, 'nobody', 'Zebra!Lampa7Okno')).toBeNull();
    expect(JSON.stringify(listUsers(db))).not.toContain('scrypt');
    const audit = db.prepare("SELECT action, actor FROM audit_log WHERE entity = 'user'").all();
    expect(audit).toEqual([{ action: 'user.create', actor: 'system' }]);
  });

  it('returns errors as values: weak password, bad name, duplicate name', async () => {
    const { db, clock } = fresh();
    expect((await createUser(db, clock, { name: 'Anna', role: 'admin', password: ' ' })).error).toMatchObject({ code: 'invalid_input', field: 'password' });
    expect((await createUser(db, clock, { name: '', role: 'admin', password: 'Zebra!Lampa7Okno' })).error).toMatchObject({ code: 'invalid_input', field: 'name' });
    await createUser(db, clock, { name: 'Anna', role: 'admin', password: 'Zebra!Lampa7Okno' });
    expect((await createUser(db, clock, { name: 'ANNA', role: 'receptionist', password: 'Zebra!Lampa7Okno' })).error).toMatchObject({ code: 'conflict' });
    expect(listUsers(db)).toHaveLength(1);
  });

  it('changes role, disables and sets a password, but never leaves the desk without an admin', async () => {
    const { db, clock } = fresh();
    const admin = (await createUser(db, clock, { name: 'Anna', role: 'admin', password: 'Zebra!Lampa7Okno' })).user!;
    const marco = (await createUser(db, clock, { name: 'Marco', role: 'receptionist', password: 'gatto-nero-sul-tetto' })).user!;
    expect(changeRole(db, clock, admin.id, 'manager', 'cli').error).toMatchObject({ code: 'conflict' });
    expect(setDisabled(db, clock, admin.id, true, 'cli').error).toMatchObject({ code: 'conflict' });
    expect(changeRole(db, clock, marco.id, 'manager', 'Anna').user).toMatchObject({ role: 'manager' });
    expect(setDisabled(db, clock, marco.id, true, 'Anna').user).toMatchObject({ disabled: true });
    expect(await verifyUser(db, 'Marco', 'gatto-nero-sul-tetto')).toBeNull();
    expect(setDisabled(db, clock, marco.id, false, 'Anna').user).toMatchObject({ disabled: false });
    expect((await setPassword(db, clock, marco.id, 'short', 'Anna')).error).toMatchObject({ field: 'password' });
    await setPassword(db, clock, marco.id, 'Okno-Lampa-Zebra-9', 'Anna');
    expect(await verifyUser(db, 'Marco', 'Okno-Lampa-Zebra-9')).not.toBeNull();
    expect(changeRole(db, clock, 999, 'admin', 'Anna').error).toMatchObject({ code: 'not_found' });
  });
});
