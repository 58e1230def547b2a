import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { desk } from '../../api/client';
import { useRouter } from '../../app/router';
import { Icon } from '../../components/Icon';
import { formatAge, formatTime } from '../../i18n/format';
import { formatNumber } from './callFormat';
import { useCalls } from './callsStore';
import './calls.css';
import { serverNow } from '../../api/serverClock';
import { errorText } from '../../i18n/errors';

/** The callers to ring back, at the top of the inbox: who waited longest first; one card per caller. */
export function CallbackStrip() {
  const { t } = useTranslation('calls');
  const navigate = useRouter((s) => s.navigate);
  const tasks = useCalls((s) => s.tasks);
  const loadTasks = useCalls((s) => s.loadTasks);
  const [error, setError] = useState<string | null>(null);
  const [now, setNow] = useState(serverNow);

  useEffect(() => {
    void loadTasks();
    const timer = setInterval(() => setNow(serverNow()), 60_000);
    return () => clearInterval(timer);
  }, [loadTasks]);

  if (tasks.length === 0) return null;
  const close = async (taskId: number, reason: 'called_back' | 'dismissed') => {
    try {
      await desk.call('calls.closeCallback', { taskId, reason });
      setError(null);
      await loadTasks();
    } catch (err) {
      setError(errorText(err));
    }
  };

  return (
    <section className="callback-strip" aria-label={t('callbacks.title')} data-testid="callback-strip">
      <h2>
        <Icon name="missed" size={16} />
        {t('callbacks.title')} <span className="callback-count">{tasks.length}</span>
      </h2>
      <ul>
        {tasks.map((task) => (
          <li key={task.id} className="callback-card" data-testid="callback-card">
            <div className="callback-who">
              {task.conversationId ? (
                <button className="link-button" onClick={() => navigate(`/inbox/${task.conversationId}`)}>
                  {task.patientName ?? formatNumber(task.phone)}
                </button>
              ) : (
                <strong>{task.patientName ?? formatNumber(task.phone)}</strong>
              )}
              {task.missedCount > 1 ? <span className="callback-times" title={t('callbacks.times', { count: task.missedCount })}>×{task.missedCount}</span> : null}
            </div>
            <div className="callback-meta">
              <span>{formatNumber(task.phone)}</span>
              <span>
                {t('callbacks.since', { time: formatTime(task.firstMissedAt), age: formatAge(now - task.firstMissedAt) })}
              </span>
              {task.attempts > 0 ? <span>{t('callbacks.attempts', { count: task.attempts })}</span> : null}
            </div>
            <div className="callback-actions">
              <button className="btn primary small" onClick={() => void close(task.id, 'called_back')} data-testid="callback-done">
                {t('callbacks.done')}
              </button>
              <button className="btn small" onClick={() => void close(task.id, 'dismissed')} title={t('callbacks.dismissHint')}>
                {t('callbacks.dismiss')}
              </button>
            </div>
          </li>
        ))}
      </ul>
      {error ? <p className="error" role="alert">{error}</p> : null}
    </section>
  );
}
