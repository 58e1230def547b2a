import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Room, VisitType } from '../../../src-main/contract/agenda';
import type { BoardVisit, PractitionerBoard } from '../../../src-main/contract/appointments';
import { desk } from '../../api/client';
import { Dialog } from '../../components/Dialog';
import { ErrorNotice } from '../../components/ErrorNotice';
import { clinicDay, clinicTime } from './clinicTime';
import { clinicInstant } from './NewVisitDialog';
import { VisitTypeSelect } from './VisitTypeSelect';
import { VisitWhenFields } from './VisitWhenFields';

/**
 * One visit's time, length, practitioner, room, visit type and notes. A new time or practitioner sends the
 * patient one reschedule notice (the server decides); the rest is the desk's own.
 */
export function EditVisitDialog(props: { visit: BoardVisit; practitionerId: number; timeZone: string; practitioners: PractitionerBoard[]; onClose(): void; onSaved(rescheduled: boolean): void }) {
  const { t } = useTranslation('agenda');
  const v = props.visit;
  const [day, setDay] = useState(clinicDay(v.startsAt, props.timeZone));
  const [time, setTime] = useState(clinicTime(v.startsAt, props.timeZone));
  const [minutes, setMinutes] = useState(Math.round((v.endsAt - v.startsAt) / 60_000));
  const [practitionerId, setPractitionerId] = useState(props.practitionerId);
  const [room, setRoom] = useState(v.room ?? '');
  const [type, setType] = useState(v.type);
  const [notes, setNotes] = useState(v.notes);
  const [rooms, setRooms] = useState<Room[]>([]);
  const [types, setTypes] = useState<VisitType[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void desk.call('rooms.list', {}).then((r) => setRooms(r.rooms.filter((x) => x.active || x.name === v.room)));
    void desk.call('visitTypes.list', {}).then((r) => setTypes(r.visitTypes.filter((x) => x.active || x.name === v.type)));
  }, [v.room, v.type]);

  const save = async (): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      const startsAt = clinicInstant(day, time, props.timeZone);
      const r = await desk.call('appointments.update', { appointmentId: v.id, startsAt, endsAt: startsAt + minutes * 60_000, practitionerId, room: room || null, type, notes });
      props.onSaved(r.rescheduled);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      title={t('edit.title')}
      subtitle={v.patientName || undefined}
      onClose={props.onClose}
      testId="edit-visit-dialog"
      footer={
        <>
          <button className="primary" onClick={() => void save()} disabled={busy} data-testid="edit-visit-save">
            {t('edit.save')}
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
          void save();
        }}
      >
        <VisitWhenFields day={day} time={time} minutes={minutes} onDay={setDay} onTime={setTime} onMinutes={setMinutes} />
        <label>
          {t('newVisit.practitioner')}
          <select value={practitionerId} onChange={(e) => setPractitionerId(Number(e.target.value))} data-testid="visit-practitioner">
            {props.practitioners.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        <div className="new-visit-row">
          <label>
            {t('edit.room')}
            <select value={room} onChange={(e) => setRoom(e.target.value)} data-testid="visit-room">
              <option value="">{t('edit.noRoom')}</option>
              {rooms.map((r) => (
                <option key={r.id} value={r.name}>
                  {r.name}
                </option>
              ))}
              {room && !rooms.some((r) => r.name === room) ? <option value={room}>{room}</option> : null}
            </select>
          </label>
          <label>
            {t('newVisit.type')}
            <VisitTypeSelect value={type} types={types} onChange={setType} onMinutes={setMinutes} testId="visit-type" />
          </label>
        </div>
        <label>
          {t('edit.notes')}
          <textarea rows={3} value={notes} maxLength={2000} onChange={(e) => setNotes(e.target.value)} data-testid="visit-notes" />
        </label>
        <p className="muted small">{t('edit.noticeHint')}</p>
        {error ? <ErrorNotice error={error} testId="edit-visit-error" /> : null}
        <button type="submit" hidden />
      </form>
    </Dialog>
  );
}
