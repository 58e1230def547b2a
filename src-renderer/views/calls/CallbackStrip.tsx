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
import { useSearch } from '../../stores/inboxStore';
import { useToast } from '../../stores/toastStore';
import { NewPatientDialog } from '../inbox/NewPatientDialog';

/** The callers to ring back, at the top of the inbox: who waited longest first; one card per caller. */
export function CallbackStrip() {
  const { t } = useTranslation('calls');
  const navigate = useRouter((s) => s.navigate);
  const tasks = useCalls((s) => s.tasks);
  const searching = useSearch((s) => s.query.trim() !== '');
  const loadTasks = useCalls((s) => s.loadTasks);
  const [error, setError] = useState<string | null>(null);
  /** A new patient from an unknown caller: their calls join the record at once (the server links them). */
  const [creating, setCreating] = useState<string | null>(null);
  const [now, setNow] = useState(serverNow);

  useEffect(() => {
    void loadTasks();
    const timer = setInterval(() => setNow(serverNow()), 60_000);
    return () => clearInterval(timer);
  }, [loadTasks]);

  // While searching, the list needs the room: the strip steps aside until the search is cleared.
  if (tasks.length === 0 || searching) return null;
  const close = async (taskId: number, reason: 'called_back' | 'dismissed', who: string) => {
    try {
      await desk.call('calls.closeCallback', { taskId, reason });
      setError(null);
      useToast.getState().show(t(reason === 'dismissed' ? 'desk:undo.dismissed' : 'desk:undo.calledBack', { name: who }), async () => {
        await desk.call('calls.reopenCallback', { taskId });
        await useCalls.getState().loadTasks();
      });
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
                <>
                  <strong>{task.patientName ?? formatNumber(task.phone)}</strong>
                  <button className="link-button" onClick={() => setCreating(task.phone)} data-testid="callback-new-patient">
                    {t('desk:callbacks.newPatient')}
                  </button>
                </>
              )}
              {task.missedCount > 1 ? <span className="callback-times" title={t('callbacks.times', { count: task.missedCount })}>×{task.missedCount}</span> : null}
            </div>
            <div className="callback-meta">
              <span>{formatNumber(task.phone)}</span>
              <span>
                {t('callbacks.since', { time: formatTime(task.firstMissedAt), age: now - task.firstMissedAt < 60_000 ? t('desk:time.justNow') : formatAge(now - task.firstMissedAt) })}
              </span>
              {task.attempts > 0 ? <span>{t('callbacks.attempts', { count: task.attempts })}</span> : null}
            </div>
            <div className="callback-actions">
              <button className="btn primary small" onClick={() => void close(task.id, 'called_back', task.patientName ?? formatNumber(task.phone))} data-testid="callback-done">
                {t('callbacks.done')}
              </button>
              <button className="btn small" onClick={() => void close(task.id, 'dismissed', task.patientName ?? formatNumber(task.phone))} title={t('callbacks.dismissHint')} data-testid="callback-dismiss">
                {t('callbacks.dismiss')}
              </button>
            </div>
          </li>
        ))}
      </ul>
      {error ? <p className="error" role="alert">{error}</p> : null}
      {creating ? <NewPatientDialog phone={creating} onClose={() => setCreating(null)} /> : null}
    </section>
  );
}
