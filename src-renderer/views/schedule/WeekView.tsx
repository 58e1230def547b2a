import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgendaWeek } from '../../../src-main/contract/agenda';
import type { BoardVisit } from '../../../src-main/contract/appointments';
import { clinicMinuteOfDay, clinicTime } from './clinicTime';
import { clinicInstant } from './NewVisitDialog';
import { overlappingVisits } from './overlaps';
import { dragData, MOVABLE, readDrag } from './visitDrag';

const PX_PER_MIN = 1;
const SNAP = 15;
const MIN = 60_000;

const hhmm = (minute: number): string => `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;

/** The hours the grid shows: the clinic's usual day, widened to every visit of the week. */
export function gridHours(week: AgendaWeek): { from: number; to: number } {
  let from = 8 * 60;
  let to = 19 * 60;
  for (const d of week.days) {
    for (const v of d.visits) {
      from = Math.min(from, Math.floor(clinicMinuteOfDay(v.startsAt, week.timeZone) / 60) * 60);
      to = Math.max(to, Math.ceil((clinicMinuteOfDay(v.startsAt, week.timeZone) + (v.endsAt - v.startsAt) / MIN) / 60) * 60);
    }
  }
  return { from, to: Math.min(to, 24 * 60) };
}

/**
 * One practitioner's week: seven day columns, each visit a block placed by its time. Keys: arrows select,
 * Alt+↑/↓ move 15 min, Alt+←/→ move a day, Enter edit, X cancel. A block dragged to another time or day is
 * moved there (snapped to 15 minutes); double bookings are marked.
 */
export function WeekView(props: {
  week: AgendaWeek;
  locale: string;
  selectedId: number | null;
  keysActive: boolean;
  onSelect(id: number): void;
  onEdit(visit: BoardVisit): void;
  onMove(visit: BoardVisit, startsAt: number, endsAt: number): void;
  onCancel(visit: BoardVisit): void;
}) {
  const { t } = useTranslation('agenda');
  const { week } = props;
  const { from, to } = gridHours(week);
  const height = (to - from) * PX_PER_MIN;
  const overlaps = useMemo(() => new Set(week.days.flatMap((d) => [...overlappingVisits(d.visits)])), [week]);
  const selected = useRef(props.selectedId);
  selected.current = props.selectedId;

  useEffect(() => {
    if (!props.keysActive) return;
    const where = (): [number, number] => {
      for (const [c, d] of week.days.entries()) {
        const r = d.visits.findIndex((v) => v.id === selected.current);
        if (r >= 0) return [c, r];
      }
      return [-1, -1];
    };
    const onKey = (e: KeyboardEvent): void => {
      const el = e.target as HTMLElement | null;
      if (el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT') || e.ctrlKey || e.metaKey) return;
      const [c, r] = where();
      const visit = c >= 0 ? week.days[c]!.visits[r] : undefined;
      const arrow = e.key.startsWith('Arrow');
      if (e.altKey && arrow) {
        e.preventDefault();
        if (!visit || !MOVABLE.has(visit.status)) return;
        const step = e.key === 'ArrowUp' ? -SNAP * MIN : e.key === 'ArrowDown' ? SNAP * MIN : 0;
        if (step !== 0) return props.onMove(visit, visit.startsAt + step, visit.endsAt + step);
        const days = e.key === 'ArrowLeft' ? -1 : 1;
        const target = week.days[c + days]?.day;
        if (!target) return;
        const startsAt = clinicInstant(target, clinicTime(visit.startsAt, week.timeZone), week.timeZone);
        return props.onMove(visit, startsAt, startsAt + (visit.endsAt - visit.startsAt));
      }
      if (e.altKey) return;
      if (arrow) {
        e.preventDefault();
        if (e.key === 'ArrowUp' || e.key === 'ArrowDown') {
          const col = Math.max(c, week.days.findIndex((d) => d.visits.length > 0));
          const ids = week.days[col]?.visits ?? [];
          const next = c < 0 ? 0 : Math.max(0, Math.min(ids.length - 1, r + (e.key === 'ArrowDown' ? 1 : -1)));
          if (ids[next]) props.onSelect(ids[next].id);
          return;
        }
        const dir = e.key === 'ArrowRight' ? 1 : -1;
        for (let col = (c < 0 ? -1 : c) + dir; col >= 0 && col < 7; col += dir) {
          const first = week.days[col]!.visits[0];
          if (first) return props.onSelect(first.id);
        }
        return;
      }
      if (!visit) return;
      if (e.key === 'Enter') {
        e.preventDefault();
        props.onEdit(visit);
      } else if (e.key.toLowerCase() === 'x' && ['booked', 'confirmed', 'checked_in'].includes(visit.status)) {
        e.preventDefault();
        props.onCancel(visit);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [week, props]);

  const drop = (day: string, e: React.DragEvent<HTMLDivElement>): void => {
    const d = readDrag(e);
    if (!d) return;
    e.preventDefault();
    const visit = week.days.flatMap((x) => x.visits).find((v) => v.id === d.id);
    if (!visit) return;
    const top = e.clientY - e.currentTarget.getBoundingClientRect().top - d.grabY;
    const minute = Math.max(0, Math.min(24 * 60 - SNAP, from + Math.round(top / PX_PER_MIN / SNAP) * SNAP));
    const startsAt = clinicInstant(day, hhmm(minute), week.timeZone);
    if (startsAt !== visit.startsAt) props.onMove(visit, startsAt, startsAt + (visit.endsAt - visit.startsAt));
  };

  const weekday = new Intl.DateTimeFormat(props.locale, { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' });
  return (
    <div className="week" data-testid="week-view" data-practitioner={week.practitionerId} tabIndex={0} role="region" aria-label={t('view.week')}>
      <div className="week-gutter" style={{ height }}>
        {Array.from({ length: (to - from) / 60 }, (_, i) => (
          <div key={i} className="week-hour" style={{ top: i * 60 * PX_PER_MIN }}>
            {hhmm(from + i * 60)}
          </div>
        ))}
      </div>
      {week.days.map((d) => (
        <section key={d.day} className="week-day" data-testid={`week-day-${d.day}`}>
          <h3>{weekday.format(Date.parse(`${d.day}T12:00:00Z`))}</h3>
          <div
            className="week-slots"
            style={{ height, backgroundSize: `100% ${60 * PX_PER_MIN}px` }}
            onDragOver={(e) => e.preventDefault()}
            onDrop={(e) => drop(d.day, e)}
            data-testid={`week-slots-${d.day}`}
          >
            {d.visits.map((v) => {
              const top = (clinicMinuteOfDay(v.startsAt, week.timeZone) - from) * PX_PER_MIN;
              const h = Math.max(18, ((v.endsAt - v.startsAt) / MIN) * PX_PER_MIN);
              const movable = MOVABLE.has(v.status);
              return (
                <div
                  key={v.id}
                  className={`week-visit ${v.status}${props.selectedId === v.id ? ' selected' : ''}${overlaps.has(v.id) ? ' overlap' : ''}`}
                  style={{ top, height: h }}
                  draggable={movable}
                  onDragStart={(e) => dragData(e, v.id)}
                  onClick={() => props.onSelect(v.id)}
                  onDoubleClick={() => props.onEdit(v)}
                  data-testid={`week-visit-${v.id}`}
                  data-status={v.status}
                  aria-current={props.selectedId === v.id ? 'true' : undefined}
                  title={`${clinicTime(v.startsAt, week.timeZone)} ${v.patientName}${v.type ? ` · ${v.type}` : ''}${v.room ? ` · ${v.room}` : ''}`}
                >
                  <span className="week-visit-time">{clinicTime(v.startsAt, week.timeZone)}</span> {v.patientName || t('noPatient')}
                  {overlaps.has(v.id) ? (
                    <span className="week-overlap" data-testid="double-booking">
                      {t('overlap')}
                    </span>
                  ) : null}
                </div>
              );
            })}
          </div>
        </section>
      ))}
    </div>
  );
}
