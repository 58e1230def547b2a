import { forwardRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useRouter } from '../../app/router';
import { Icon } from '../../components/Icon';
import { PeriodChip } from '../../components/PeriodChip';
import { useInbox, useSearch, type ChannelFilter, type StatusFilter, type ViewFilter } from '../../stores/inboxStore';

const VIEWS: ViewFilter[] = ['all', 'mine', 'unanswered'];
const STATUSES: StatusFilter[] = ['active', 'open', 'waiting', 'snoozed', 'done', 'all'];
const CHANNELS = ['whatsapp', 'sms', 'call'] as const;

/** The head of the list: search box, filters, do-not-disturb and "new patient". */
export const InboxToolbar = forwardRef<HTMLInputElement, { onNewPatient(): void; onShortcuts(): void }>(function InboxToolbar({ onNewPatient, onShortcuts }, searchRef) {
  const { t } = useTranslation('inbox');
  const filter = useInbox((s) => s.filter);
  const counts = useInbox((s) => s.counts);
  const setFilter = useInbox((s) => s.setFilter);
  const dnd = useInbox((s) => s.doNotDisturb);
  const setDnd = useInbox((s) => s.setDoNotDisturb);
  const query = useSearch((s) => s.query);
  const setQuery = useSearch((s) => s.setQuery);
  const clear = useSearch((s) => s.clear);
  const navigate = useRouter((s) => s.navigate);

  const viewCount = (v: ViewFilter): number | null => (v === 'mine' ? (counts?.mine ?? null) : v === 'unanswered' ? (counts?.unanswered ?? null) : null);
  const toggleDnd = (): void => {
    // Ask the browser once, on a click, as browsers require (host mode); Electron notifies natively.
    if (!window.desk && 'Notification' in window && Notification.permission === 'default') void Notification.requestPermission();
    void setDnd(!dnd);
  };

  return (
    <header className="conv-list-head">
      <div className="conv-title-row">
        <div className="conv-title">
          <h1>{t('list.title')}</h1>
          <span className="muted" data-testid="waiting-count">{t('list.waiting', { count: counts?.unanswered ?? 0 })}</span>
        </div>
        <span className="spacer" />
        <button className={`icon-button${dnd ? ' on' : ''}`} onClick={toggleDnd} aria-pressed={dnd} title={dnd ? t('dnd.on') : t('dnd.off')} data-testid="dnd-toggle">
          <Icon name={dnd ? 'bellOff' : 'bell'} size={17} />
        </button>
        <button className="icon-button" onClick={onNewPatient} title={t('newPatient.title')} data-testid="new-patient">
          <Icon name="userPlus" size={17} />
        </button>
        <button className="icon-button" onClick={onShortcuts} title={t('shortcuts.title')} aria-label={t('shortcuts.title')}>
          <Icon name="keyboard" size={17} />
        </button>
      </div>
      <label className="search-box">
        <Icon name="search" size={16} />
        <input
          ref={searchRef}
          type="search"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              clear();
              e.currentTarget.blur();
            } else if (e.key === 'Enter') {
              // Enter opens the first result and leaves the box, so j/k walk on from there.
              const id = useSearch.getState().choose(0);
              if (id) {
                navigate(`/inbox/${id}`);
                e.currentTarget.blur();
              }
            }
          }}
          placeholder={t('search.placeholder')}
          aria-label={t('search.placeholder')}
          data-testid="inbox-search"
        />
        <kbd>/</kbd>
      </label>
      <div className="filter-row" role="group" aria-label={t('filters.label')}>
        {VIEWS.map((v) => (
          <button key={v} className={`chip${filter.view === v ? ' on' : ''}`} aria-pressed={filter.view === v} onClick={() => void setFilter({ view: v })} data-testid={`filter-${v}`}>
            {t(`filters.${v}`)}
            {viewCount(v) !== null ? <span className="chip-count">{viewCount(v)}</span> : null}
          </button>
        ))}
      </div>
      <div className="filter-row">
        <select value={filter.status} onChange={(e) => void setFilter({ status: e.target.value as StatusFilter })} aria-label={t('filters.status')} data-testid="filter-status">
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`filters.statuses.${s}`)}
              {counts && s !== 'active' && s !== 'all' ? ` (${counts[s]})` : ''}
            </option>
          ))}
        </select>
        <select
          value={filter.channel ?? ''}
          onChange={(e) => void setFilter({ channel: (e.target.value || null) as ChannelFilter })}
          aria-label={t('filters.channel')}
          data-testid="filter-channel"
        >
          <option value="">{t('filters.anyChannel')}</option>
          {CHANNELS.map((c) => (
            <option key={c} value={c}>
              {t(`filters.channels.${c}`)}
            </option>
          ))}
        </select>
      </div>
      {filter.period ? (
        <div className="filter-row">
          <PeriodChip period={filter.period} onClear={() => void setFilter({ period: null })} testId="inbox-period" />
        </div>
      ) : null}
    </header>
  );
});
