import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SaveBar, useSaveStatus } from '../../../components/SaveBar';
import type { VisitLoopSettings } from './VisitLoopSection';

type Rules = Omit<VisitLoopSettings, 'texts'>;

/** Notices on/off, reminder rules, sending and reply windows, feedback. */
export function RulesForm(props: { settings: VisitLoopSettings; canEdit: boolean; onSave(next: VisitLoopSettings): Promise<void> }) {
  const { t } = useTranslation('visit-loop-settings');
  const [r, setR] = useState<Rules>(props.settings);
  const status = useSaveStatus();
  useEffect(() => setR(props.settings), [props.settings]);

  const hours = (h: number, on: boolean): void => {
    const set = new Set(r.reminders.hoursBefore);
    if (on) set.add(h);
    else set.delete(h);
    if (set.size > 0) setR({ ...r, reminders: { ...r.reminders, hoursBefore: [...set].sort((a, b) => a - b) } });
  };
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    void status.run(() => props.onSave({ ...props.settings, ...r }), t('saved'));
  };
  const check = (label: string, checked: boolean, on: (v: boolean) => void, testId: string) => (
    <label className="inline">
      <input type="checkbox" checked={checked} disabled={!props.canEdit} onChange={(e) => on(e.target.checked)} data-testid={testId} /> {label}
    </label>
  );
  const n = r.notices;
  return (
    <form className="card" onSubmit={submit} data-testid="visit-loop-rules">
      <fieldset disabled={!props.canEdit}>
        <h3>{t('notices.title')}</h3>
        <div className="rules-checks">
          {check(t('notices.bookingConfirmation'), n.bookingConfirmation, (v) => setR({ ...r, notices: { ...n, bookingConfirmation: v } }), 'rule-booking')}
          {check(t('notices.reschedule'), n.reschedule, (v) => setR({ ...r, notices: { ...n, reschedule: v } }), 'rule-reschedule')}
          {check(t('notices.cancellation'), n.cancellation, (v) => setR({ ...r, notices: { ...n, cancellation: v } }), 'rule-cancellation')}
        </div>
        <h3>{t('reminders.title')}</h3>
        <div className="form-grid">
          <span>{t('reminders.when')}</span>
          <div className="rules-checks">
            {check(t('reminders.enabled'), r.reminders.enabled, (v) => setR({ ...r, reminders: { ...r.reminders, enabled: v } }), 'rule-reminders')}
            {check(t('reminders.h24'), r.reminders.hoursBefore.includes(24), (v) => hours(24, v), 'rule-24h')}
            {check(t('reminders.h48'), r.reminders.hoursBefore.includes(48), (v) => hours(48, v), 'rule-48h')}
          </div>
          <label htmlFor="rule-skip">{t('reminders.skip')}</label>
          <input id="rule-skip" type="number" min={0} max={168} value={r.reminders.skipIfBookedWithinHours} onChange={(e) => setR({ ...r, reminders: { ...r.reminders, skipIfBookedWithinHours: Number(e.target.value) } })} />
          <span>{t('window.sending')}</span>
          <div className="quiet-hours">
            <input type="time" aria-label={t('window.from')} value={r.sendingWindow.from} onChange={(e) => setR({ ...r, sendingWindow: { ...r.sendingWindow, from: e.target.value } })} data-testid="rule-window-from" />
            <span>–</span>
            <input type="time" aria-label={t('window.to')} value={r.sendingWindow.to} onChange={(e) => setR({ ...r, sendingWindow: { ...r.sendingWindow, to: e.target.value } })} />
          </div>
          <label htmlFor="rule-reply">{t('window.reply')}</label>
          <input
            id="rule-reply"
            type="number"
            min={1}
            max={336}
            placeholder={t('window.untilVisit')}
            value={r.replies.windowHours ?? ''}
            onChange={(e) => setR({ ...r, replies: { ...r.replies, windowHours: e.target.value === '' ? null : Number(e.target.value) } })}
          />
          <span />
          {check(t('window.acknowledge'), r.replies.acknowledge, (v) => setR({ ...r, replies: { ...r.replies, acknowledge: v } }), 'rule-ack')}
        </div>
        <h3>{t('feedback.title')}</h3>
        <div className="form-grid">
          <span />
          {check(t('feedback.enabled'), r.feedback.enabled, (v) => setR({ ...r, feedback: { ...r.feedback, enabled: v } }), 'rule-feedback')}
          <label htmlFor="rule-fb-delay">{t('feedback.delay')}</label>
          <input id="rule-fb-delay" type="number" min={0} max={72} step={0.5} value={r.feedback.hoursAfter} onChange={(e) => setR({ ...r, feedback: { ...r.feedback, hoursAfter: Number(e.target.value) } })} />
          <label htmlFor="rule-fb-low">{t('feedback.low')}</label>
          <input id="rule-fb-low" type="number" min={1} max={5} value={r.feedback.lowScoreAtMost} onChange={(e) => setR({ ...r, feedback: { ...r.feedback, lowScoreAtMost: Number(e.target.value) } })} data-testid="rule-low-score" />
          <label htmlFor="rule-fb-review-from">{t('feedback.reviewFrom')}</label>
          <input id="rule-fb-review-from" type="number" min={1} max={5} value={r.feedback.reviewFromScore} onChange={(e) => setR({ ...r, feedback: { ...r.feedback, reviewFromScore: Number(e.target.value) } })} />
          <label htmlFor="rule-fb-url">{t('feedback.reviewUrl')}</label>
          <input id="rule-fb-url" type="url" maxLength={300} placeholder="https://g.page/r/…/review" value={r.feedback.reviewUrl} onChange={(e) => setR({ ...r, feedback: { ...r.feedback, reviewUrl: e.target.value } })} />
        </div>
      </fieldset>
      {props.canEdit ? <SaveBar label={t('save')} testId="visit-loop-rules-save" status={status.status} /> : null}
    </form>
  );
}
