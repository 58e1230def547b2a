import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Room, VisitType } from '../../../../src-main/contract/agenda';
import { desk } from '../../../api/client';
import { FormStatus, useSaveStatus } from '../../../components/SaveBar';

/** The clinic's rooms and visit types (with their usual length), as the edit dialog offers them. */
export function CatalogPanel({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation('visit-loop-settings');
  const [rooms, setRooms] = useState<Room[]>([]);
  const [types, setTypes] = useState<VisitType[]>([]);
  const [room, setRoom] = useState<{ id?: number; name: string; active: boolean }>({ name: '', active: true });
  const [type, setType] = useState<{ id?: number; name: string; minutes: number; active: boolean }>({ name: '', minutes: 30, active: true });
  const roomStatus = useSaveStatus();
  const typeStatus = useSaveStatus();

  const reload = async (): Promise<void> => {
    const [r, v] = await Promise.all([desk.call('rooms.list', {}), desk.call('visitTypes.list', {})]);
    setRooms(r.rooms);
    setTypes(v.visitTypes);
  };
  useEffect(() => void reload(), []);

  const saveRoom = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    if (await roomStatus.run(() => desk.call('rooms.save', room), t('saved'))) {
      setRoom({ name: '', active: true });
      await reload();
    }
  };
  const saveType = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    if (await typeStatus.run(() => desk.call('visitTypes.save', type), t('saved'))) {
      setType({ name: '', minutes: 30, active: true });
      await reload();
    }
  };

  return (
    <div className="catalog card">
      <form onSubmit={saveRoom} data-testid="rooms-form">
        <h3>{t('rooms.title')}</h3>
        <ul className="catalog-list">
          {rooms.map((r) => (
            <li key={r.id} className={r.active ? '' : 'muted'}>
              {r.name} {r.active ? null : <span>({t('inactive')})</span>}
              {canEdit ? (
                <button type="button" className="link-button" onClick={() => setRoom(r)}>
                  {t('edit')}
                </button>
              ) : null}
            </li>
          ))}
          {rooms.length === 0 ? <li className="muted">{t('rooms.none')}</li> : null}
        </ul>
        {canEdit ? (
          <div className="catalog-row">
            <input aria-label={t('rooms.name')} placeholder={t('rooms.name')} value={room.name} maxLength={60} required onChange={(e) => setRoom({ ...room, name: e.target.value })} data-testid="room-name" />
            <label className="inline">
              <input type="checkbox" checked={room.active} onChange={(e) => setRoom({ ...room, active: e.target.checked })} /> {t('active')}
            </label>
            <button type="submit" className="btn primary" data-testid="room-save">
              {room.id ? t('update') : t('add')}
            </button>
            <FormStatus status={roomStatus.status} />
          </div>
        ) : null}
      </form>
      <form onSubmit={saveType} data-testid="visit-types-form">
        <h3>{t('types.title')}</h3>
        <ul className="catalog-list">
          {types.map((v) => (
            <li key={v.id} className={v.active ? '' : 'muted'}>
              {v.name} · {t('types.minutesShort', { count: v.minutes })} {v.active ? null : <span>({t('inactive')})</span>}
              {canEdit ? (
                <button type="button" className="link-button" onClick={() => setType(v)}>
                  {t('edit')}
                </button>
              ) : null}
            </li>
          ))}
          {types.length === 0 ? <li className="muted">{t('types.none')}</li> : null}
        </ul>
        {canEdit ? (
          <div className="catalog-row">
            <input aria-label={t('types.name')} placeholder={t('types.name')} value={type.name} maxLength={200} required onChange={(e) => setType({ ...type, name: e.target.value })} data-testid="visit-type-name" />
            <input aria-label={t('types.minutes')} type="number" min={5} max={480} step={5} value={type.minutes} onChange={(e) => setType({ ...type, minutes: Number(e.target.value) })} />
            <label className="inline">
              <input type="checkbox" checked={type.active} onChange={(e) => setType({ ...type, active: e.target.checked })} /> {t('active')}
            </label>
            <button type="submit" className="btn primary" data-testid="visit-type-save">
              {type.id ? t('update') : t('add')}
            </button>
            <FormStatus status={typeStatus.status} />
          </div>
        ) : null}
      </form>
    </div>
  );
}
