import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConversationSummary } from '../../../src-main/contract/inbox';
import { Icon } from '../../components/Icon';
import { formatDateTime, locale } from '../../i18n/format';
import { useInbox } from '../../stores/inboxStore';
import { toZonedInput, fromZonedInput } from './snoozeTimes';
import { DateTimeField } from '../../components/datetime';
import { snoozePresets, type SnoozePreset } from '../../../src-main/domain/hours/snoozePresets';
import type { HoursView } from '../../../src-main/contract/templates';
import { desk } from '../../api/client';
import { serverNow } from '../../api/serverClock';
import { errorText } from '../../i18n/errors';
import { markDoneWithUndo, snoozeWithUndo } from './undoableStatus';

/** Done / waiting on patient / snooze (with a time picker) / reopen, and assignment, for the open conversation. */
export function StatusActions({ conversation }: { conversation: ConversationSummary }) {
  const { t } = useTranslation('inbox');
  const setStatus = useInbox((s) => s.setStatus);
  const assign = useInbox((s) => s.assign);
  const users = useInbox((s) => s.users);
  const me = useInbox((s) => s.me);
  const snoozeOpen = useInbox((s) => s.snoozeOpen);
  const closed = conversation.status === 'done' || conversation.status === 'snoozed';
  const people = [...new Set([me, ...users, ...(conversation.assignedTo ? [conversation.assignedTo] : [])])].filter(Boolean);

  return (
    <div className="status-actions">
      <span className={`status-pill ${conversation.status}`} data-testid="conversation-status" data-status={conversation.status}>
        {conversation.status === 'snoozed' && conversation.snoozedUntil
          ? t('list.snoozedUntil', { time: formatDateTime(conversation.snoozedUntil) })
          : t(`conversationStatus.${conversation.status}`)}
      </span>
      <select
        className="assign-select"
        value={conversation.assignedTo ?? ''}
        onChange={(e) => void assign(e.target.value || null)}
        aria-label={t('actions.assign')}
        data-testid="assign-select"
      >
        <option value="">{t('actions.unassigned')}</option>
        {people.map((u) => (
          <option key={u} value={u}>
            {u === me ? t('actions.me', { name: u }) : u}
          </option>
        ))}
      </select>
      {closed ? (
        <button className="tool-button" onClick={() => void setStatus('open')} data-testid="action-reopen" title={t('actions.reopen')}>
          <Icon name="retry" size={15} /> {t('actions.reopen')}
        </button>
      ) : null}
      {conversation.status === 'open' ? (
        <button className="tool-button" onClick={() => void setStatus('waiting')} data-testid="action-waiting" title={t('actions.waiting')}>
          <Icon name="hourglass" size={15} /> {t('actions.waitingShort')}
        </button>
      ) : null}
      {conversation.status !== 'snoozed' ? (
        <button className="tool-button" onClick={() => useInbox.setState({ snoozeOpen: !snoozeOpen })} data-testid="action-snooze" title={`${t('actions.snooze')} (s)`}>
          <Icon name="clock" size={15} /> {t('actions.snooze')}
        </button>
      ) : null}
      {conversation.status !== 'done' ? (
        <button className="tool-button primary-soft" onClick={() => void markDoneWithUndo().catch(() => undefined)} data-testid="action-done" title={`${t('actions.done')} (e)`}>
          <Icon name="doneAll" size={15} /> {t('actions.done')}
        </button>
      ) : null}
      {snoozeOpen ? <SnoozeMenu onClose={() => useInbox.setState({ snoozeOpen: false })} /> : null}
    </div>
  );
}

/** The clinic's calendar, fetched when the menu opens; the last copy shows at once on the next open. */
let lastHours: HoursView | null = null;

/** "sab 28 nov, 10:00" in the clinic's zone, 24-hour. */
const inClinicZone = (t: number, timeZone: string): string =>
  new Intl.DateTimeFormat(locale(), { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }).format(t);

