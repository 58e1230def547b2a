import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeskUserDto } from '../../../../src-main/contract/users';
import { ApiError, desk } from '../../../api/client';
import { FormRow, FormStatus, SaveBar, useSaveStatus } from '../../../components/SaveBar';

const ROLES = ['receptionist', 'manager', 'admin'] as const;
type Role = (typeof ROLES)[number];

/** Settings → Users: an admin adds people, changes roles, disables an account or sets a new password. */
export function UsersSection() {
  const { t } = useTranslation('users');
  const [users, setUsers] = useState<DeskUserDto[] | null>(null);
  const [denied, setDenied] = useState(false);
  const [draft, setDraft] = useState<{ name: string; role: Role; password: string }>({ name: '', role: 'receptionist', password: '' });
  const add = useSaveStatus();
  const row = useSaveStatus();

  const load = useCallback(async () => {
    try {
      setUsers((await desk.call('users.list', {})).users);
    } catch (err) {
      if (err instanceof ApiError && (err.code === 'forbidden' || err.code === 'unauthorized')) setDenied(true);
      else throw err;
    }
  }, []);
  useEffect(() => void load(), [load]);

  const create = async (e: FormEvent) => {
    e.preventDefault();
    const ok = await add.run(() => desk.call('users.create', draft), t('settings.created', { name: draft.name }));
    if (ok) {
      setDraft({ name: '', role: 'receptionist', password: '' });
      await load();
    }
  };
  const change = async (fn: () => Promise<unknown>, text: string) => {
    if (await row.run(fn, text)) await load();
  };

  if (denied) return <p className="muted">{t('settings.adminOnly')}</p>;
  return (
    <div>
      <h2>{t('settings.title')}</h2>
      <p className="section-intro">{t('settings.intro')}</p>
      <div className="card">
        <table className="users-table" data-testid="users-table">
          <thead>
            <tr>
              <th>{t('settings.name')}</th>
              <th>{t('settings.role')}</th>
              <th>{t('settings.status')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {(users ?? []).map((u) => (
              <tr key={u.id}>
                <td>{u.name}</td>
                <td>
                  <select aria-label={t('settings.role')} value={u.role} onChange={(e) => change(() => desk.call('users.setRole', { userId: u.id, role: e.target.value as Role }), t('settings.saved'))}>
                    {ROLES.map((r) => (
                      <option key={r} value={r}>
                        {t(`roles.${r}`)}
                      </option>
                    ))}
                  </select>
                </td>
                <td>{u.disabled ? t('settings.disabled') : t('settings.active')}</td>
                <td>
                  <button type="button" className="btn small" onClick={() => change(() => desk.call('users.setDisabled', { userId: u.id, disabled: !u.disabled }), t('settings.saved'))}>
                    {u.disabled ? t('settings.enable') : t('settings.disable')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {users?.length === 0 ? <p className="muted">{t('settings.none')}</p> : null}
        <FormStatus status={row.status} />
      </div>
      <form className="card" onSubmit={create}>
        <h3>{t('settings.add')}</h3>
        <div className="form-grid">
          <FormRow id="user-name" label={t('settings.name')}>
            <input id="user-name" value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} required maxLength={80} />
          </FormRow>
          <FormRow id="user-role" label={t('settings.role')}>
            <select id="user-role" value={draft.role} onChange={(e) => setDraft({ ...draft, role: e.target.value as Role })}>
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {t(`roles.${r}`)}
                </option>
              ))}
            </select>
          </FormRow>
          <FormRow id="user-password" label={t('settings.password')} hint={t('settings.passwordHint')}>
            <input id="user-password" type="password" autoComplete="new-password" value={draft.password} onChange={(e) => setDraft({ ...draft, password: e.target.value })} required />
          </FormRow>
        </div>
        <SaveBar label={t('settings.create')} testId="user-create" status={add.status} />
      </form>
    </div>
  );
}
