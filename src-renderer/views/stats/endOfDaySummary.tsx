/**
 * The optional end-of-day summary on the main desk: once the clinic's day is over (after 20:00 clinic time), the
 * desk that opted in shows one notification with the day's key figures; clicking it opens the day's statistics.
 * Opt-in per desk (this browser or window), remembered locally; at most one a day.
 */
import i18next from 'i18next';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { desk } from '../../api/client';
import { serverNow } from '../../api/serverClock';
import { useRouter } from '../../app/router';
import { useApp } from '../../stores/appStore';
import { formatDuration } from './statsFormat';

const KEY = 'clinic-desk.stats.endOfDay';
const SHOWN_KEY = 'clinic-desk.stats.endOfDayShown';
/** Clinic-local hour after which the day counts as over. */
export const SUMMARY_HOUR = 20;

export const endOfDayEnabled = (): boolean => localStorage.getItem(KEY) === '1';

export function EndOfDayToggle() {
  const { t } = useTranslation('stats');
  const [on, setOn] = useState(endOfDayEnabled());
  const toggle = async (next: boolean) => {
    if (next && 'Notification' in window && Notification.permission === 'default') await Notification.requestPermission();
    localStorage.setItem(KEY, next ? '1' : '0');
    setOn(next);
  };
  return (
    <label className="end-of-day" title={t('endOfDay.hint')}>
      <input type="checkbox" checked={on} onChange={(e) => void toggle(e.target.checked)} data-testid="end-of-day-toggle" />
      {t('endOfDay.label')}
    </label>
  );
}

function clinicClock(now: number, timeZone: string): { date: string; hour: number } {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', hourCycle: 'h23' }).formatToParts(now);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return { date: `${get('year')}-${get('month')}-${get('day')}`, hour: Number(get('hour')) };
}

/** Mounted once by the desk (App); does nothing unless this desk opted in. */
export function useEndOfDaySummary(): void {
  const timeZone = useApp((s) => s.info?.settings.timeZone);
  useEffect(() => {
    if (!timeZone) return;
    const check = async () => {
      if (!endOfDayEnabled() || !('Notification' in window) || Notification.permission !== 'granted') return;
      const { date, hour } = clinicClock(serverNow(), timeZone);
      if (hour < SUMMARY_HOUR || localStorage.getItem(SHOWN_KEY) === date) return;
      localStorage.setItem(SHOWN_KEY, date);
      const r = await desk.call('stats.daySummary', { date });
      const contacts = r.daily.reduce((n, d) => n + d.contactsIn, 0);
      const body = i18next.t('stats:endOfDay.body', {
        contacts,
        frt: formatDuration(r.responsiveness.frt.medianMs),
        unanswered: r.responsiveness.noResponse,
        missed: r.phone.neverCalledBack,
      });
      const n = new Notification(i18next.t('stats:endOfDay.title'), { body, tag: `stats-${date}` });
      n.onclick = () => {
        window.focus();
        useRouter.getState().navigate(`/stats/${date}`);
      };
    };
    void check();
    const timer = window.setInterval(() => void check(), 5 * 60_000);
    return () => window.clearInterval(timer);
  }, [timeZone]);
}
