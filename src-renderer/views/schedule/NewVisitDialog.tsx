import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PractitionerBoard } from '../../../src-main/contract/appointments';
import { desk } from '../../api/client';
import { errorText } from '../../i18n/errors';
import { Dialog } from '../../components/Dialog';
import type { VisitType } from '../../../src-main/contract/agenda';
import { VisitTypeSelect } from './VisitTypeSelect';
import { VisitWhenFields } from './VisitWhenFields';

/** "2026-11-24" + "10:30" in the clinic's zone → epoch ms (the PC's own zone plays no part). */
export function clinicInstant(day: string, hhmm: string, timeZone: string): number {
  const [y, mo, d] = day.split('-').map(Number);
  const [h, mi] = hhmm.split(':').map(Number);
  const guess = Date.UTC(y!, mo! - 1, d!, h!, mi!);
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(guess)
      .map((p) => [p.type, p.value]),
  );
  const seen = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute));
  return guess - (seen - guess);
}

/** Books a visit at the desk: patient by name or phone, practitioner, day, time, length. */
export function NewVisitDialog(props: { day: string; timeZone: string; practitioners: PractitionerBoard[]; practitionerId: number | null; onClose(): void; onCreated(): void }) {
  const { t } = useTranslation('agenda');
  const [query, setQuery] = useState('');
  const [matches, setMatches] = useState<{ patientId: number; name: string; phone: string | null }[]>([]);
  const [patientId, setPatientId] = useState<number | null>(null);
  const [practitionerId, setPractitionerId] = useState<number | null>(props.practitionerId ?? props.practitioners[0]?.id ?? null);
  const [day, setDay] = useState(props.day);
  const [time, setTime] = useState('09:00');
  const [minutes, setMinutes] = useState(30);
  const [type, setType] = useState('');
  const [error, setError] = useState<string | null>(null);
  /** The clinic's visit types (Settings → Visit loop); free text while it has none. */
  const [types, setTypes] = useState<VisitType[]>([]);
  useEffect(() => {
    void desk.call('visitTypes.list', {}).then((r) => setTypes(r.visitTypes.filter((x) => x.active)));
  }, []);

  useEffect(() => {
    if (query.trim() === '' || patientId !== null) return;
    let live = true;
    void desk.call('agenda.findPatients', { query }).then((r) => live && setMatches(r.patients));
    return () => {
      live = false;
    };
  }, [query, patientId]);

  const create = async (): Promise<void> => {
    if (patientId === null || practitionerId === null) return setError(t('newVisit.pickPatient'));
    try {
      const startsAt = clinicInstant(day, time, props.timeZone);
      await desk.call('appointments.create', { patientId, practitionerId, startsAt, endsAt: startsAt + minutes * 60_000, type });
      props.onCreated();
    } catch (e) {
      setError(errorText(e));
    }
  };

  return (
    <Dialog
      title={t('newVisit.title')}
      onClose={props.onClose}
      testId="new-visit-dialog"
      footer={
        <>
          <button onClick={() => void create()} disabled={patientId === null} data-testid="new-visit-create">
            {t('newVisit.create')}
          </button>
          <button className="secondary" onClick={props.onClose}>
            {t('newVisit.cancel')}
          </button>
        </>
      }
    >
      <form
        className="new-visit"
        onSubmit={(e) => {
          e.preventDefault();
          void create();
        }}
      >
        <label>
          {t('newVisit.patient')}
          <input
            autoFocus
            value={query}
            placeholder={t('newVisit.patientPlaceholder')}
            onChange={(e) => {
              setQuery(e.target.value);
              setPatientId(null);
            }}
            data-testid="new-visit-patient"
          />
        </label>
        {patientId === null && query.trim() !== '' ? (
          <ul className="new-visit-matches" role="listbox">
            {matches.length === 0 ? <li className="muted">{t('newVisit.noMatch')}</li> : null}
            {matches.map((m) => (
              <li key={m.patientId}>
                <button
                  type="button"
                  className="linkish"
                  onClick={() => {
                    setPatientId(m.patientId);
                    setQuery(m.name);
                  }}
                  data-testid={`new-visit-match-${m.patientId}`}
                >
                  {m.name} {m.phone ? <span className="muted">{m.phone}</span> : null}
                </button>
              </li>
            ))}
          </ul>
        ) : null}
        <label>
          {t('newVisit.practitioner')}
          <select value={practitionerId ?? ''} onChange={(e) => setPractitionerId(Number(e.target.value))} data-testid="new-visit-practitioner">
            {props.practitioners.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        <VisitWhenFields day={day} time={time} minutes={minutes} onDay={setDay} onTime={setTime} onMinutes={setMinutes} testIdPrefix="new-visit" />
        <label>
          {t('newVisit.type')}
          {types.length > 0 ? (
            <VisitTypeSelect value={type} types={types} onChange={setType} onMinutes={setMinutes} testId="new-visit-type" />
          ) : (
            <input value={type} onChange={(e) => setType(e.target.value)} data-testid="new-visit-type" />
          )}
        </label>
        {error ? (
          <div className="error" role="alert">
            {error}
          </div>
        ) : null}
        <button type="submit" hidden />
      </form>
    </Dialog>
  );
}
