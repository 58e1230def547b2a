import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VisitAction } from '../../../src-main/contract/appointments';
import { Icon } from '../../components/Icon';
import { clinicDate, clinicTime, LOCALES } from './clinicTime';
import { DelayPreviewDialog } from './DelayPreviewDialog';
import { ImportDialog } from './ImportDialog';
import { PractitionerColumn } from './PractitionerColumn';
import { useSchedule } from './scheduleStore';
import { AgendaNav, shiftDay } from './AgendaNav';
import { NewVisitDialog } from './NewVisitDialog';
import { RemindersDialog } from './RemindersDialog';
import { ACTIONS_BY_STATUS } from './VisitRow';
import { EditVisitDialog } from './EditVisitDialog';
import { WeekView } from './WeekView';
import type { ScheduleRoute } from './schedulePath';
import { useScheduleRoute } from './scheduleRoute';
import type { BoardVisit } from '../../../src-main/contract/appointments';
import './schedule.css';

const todayOf = (now: number, timeZone: string): string => new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);

const typing = (e: KeyboardEvent): boolean => {
  const el = e.target as HTMLElement | null;
  return !!el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable);
};

/** The day board: each practitioner's visits with check-in / start / end / no-show, the delay box and the preview. */
export function ScheduleView(props: { route: ScheduleRoute }) {
  const { t, i18n } = useTranslation('schedule');
  useScheduleRoute(props.route);
  const [creating, setCreating] = useState(false);
  const [reminders, setReminders] = useState(false);
  const s = useSchedule();
  const [selected, setSelected] = useState<number | null>(null);
  const [importing, setImporting] = useState(false);
  /** The visit in the edit dialog, with the practitioner it belongs to. */
  const [editing, setEditing] = useState<{ visit: BoardVisit; practitionerId: number } | null>(null);
  const board = s.board;
  const week = s.view === 'week' ? s.week : null;
  const dialogOpen = importing || creating || reminders || editing !== null;
  const editById = (id: number): void => {
    for (const p of board?.practitioners ?? []) {
      const visit = p.visits.find((v) => v.id === id);
      if (visit) return setEditing({ visit, practitionerId: p.id });
    }
  };

  useEffect(() => {
    // The first load follows the address (useScheduleRoute). The derived delay grows with the clock even when nobody clicks.
    const timer = setInterval(() => void useSchedule.getState().load(), 30_000);
    return () => clearInterval(timer);
  }, []);

  // Once, when the day first shows: each column scrolled to where the day is now, not to 8 o'clock.
  const hasBoard = board !== null;
  useEffect(() => {
    if (!hasBoard) return;
    for (const p of useSchedule.getState().board?.practitioners ?? []) {
      const now = p.visits.find((v) => v.phase === 'in_visit' || v.phase === 'waiting');
      const row = now ? document.querySelector<HTMLElement>(`[data-testid="visit-${now.id}"]`) : null;
      const list = row?.closest<HTMLElement>('.visits');
      // Scroll the column itself (scrollIntoView would also move the board and the other columns).
      if (row && list) list.scrollTop = row.offsetTop - 4; // .visits is the offsetParent
    }
  }, [hasBoard]);

  const columns = useMemo(() => board?.practitioners.map((p) => p.visits.map((v) => v.id)) ?? [], [board]);
  const where = useCallback((id: number | null): [number, number] => {
    for (const [c, ids] of columns.entries()) {
      const r = id === null ? -1 : ids.indexOf(id);
      if (r >= 0) return [c, r];
    }
    return [-1, -1];
  }, [columns]);

  useEffect(() => {
    /** The agenda's keys: move (Alt+↑/↓, 15 min), cancel (X), new visit (A), days ([ ] T). */
    const agendaKey = (e: KeyboardEvent, c: number, r: number): boolean => {
      const visit = c >= 0 ? board?.practitioners[c]?.visits[r] : undefined;
      if (e.altKey && (e.key === 'ArrowUp' || e.key === 'ArrowDown')) {
        e.preventDefault();
        if (visit && (visit.status === 'booked' || visit.status === 'confirmed')) {
          const step = (e.key === 'ArrowUp' ? -15 : 15) * 60_000;
          void s.move(visit.id, visit.startsAt + step, visit.endsAt + step);
        }
        return true;
      }
      if (e.altKey) return false;
      const key = e.key.toLowerCase();
      if (key === 'w') {
        e.preventDefault();
        const col = board?.practitioners[Math.max(c, 0)];
        void s.setView(s.view === 'week' ? 'day' : 'week', col?.id);
        return true;
      }
      if (e.key === 'Enter' && visit) {
        e.preventDefault();
        setEditing({ visit, practitionerId: board!.practitioners[c]!.id });
        return true;
      }
      if (key === 'x' && visit && ['booked', 'confirmed', 'checked_in'].includes(visit.status)) {
        e.preventDefault();
        void s.act(visit.id, 'cancel').then(() => s.setAgendaFlash('cancelled'));
        return true;
      }
      if (key === 'a') {
        e.preventDefault();
        setCreating(true);
        return true;
      }
      if ((e.key === '[' || e.key === ']') && board) {
        e.preventDefault();
        void s.setDay(shiftDay(board.day, (e.key === '[' ? -1 : 1) * (s.view === 'week' ? 7 : 1)));
        return true;
      }
      if (key === 't') {
        e.preventDefault();
        void s.setDay(null);
        return true;
      }
      return false;
    };
    const onKey = (e: KeyboardEvent): void => {
      if (typing(e) || e.ctrlKey || e.metaKey || useSchedule.getState().preview || dialogOpen || !board) return;
      if (s.view === 'week') {
        // The week view handles selection, moves, edit and cancel itself; the agenda's keys stay here.
        if (!e.altKey && !e.key.startsWith('Arrow') && e.key !== 'Enter' && e.key.toLowerCase() !== 'x') agendaKey(e, -1, -1);
        return;
      }
      const [c, r] = where(selected);
      if (agendaKey(e, c, r)) return;
      if (e.altKey) return;
      const firstUpcoming = (col: number): number | null => {
        const p = board.practitioners[col];
        return p?.visits.find((v) => v.phase === 'waiting' || v.phase === 'in_visit')?.id ?? p?.visits[0]?.id ?? null;
      };
      const key = e.key.toLowerCase();
      if (key === 'arrowdown' || key === 'j' || key === 'arrowup' || key === 'k') {
        e.preventDefault();
        if (c < 0) return setSelected(firstUpcoming(0));
        const ids = columns[c]!;
        const next = key === 'arrowdown' || key === 'j' ? Math.min(r + 1, ids.length - 1) : Math.max(r - 1, 0);
        setSelected(ids[next] ?? null);
        document.querySelector(`[data-testid="visit-${ids[next]}"]`)?.scrollIntoView({ block: 'nearest' });
        return;
      }
      if (key === 'arrowright' || key === 'arrowleft' || key === 'l' || key === 'h') {
        e.preventDefault();
        const n = board.practitioners.length;
        const col = c < 0 ? 0 : (c + (key === 'arrowright' || key === 'l' ? 1 : n - 1)) % n;
        return setSelected(firstUpcoming(col));
      }
      if (key === 'd' || key === 'p') {
        const col = Math.max(c, 0);
        const p = board.practitioners[col];
        if (!p) return;
        e.preventDefault();
        if (key === 'p') void s.openPreview(p.id);
        else (document.querySelector(`[data-delay-input="${p.id}"]`) as HTMLInputElement | null)?.focus();
        return;
      }
      if (c < 0) return;
      const visit = board.practitioners[c]!.visits[r]!;
      const hit = ACTIONS_BY_STATUS[visit.status].find((a) => a.key === key);
      if (hit) {
        e.preventDefault();
        void s.act(visit.id, hit.action);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [board, columns, selected, where, s, dialogOpen]);

  if (!board) return <div className="schedule-loading muted">{s.error ?? t('board.loading')}</div>;
  const locale = LOCALES[i18n.language] ?? 'en-GB';
  const late = board.practitioners.filter((p) => p.currentDelayMinutes >= 5).length;
  const isToday = s.day === null || s.day === todayOf(board.now, board.timeZone);
  const dayNoon = Date.parse(`${board.day}T12:00:00Z`);

  return (
    <div className="schedule" data-testid="schedule-view">
      <header className="schedule-head">
        <div>
          <h1>{isToday ? t('board.title') : t('agenda:titleOtherDay')}</h1>
          <div className="muted" data-testid="agenda-day" data-day={board.day}>
            {isToday ? (
              <>
                {clinicDate(board.now, board.timeZone, locale)} · {clinicTime(board.now, board.timeZone, locale)} ·{' '}
                {late === 0 ? t('board.allOnTime') : t('board.someLate', { count: late })}
              </>
            ) : (
              clinicDate(dayNoon, board.timeZone, locale)
            )}
          </div>
          <AgendaNav day={board.day} isToday={isToday} onDay={(d) => void s.setDay(d)} />
          <div className="view-toggle" role="group" aria-label={t('agenda:view.label')}>
            <button className={s.view === 'day' ? 'primary small' : 'secondary small'} aria-pressed={s.view === 'day'} onClick={() => void s.setView('day')} data-testid="view-day">
              {t('agenda:view.day')}
            </button>
            <button
              className={s.view === 'week' ? 'primary small' : 'secondary small'}
              aria-pressed={s.view === 'week'}
              onClick={() => void s.setView('week', s.weekPractitionerId ?? board.practitioners[Math.max(where(selected)[0], 0)]?.id)}
              data-testid="view-week"
            >
              {t('agenda:view.week')}
            </button>
            {s.view === 'week' ? (
              <select
                aria-label={t('agenda:view.practitioner')}
                value={s.weekPractitionerId ?? ''}
                onChange={(e) => void s.setView('week', Number(e.target.value))}
                data-testid="week-practitioner"
              >
                {board.practitioners.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </select>
            ) : null}
          </div>
        </div>
        <div className="schedule-head-actions">
          {s.flash ? (
            <span className="flash" role="status" data-testid="schedule-flash">
              {s.flash.kind === 'sent' ? t('flash.sent', { count: s.flash.count }) : s.flash.kind === 'auto' ? t('flash.auto') : t('flash.nothing')}
            </span>
          ) : null}
          {s.agendaFlash ? (
            <span className="flash" role="status" data-testid="agenda-flash">
              {t(`agenda:flash.${s.agendaFlash}`)}
            </span>
          ) : null}
          <button className="secondary" onClick={() => setCreating(true)} data-testid="open-new-visit">
            <Icon name="plus" size={16} /> {t('agenda:newVisit.open')}
          </button>
          <button className="secondary" onClick={() => setReminders(true)} data-testid="open-reminders">
            <Icon name="bell" size={16} /> {t('reminders:open')}
          </button>
          <button className="secondary" onClick={() => setImporting(true)} data-testid="open-import">
            <Icon name="calendar" size={16} /> {t('import.open')}
          </button>
          <button className="secondary" onClick={() => window.open('#/waiting-room', '_blank')} data-testid="open-waiting-room">
            <Icon name="tv" size={16} /> {t('board.waitingRoom')}
          </button>
        </div>
      </header>
      {s.error ? (
        <div className="schedule-error error" role="alert" data-testid="schedule-error">
          {s.error}
        </div>
      ) : null}
      {week ? (
        <WeekView
          week={week}
          locale={locale}
          selectedId={selected}
          keysActive={!dialogOpen && !s.preview}
          onSelect={setSelected}
          onEdit={(visit) => setEditing({ visit, practitionerId: week.practitionerId })}
          onMove={(visit, startsAt, endsAt) => void s.move(visit.id, startsAt, endsAt)}
          onCancel={(visit) => void s.act(visit.id, 'cancel').then(() => s.setAgendaFlash('cancelled'))}
        />
      ) : (
      <div className="board" style={{ gridTemplateColumns: `repeat(${Math.max(board.practitioners.length, 1)}, minmax(300px, 1fr))` }}>
        {board.practitioners.length === 0 ? <div className="muted empty-day">{t('board.noPractitioners')}</div> : null}
        {board.practitioners.map((p) => (
          <PractitionerColumn
            key={p.id}
            practitioner={p}
            timeZone={board.timeZone}
            selectedId={selected}
            busy={s.busy}
            onSelect={setSelected}
            onAction={(id, a: VisitAction) => void s.act(id, a)}
            onAnnounce={(m) => void s.announce(p.id, m)}
            onPreview={() => void s.openPreview(p.id)}
            onAutomatic={(on) => void s.setAutomatic(p.id, on)}
            onEdit={editById}
            onDropVisit={(id, after) => {
              const visit = board.practitioners.flatMap((x) => x.visits).find((v) => v.id === id);
              if (!visit) return;
              const target = after === null ? null : p.visits.find((v) => v.id === after);
              // Onto a visit: right after it; elsewhere in the column: the same time with this practitioner.
              const startsAt = target ? target.endsAt : visit.startsAt;
              void s.move(id, startsAt, startsAt + (visit.endsAt - visit.startsAt), p.id);
            }}
          />
        ))}
      </div>
      )}
      <footer className="schedule-keys muted">
        {t('board.keys')} · {t('agenda:keys')} · {t('agenda:keysWeek')}
      </footer>
      {creating ? (
        <NewVisitDialog
          day={board.day}
          timeZone={board.timeZone}
          practitioners={board.practitioners}
          practitionerId={board.practitioners[Math.max(where(selected)[0], 0)]?.id ?? null}
          onClose={() => setCreating(false)}
          onCreated={() => {
            setCreating(false);
            s.setAgendaFlash('created');
            void s.load();
          }}
        />
      ) : null}
      {editing ? (
        <EditVisitDialog
          visit={editing.visit}
          practitionerId={editing.practitionerId}
          timeZone={board.timeZone}
          practitioners={board.practitioners}
          onClose={() => setEditing(null)}
          onSaved={(rescheduled) => {
            setEditing(null);
            s.setAgendaFlash(rescheduled ? 'moved' : 'saved');
            void s.load();
          }}
        />
      ) : null}
      {reminders ? <RemindersDialog day={shiftDay(todayOf(board.now, board.timeZone), 1)} timeZone={board.timeZone} onClose={() => setReminders(false)} /> : null}
      {importing ? <ImportDialog timeZone={board.timeZone} onClose={() => setImporting(false)} onImported={() => void s.load()} /> : null}
      {s.preview ? <DelayPreviewDialog preview={s.preview} timeZone={board.timeZone} busy={s.busy} stale={s.stale} onConfirm={() => void s.confirm()} onClose={s.closePreview} /> : null}
    </div>
  );
}
