import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { desk } from '../../api/client';
import { updateStatus, type ShellUpdates } from './updateStatus';

/**
 * Settings → This desk → Updates: the state read when Settings opened, then every change the shell pushes
 * (contract event `updates.state`): checking, downloading with its percentage, ready to install on quit,
 * or why the last attempt failed, in the desk's language.
 */
export function UpdatesCard({ initial }: { initial: ShellUpdates | null }) {
  const { t } = useTranslation('setup');
  const [live, setLive] = useState<ShellUpdates | null>(null);
  useEffect(() => desk.on('updates.state', setLive), []);
  const u = live ?? initial;
  const status = updateStatus(u);
  return (
    <div className="card" data-testid="desk-updates">
      <h3>{t('updates.title')}</h3>
      <p className="muted" role="status" data-testid="desk-updates-status">
        {t(status.key, status.params)}
      </p>
      {status.percent !== null && u?.available ? (
        <progress max={100} value={status.percent} aria-label={t('desk-updates:progressLabel', { version: u.available })} data-testid="desk-updates-progress" />
      ) : null}
      {u?.error && !u.checking && !u.available ? <p className="muted">{t('desk-updates:retry')}</p> : null}
    </div>
  );
}
