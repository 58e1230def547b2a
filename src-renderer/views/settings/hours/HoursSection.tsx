import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { HoursView } from '../../../../src-main/contract/templates';
import { desk } from '../../../api/client';
import { clinicDay, formatDate, locale } from '../../../i18n/format';
import '../../templates/templates.css';
import './hours.css';
import { SaveBar, useSaveStatus } from '../../../components/SaveBar';
import { serverNow } from '../../../api/serverClock';
import { DateField } from '../../../components/datetime';

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
const COUNTRIES = ['IT', 'PL'] as const;
type Draft = Pick<HoursView, 'weekly' | 'publicHolidays' | 'closures'>;

/** The clinic's wall clock, whatever the zone of the PC or browser showing it. */
const inClinicZone = (t: number, timeZone: string): string =>
  new Intl.DateTimeFormat(locale(), { weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }).format(t);

/** Opening periods per weekday, the built-in public holidays (Italy, Poland) and the clinic's own closures. */
export function HoursSection() {
  const { t } = useTranslation('templates');
  const [view, setView] = useState<HoursView | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const { status, setStatus, run } = useSaveStatus();

  useEffect(() => {
    void desk.call('hours.get', {}).then((v) => {
      setView(v);
      setDraft({ weekly: v.weekly, publicHolidays: v.publicHolidays, closures: v.closures });
    });
  }, []);
  if (!view || !draft) return null;

  const setDay = (day: (typeof WEEKDAYS)[number], ranges: Draft['weekly']['mon']) => {
    setDraft({ ...draft, weekly: { ...draft.weekly, [day]: ranges } });
    setStatus(null);
  };
  const save = async (e: FormEvent) => {
    e.preventDefault();
    await run(async () => setView(await desk.call('hours.save', draft)), t('settings:saved'));
  };
  const today = clinicDay(serverNow()); // the clinic's day, not UTC's (they differ after midnight in Rome)
  const upcoming = view.holidays.filter((h) => h.date >= today).slice(0, 6);

  return (
    <form onSubmit={save} data-testid="hours-form">
      <h2>{t('hours.title')}</h2>
      <p className="section-intro">{t('hours.intro', { variable: '{{clinic.hours}}', zone: view.timeZone })}</p>
      <p className={`hours-now ${view.openNow ? 'open' : 'closed'}`} data-testid="hours-now">
        {view.openNow ? t('hours.openNow') : view.nextOpening ? t('hours.closedNow', { when: inClinicZone(view.nextOpening, view.timeZone) }) : t('hours.closedNoOpening')}
      </p>

      <section className="card">
        <table className="hours-week">
          <tbody>
            {WEEKDAYS.map((day) => {
              const ranges = draft.weekly[day];
              return (
                <tr key={day} data-testid={`hours-${day}`}>
                  <th scope="row">{t(`hours.weekdays.${day}`)}</th>
                  <td>
                    {ranges.length === 0 ? <span className="muted">{t('hours.closed')}</span> : null}
                    {ranges.map((r, i) => (
                      <span key={i} className="hours-range">
                        <input className="hhmm" inputMode="numeric" pattern="([01][0-9]|2[0-3]):[0-5][0-9]|24:00" maxLength={5} placeholder="08:00" value={r.from} aria-label={`${t(`hours.weekdays.${day}`)} ${t('hours.from')}`} onChange={(e) => setDay(day, ranges.map((x, j) => (j === i ? { ...x, from: e.target.value } : x)))} />
                        <span className="muted">–</span>
                        <input className="hhmm" inputMode="numeric" pattern="([01][0-9]|2[0-3]):[0-5][0-9]|24:00" maxLength={5} placeholder="19:00" value={r.to} aria-label={`${t(`hours.weekdays.${day}`)} ${t('hours.to')}`} onChange={(e) => setDay(day, ranges.map((x, j) => (j === i ? { ...x, to: e.target.value } : x)))} />
                        <button type="button" className="link-button" onClick={() => setDay(day, ranges.filter((_, j) => j !== i))} aria-label={t('hours.removePeriod')} title={t('hours.removePeriod')}>
                          ×
                        </button>
                      </span>
                    ))}
                    <button
                      type="button"
                      className="link-button add"
                      onClick={() => setDay(day, [...ranges, ranges.length === 0 ? { from: '09:00', to: '13:00' } : { from: '14:00', to: '18:00' }])}
                    >
                      + {t('hours.addPeriod')}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>

      <section className="card">
        <h3>{t('hours.publicHolidays')}</h3>
        <div className="hours-countries">
          {COUNTRIES.map((c) => (
            <label key={c} className="tpl-check">
              <input
                type="checkbox"
                checked={draft.publicHolidays.includes(c)}
                onChange={(e) => setDraft({ ...draft, publicHolidays: e.target.checked ? [...draft.publicHolidays, c] : draft.publicHolidays.filter((x) => x !== c) })}
                data-testid={`holidays-${c}`}
              />
              <span>{t(`hours.country.${c}`)}</span>
            </label>
          ))}
        </div>
        {upcoming.length > 0 ? (
          <>
            <p className="muted">{t('hours.upcoming')}:</p>
            <ul className="hours-holidays">
              {upcoming.map((h) => (
                <li key={`${h.country}-${h.date}`}>
                  <span>{formatDate(Date.parse(`${h.date}T12:00:00Z`))}</span> <strong>{h.name}</strong> <span className="muted">({h.country})</span>
                </li>
              ))}
            </ul>
          </>
        ) : null}

      </section>

      <section className="card">
        <h3>{t('hours.closures')}</h3>
        <p className="muted">{t('hours.closuresHint')}</p>
        {draft.closures.length === 0 ? <p className="muted">{t('hours.noClosures')}</p> : null}
        {draft.closures.map((c, i) => {
          const set = (patch: Partial<typeof c>) => setDraft({ ...draft, closures: draft.closures.map((x, j) => (j === i ? { ...x, ...patch } : x)) });
          return (
            <div key={i} className="hours-closure">
              <label>
                {t('hours.closureFrom')} <DateField value={c.from} onChange={(v) => set({ from: v })} label={t('hours.closureFrom')} />
              </label>
              <label>
                {t('hours.closureTo')} <DateField value={c.to} onChange={(v) => set({ to: v })} label={t('hours.closureTo')} />
              </label>
              <label className="grow">
                {t('hours.closureLabel')} <input value={c.label} maxLength={120} onChange={(e) => set({ label: e.target.value })} />
              </label>
              <button type="button" className="btn" onClick={() => setDraft({ ...draft, closures: draft.closures.filter((_, j) => j !== i) })}>
                {t('hours.removeClosure')}
              </button>
            </div>
          );
        })}
        <button type="button" className="btn" onClick={() => setDraft({ ...draft, closures: [...draft.closures, { from: today, to: today, label: '' }] })} data-testid="closure-add">
          + {t('hours.addClosure')}
        </button>
      </section>

      <SaveBar label={t('settings:save')} testId="hours-save" status={status} />
    </form>
  );
}
