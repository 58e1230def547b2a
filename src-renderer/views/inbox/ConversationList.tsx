import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon, type IconName } from '../../components/Icon';
import { useRouter } from '../../app/router';
import { formatAge, formatTime, formatShortDate } from '../../i18n/format';
import { useInbox } from '../../stores/inboxStore';

/** Re-renders every 30 s so "waiting 12 min" stays true. */
function useNow(everyMs = 30_000): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(t);
  }, [everyMs]);
  return now;
}

export const channelIcon = (channel: string | null): IconName => (channel === 'whatsapp' ? 'whatsapp' : channel === 'sms' ? 'sms' : channel === 'note' ? 'note' : 'system');

export function ConversationList({ selectedId }: { selectedId: number | null }) {
  const { t } = useTranslation('inbox');
  const items = useInbox((s) => s.items);
  const total = useInbox((s) => s.total);
  const navigate = useRouter((s) => s.navigate);
  const now = useNow();
  const waiting = items.filter((c) => c.waitingSince !== null).length;

  return (
    <section className="conv-list" aria-label={t('list.label')}>
      <header className="conv-list-head">
        <h1>{t('list.title')}</h1>
        <span className="muted">{t('list.waiting', { count: waiting })}</span>
      </header>
      <ol className="conv-items" data-testid="conversation-list">
        {items.map((c) => {
          const today = c.lastMessageAt !== null && new Date(c.lastMessageAt).toDateString() === new Date(now).toDateString();
          return (
            <li key={c.id}>
              <button
                className={`conv-item${c.id === selectedId ? ' selected' : ''}${c.unreadCount > 0 ? ' unread' : ''}`}
                onClick={() => navigate(`/inbox/${c.id}`)}
                data-testid="conversation-item"
                data-conversation-id={c.id}
              >
                <span className={`avatar lang-${c.language ?? 'xx'}`}>{initials(c.patientName)}</span>
                <span className="conv-main">
                  <span className="conv-top">
                    <span className="conv-name">{c.patientName}</span>
                    <span className="conv-time">{c.lastMessageAt ? (today ? formatTime(c.lastMessageAt) : formatShortDate(c.lastMessageAt)) : ''}</span>
                  </span>
                  <span className="conv-bottom">
                    <span className={`channel-dot ${c.lastChannel ?? ''}`} title={c.lastChannel ?? ''}>
                      <Icon name={channelIcon(c.lastChannel)} size={14} />
                    </span>
                    <span className="conv-preview">
                      {c.lastDirection === 'out' ? <span className="muted">{t('list.you')} </span> : null}
                      {c.lastPreview}
                    </span>
                    {c.unreadCount > 0 ? (
                      <span className="unread-badge" aria-label={t('list.unread', { count: c.unreadCount })}>
                        {c.unreadCount}
                      </span>
                    ) : null}
                  </span>
                  {c.waitingSince !== null ? (
                    <span className={`waiting ${now - c.waitingSince > 4 * 3600_000 ? 'late' : ''}`}>
                      <Icon name="clock" size={12} /> {t('list.waitingFor', { age: formatAge(now - c.waitingSince) })}
                    </span>
                  ) : null}
                </span>
              </button>
            </li>
          );
        })}
      </ol>
      <footer className="conv-list-foot muted">{t('list.total', { count: total })}</footer>
    </section>
  );
}

export function initials(name: string): string {
  const parts = name.replace(/[^\p{L}\s]/gu, '').split(/\s+/).filter(Boolean);
  return ((parts[0]?.[0] ?? '#') + (parts[1]?.[0] ?? '')).toUpperCase();
}
