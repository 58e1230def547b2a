import { afterEach, describe, expect, it } from 'vitest';
import { createUser } from '../../../src-main/domain/users/userService';
import { desktopSessions } from '../../../src-main/backend/desktopSessions';
import { tempApp } from '../../helpers/tempApp';

let cleanup: (() => Promise<void>) | null = null;
afterEach(async () => {
  await cleanup?.();
  cleanup = null;
});

describe('desktop sign-in (quick switch on the shared desk PC)', () => {
  it('is the open desk before any login, then a guest until someone signs in, per window', async () => {
    const app = await tempApp();
    cleanup = app.cleanup;
    const people = desktopSessions(app);
    expect(people.caller(1)).toEqual({ user: 'desk', role: 'admin' });
    await createUser(app.ctx.db, app.clock, { name: 'Anna', role: 'admin', password: 'Zebra!Lampa7Okno' });
    await createUser(app.ctx.db, app.clock, { name: 'Marco', role: 'receptionist', password: 'gatto-nero-sul-tetto' });
    expect(people.caller(1)).toEqual({ user: 'guest', guest: true });
    await expect(app.call('inbox.list', {}, people.caller(1))).rejects.toMatchObject({ code: 'unauthorized' });

    expect(await people.signIn(1, 'Marco', 'wrong-password-1')).toMatchObject({ error: { code: 'unauthorized' } });
    expect(await people.signIn(1, 'Marco', 'gatto-nero-sul-tetto')).toEqual({});
    expect(people.caller(1)).toMatchObject({ user: 'Marco', role: 'receptionist' });
    expect(people.caller(2)).toEqual({ user: 'guest', guest: true });
    await expect(app.call('users.list', {}, people.caller(1))).rejects.toMatchObject({ code: 'forbidden' });

    // Quick switch: Anna takes over the same window; Marco's session ends.
    expect(await people.signIn(1, 'Anna', 'Zebra!Lampa7Okno')).toEqual({});
    expect(people.info(1)).toMatchObject({ signedIn: true, openDesk: false, user: { name: 'Anna', role: 'admin' } });
    await app.call('users.list', {}, people.caller(1));
    people.signOut(1);
    expect(people.info(1)).toMatchObject({ signedIn: false, user: null });
    const actions = app.ctx.db.prepare("SELECT action, actor FROM audit_log WHERE action IN ('login.ok', 'login.failed', 'logout') ORDER BY id").all();
    expect(actions).toEqual([
      { action: 'login.failed', actor: 'Marco' },
      { action: 'login.ok', actor: 'Marco' },
      { action: 'login.ok', actor: 'Anna' },
      { action: 'logout', actor: 'Marco' },
      { action: 'logout', actor: 'Anna' },
    ]);
  });
});