const weekdayName = (t: number, timeZone: string): string => {
  const day = new Intl.DateTimeFormat(locale(), { weekday: 'long', timeZone }).format(t);
  return day.charAt(0).toLocaleUpperCase(locale()) + day.slice(1);
};

function SnoozeMenu({ onClose }: { onClose(): void }) {
  const { t } = useTranslation('inbox');
  const now = serverNow();
  const [hours, setHours] = useState<HoursView | null>(lastHours);
  const zone = hours?.timeZone ?? null;
  const [custom, setCustom] = useState(() => (lastHours ? toZonedInput(now + 2 * 3600_000, lastHours.timeZone) : ''));
  const [error, setError] = useState<string | null>(null);
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => first.current?.focus(), [zone]);
  useEffect(() => {
    let alive = true;
    desk.call('hours.get', {}).then(
      (v) => {
        lastHours = v;
        if (!alive) return;
        setHours(v);
        setCustom((c) => c || toZonedInput(serverNow() + 2 * 3600_000, v.timeZone));
      },
      (err: unknown) => alive && setError(errorText(err)),
    );
    return () => {
      alive = false;
    };
  }, []);

  const presets: SnoozePreset[] = hours ? snoozePresets(now, hours) : [];
  const label = (p: SnoozePreset): string =>
    p.key === 'nextOpening' || p.key === 'nextWeek' ? t(`snooze.${p.key}`, { day: weekdayName(p.at, zone ?? 'UTC') }) : t(`snooze.${p.key}`);

  const pick = async (until: number): Promise<void> => {
    if (!Number.isFinite(until) || until <= serverNow()) {
      setError(t('snooze.future'));
      return;
    }
    try {
      await snoozeWithUndo(until);
      onClose();
    } catch (err) {
      setError(errorText(err));
    }
  };

  return (
    <div
      className="popover snooze-menu"
      role="dialog"
      aria-label={t('actions.snooze')}
      data-testid="snooze-menu"
      onKeyDown={(e) => {
        if (e.key === 'Escape') onClose();
        // ↑↓ walk the choices (and the time field), Home/End jump, like any menu.
        // The date-time field's own arrows step its segments and its calendar.
        if (['ArrowDown', 'ArrowUp', 'Home', 'End'].includes(e.key) && !(e.target as Element).closest('.dt-field, .dt-popover')) {
          const box = e.currentTarget;
          const items = [...box.querySelectorAll<HTMLElement>('.menu-item'), box.querySelector<HTMLElement>('.snooze-custom [role="spinbutton"]'), box.querySelector<HTMLElement>('.snooze-custom button[type=submit]')].filter((el) => el !== null);
          const at = items.indexOf(document.activeElement as HTMLElement);
          const next = e.key === 'Home' ? 0 : e.key === 'End' ? items.length - 1 : (at + (e.key === 'ArrowDown' ? 1 : -1) + items.length) % items.length;
          if (document.activeElement?.tagName === 'INPUT' && (e.key === 'Home' || e.key === 'End')) return;
          e.preventDefault();
          items[next]?.focus();
        }
      }}
    >
      {presets.map((p, i) => (
        <button key={p.key} ref={i === 0 ? first : undefined} className="menu-item" onClick={() => void pick(p.at)} data-testid={`snooze-${p.key}`} data-at={p.at}>
          <span>{label(p)}</span>
          <span className="muted">{inClinicZone(p.at, zone ?? 'UTC')}</span>
        </button>
      ))}
      <form
        className="snooze-custom"
        onSubmit={(e) => {
          e.preventDefault();
          void pick(zone ? fromZonedInput(custom, zone) : NaN);
        }}
      >
        <label>
          <span className="muted">{zone ? t('snooze.untilIn', { zone }) : t('snooze.until')}</span>
          <DateTimeField value={custom} onChange={setCustom} label={zone ? t('snooze.untilIn', { zone }) : t('snooze.until')} testId="snooze-custom" />
        </label>
        <button type="submit" className="primary small" data-testid="snooze-custom-apply">
          {t('actions.snooze')}
        </button>
      </form>
      {error ? <p className="error" role="alert">{error}</p> : null}
    </div>
  );
}
