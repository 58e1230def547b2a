import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PractitionerBoard, VisitAction } from '../../../src-main/contract/appointments';
import { VisitRow } from './VisitRow';
import { overlappingVisits } from './overlaps';
import { readDrag } from './visitDrag';

const QUICK = [10, 15, 25, 30];

/** One practitioner's day: the delay box (announce, preview, automatic) and the visits with their buttons. */
export function PractitionerColumn(props: {
  practitioner: PractitionerBoard;
  timeZone: string;
  selectedId: number | null;
  busy: boolean;
  onSelect(id: number): void;
  onAction(id: number, a: VisitAction): void;
  onAnnounce(minutes: number): void;
  onPreview(): void;
  onAutomatic(on: boolean): void;
  onEdit(id: number): void;
  /** A visit dropped here: after the visit it was dropped on, or at its own time when dropped elsewhere in the column. */
  onDropVisit(id: number, afterVisitId: number | null): void;
}) {
  const overlaps = overlappingVisits(props.practitioner.visits);
  const { t } = useTranslation('schedule');
  const p = props.practitioner;
  const [minutes, setMinutes] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const delayed = p.currentDelayMinutes >= 5;

  const submit = (raw: string): void => {
    const n = Number(raw.replace(/^\+/, '').trim());
    if (!/^\+?\d{1,3}$/.test(raw.trim()) || n > 240) {
      setProblem(t('delay.invalid'));
      return;
    }
    setProblem(null);
    setMinutes('');
    props.onAnnounce(n);
  };

  return (
    <section
      className="practitioner"
      style={{ ['--pcolour' as string]: p.colour }}
      data-testid={`practitioner-${p.id}`}
      onDragOver={(e) => e.preventDefault()}
      onDrop={(e) => {
        const d = readDrag(e);
        if (!d) return;
        e.preventDefault();
        const on = (e.target as HTMLElement).closest<HTMLElement>('[data-visit-id]');
        const after = on ? Number(on.dataset.visitId) : null;
        if (after !== d.id) props.onDropVisit(d.id, after);
      }}
    >
      <header className="practitioner-head">
        <div>
          <h2>{p.name}</h2>
          <div className="muted">{p.room ?? ''}</div>
        </div>
        <div className={`delay-pill ${delayed ? 'late' : 'ok'}`} data-testid="current-delay">
          {delayed ? t('delay.pill', { minutes: p.currentDelayMinutes }) : t('delay.onTime')}
          {p.announcedMinutes !== null ? <small>{t('delay.announced')}</small> : delayed ? <small>{t('delay.derived')}</small> : null}
        </div>
      </header>
      <div className="delay-box">
        <form
          className="delay-form"
          onSubmit={(e) => {
            e.preventDefault();
            submit(minutes);
          }}
        >
          <label className="sr-only" htmlFor={`delay-${p.id}`}>
            {t('delay.label', { name: p.name })}
          </label>
          <input
            id={`delay-${p.id}`}
            className="delay-input"
            inputMode="numeric"
            placeholder={t('delay.placeholder')}
            value={minutes}
            onChange={(e) => setMinutes(e.target.value)}
            data-testid="delay-input"
            data-delay-input={p.id}
          />
          <button className="primary small" type="submit" disabled={props.busy || minutes.trim() === ''} data-testid="delay-announce">
            {t('delay.announce')}
          </button>
        </form>
        <div className="quick-delays">
          {QUICK.map((m) => (
            <button key={m} className="chip" disabled={props.busy} onClick={() => props.onAnnounce(m)} data-testid={`quick-${m}`}>
              +{m}
            </button>
          ))}
          {p.announcedMinutes !== null ? (
            <button className="chip" disabled={props.busy} onClick={() => props.onAnnounce(0)} data-testid="delay-clear">
              {t('delay.clear')}
            </button>
          ) : null}
        </div>
        {problem ? <div className="error small">{problem}</div> : null}
        <div className="delay-tools">
          <button className="link-button" onClick={props.onPreview} disabled={props.busy} data-testid="delay-preview">
            {t('delay.preview')}
          </button>
          <label className="auto-toggle" title={t('delay.automaticHint')}>
            <input type="checkbox" checked={p.automatic} onChange={(e) => props.onAutomatic(e.target.checked)} data-testid="delay-automatic" />
            {t('delay.automatic')}
          </label>
        </div>
      </div>
      {p.visits.length === 0 ? (
        <div className="muted empty-day">{t('board.noVisits')}</div>
      ) : (
        <ol className="visits">
          {p.visits.map((v) => (
            <VisitRow
              key={v.id}
              visit={v}
              timeZone={props.timeZone}
              selected={props.selectedId === v.id}
              busy={props.busy}
              onSelect={() => props.onSelect(v.id)}
              onAction={(a) => props.onAction(v.id, a)}
              onEdit={() => props.onEdit(v.id)}
              overlap={overlaps.has(v.id)}
            />
          ))}
        </ol>
      )}
    </section>
  );
}
