import { useTranslation } from 'react-i18next';
import type { BoardVisit, VisitAction } from '../../../src-main/contract/appointments';
import { clinicTime } from './clinicTime';
import { dragData, MOVABLE } from './visitDrag';

/** The buttons each status offers, in the order the day goes; the key is the keyboard shortcut. */
export const ACTIONS_BY_STATUS: Record<BoardVisit['status'], { action: VisitAction; key: string }[]> = {
  booked: [{ action: 'check_in', key: 'c' }, { action: 'start', key: 's' }, { action: 'no_show', key: 'n' }],
  confirmed: [{ action: 'check_in', key: 'c' }, { action: 'start', key: 's' }, { action: 'no_show', key: 'n' }],
  checked_in: [{ action: 'start', key: 's' }, { action: 'undo', key: 'u' }],
  in_visit: [{ action: 'finish', key: 'e' }, { action: 'undo', key: 'u' }],
  done: [{ action: 'undo', key: 'u' }],
  no_show: [{ action: 'undo', key: 'u' }],
  cancelled: [{ action: 'undo', key: 'u' }],
};

export function VisitRow(props: { visit: BoardVisit; timeZone: string; selected: boolean; busy: boolean; onSelect(): void; onAction(a: VisitAction): void; onEdit?(): void; overlap?: boolean }) {
  const { t } = useTranslation('schedule');
  const v = props.visit;
  const late = v.phase === 'waiting' && v.delayMinutes >= 5;
  return (
    <li
      className={`visit ${v.status}${props.selected ? ' selected' : ''}`}
      onClick={props.onSelect}
      onDoubleClick={props.onEdit}
      draggable={MOVABLE.has(v.status)}
      onDragStart={(e) => dragData(e, v.id)}
      data-visit-id={v.id}
      data-testid={`visit-${v.id}`}
      data-status={v.status}
      aria-current={props.selected ? 'true' : undefined}
    >
      <div className="visit-time">
        <span className={late ? 'struck' : ''}>{clinicTime(v.startsAt, props.timeZone)}</span>
        {late ? (
          <span className="visit-eta" title={t('visit.etaTitle')}>
            {clinicTime(v.eta, props.timeZone)}
          </span>
        ) : null}
      </div>
      <div className="visit-body">
      <div className="visit-main">
        <div className="visit-name">
          {v.patientName || t('visit.noPatient')}
          {v.language ? <span className="lang-tag">{v.language.toUpperCase()}</span> : null}
        </div>
        <div className="visit-meta">
          <span className={`visit-status ${v.status}`}>{t(`status.${v.status}`)}</span>
          {v.type ? <span>{v.type}</span> : null}
          {props.overlap ? (
            <span className="late" data-testid="double-booking">
              {t('agenda:overlap')}
            </span>
          ) : null}
          {late ? <span className="late">{t('visit.late', { minutes: v.delayMinutes })}</span> : null}
          {v.noticesSent > 0 ? <span className="notices" data-testid="notices-sent">{t('visit.notices', { count: v.noticesSent })}</span> : null}
        </div>
      </div>
      <div className="visit-actions">
        {ACTIONS_BY_STATUS[v.status].map(({ action, key }) => (
          <button
            key={action}
            className={`visit-btn ${action}`}
            disabled={props.busy}
            onClick={(e) => {
              e.stopPropagation();
              props.onAction(action);
            }}
            title={t('shortcut', { key: key.toUpperCase() })}
            data-testid={`action-${action}`}
          >
            {t(`action.${action}`)}
          </button>
        ))}
      </div>
      </div>
    </li>
  );
}
