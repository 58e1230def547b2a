import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { NoticePolicyDto, Practitioner } from '../../../src-main/contract/appointments';
import { desk } from '../../api/client';
import { FormStatus, SaveBar } from '../../components/SaveBar';
import './schedule.css';
import { errorText } from '../../i18n/errors';
import { TimeField } from '../../components/datetime';

type Status = { ok: boolean; text: string } | null;
const NEW: Omit<Practitioner, 'id'> = { name: '', room: null, colour: '#2563eb', visitMinutes: 30, active: true };

/** Settings → Appointments and delays: the practitioners and the rules for delay notices. */
export function DelaySettingsSection() {
  const { t } = useTranslation('schedule');
  const [policy, setPolicy] = useState<NoticePolicyDto | null>(null);
  const [people, setPeople] = useState<Practitioner[]>([]);
  const [draft, setDraft] = useState<Omit<Practitioner, 'id'> & { id?: number }>(NEW);
  const [policyStatus, setPolicyStatus] = useState<Status>(null);
  const [peopleStatus, setPeopleStatus] = useState<Status>(null);

  const reload = async (): Promise<void> => {
    const [p, list] = await Promise.all([desk.call('delays.policy', {}), desk.call('practitioners.list', {})]);
    setPolicy(p);
    setPeople(list.practitioners);
  };
  useEffect(() => {
    reload().catch((e) => setPolicyStatus({ ok: false, text: errorText(e) }));
  }, []);

  const savePolicy = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    if (!policy) return;
    try {
      setPolicy(await desk.call('delays.setPolicy', policy));
      setPolicyStatus({ ok: true, text: t('settings.saved') });
    } catch (err) {
      setPolicyStatus({ ok: false, text: errorText(err) });
    }
  };
  const savePerson = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    try {
      await desk.call('practitioners.save', { ...draft, room: draft.room || null });
      setDraft(NEW);
      setPeopleStatus({ ok: true, text: t('settings.saved') });
      await reload();
    } catch (err) {
      setPeopleStatus({ ok: false, text: errorText(err) });
    }
  };
  if (!policy) return policyStatus ? <p className="error">{policyStatus.text}</p> : null;

  return (
    <div className="delay-settings">
      <form onSubmit={savePolicy} data-testid="notice-policy">
        <h2>{t('settings.title')}</h2>
        <p className="section-intro">{t('settings.intro')}</p>
        <div className="card">
          <div className="form-grid">
            <label htmlFor="policy-threshold">{t('settings.threshold')}</label>
            <input id="policy-threshold" type="number" min={5} max={120} value={policy.thresholdMinutes} onChange={(e) => setPolicy({ ...policy, thresholdMinutes: Number(e.target.value) })} />
            <label htmlFor="policy-cap">{t('settings.cap')}</label>
            <input id="policy-cap" type="number" min={1} max={10} value={policy.capPerPatientPerDay} onChange={(e) => setPolicy({ ...policy, capPerPatientPerDay: Number(e.target.value) })} />
            <label htmlFor="policy-quiet">{t('settings.quiet')}</label>
            <div className="quiet-hours">
              <input
                id="policy-quiet"
                type="checkbox"
                checked={policy.quietHours !== null}
                onChange={(e) => setPolicy({ ...policy, quietHours: e.target.checked ? { from: '21:00', to: '07:00' } : null })}
              />
              {policy.quietHours ? (
                <>
                  <TimeField label={t('settings.quietFrom')} value={policy.quietHours.from} onChange={(v) => setPolicy({ ...policy, quietHours: { ...policy.quietHours!, from: v } })} />
                  <span>–</span>
                  <TimeField label={t('settings.quietTo')} value={policy.quietHours.to} onChange={(v) => setPolicy({ ...policy, quietHours: { ...policy.quietHours!, to: v } })} />
                </>
              ) : (
                <span className="muted">{t('settings.quietOff')}</span>
              )}
            </div>
          </div>
          <SaveBar label={t('settings.save')} testId="policy-save" status={policyStatus} />
        </div>
      </form>

      <form onSubmit={savePerson} className="practitioner-settings card" data-testid="practitioners">
        <h3>{t('settings.practitioners')}</h3>
        <table className="practitioner-table">
          <thead>
            <tr>
              <th>{t('settings.name')}</th>
              <th>{t('settings.room')}</th>
              <th>{t('settings.colour')}</th>
              <th>{t('settings.visitMinutes')}</th>
              <th>{t('settings.active')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {people.map((p) => (
              <tr key={p.id} className={p.active ? '' : 'muted'}>
                <td>
                  <span className="colour-dot" style={{ background: p.colour }} /> {p.name}
                </td>
                <td>{p.room ?? '—'}</td>
                <td>{p.colour}</td>
                <td>{p.visitMinutes}′</td>
                <td>{p.active ? t('settings.yes') : t('settings.no')}</td>
                <td>
                  <button type="button" className="link-button" onClick={() => setDraft(p)}>
                    {t('settings.edit')}
                  </button>
                </td>
              </tr>
            ))}
            <tr className="practitioner-draft">
              <td>
                <input aria-label={t('settings.name')} value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} placeholder={t('settings.namePlaceholder')} required maxLength={120} />
              </td>
              <td>
                <input aria-label={t('settings.room')} value={draft.room ?? ''} onChange={(e) => setDraft({ ...draft, room: e.target.value })} maxLength={60} />
              </td>
              <td>
                <input aria-label={t('settings.colour')} type="color" value={draft.colour} onChange={(e) => setDraft({ ...draft, colour: e.target.value })} />
              </td>
              <td>
                <input aria-label={t('settings.visitMinutes')} type="number" min={5} max={240} value={draft.visitMinutes} onChange={(e) => setDraft({ ...draft, visitMinutes: Number(e.target.value) })} />
              </td>
              <td>
                <input aria-label={t('settings.active')} type="checkbox" checked={draft.active} onChange={(e) => setDraft({ ...draft, active: e.target.checked })} />
              </td>
              <td>
                <button type="submit" className="btn primary" data-testid="practitioner-save">
                  {draft.id ? t('settings.update') : t('settings.add')}
                </button>
              </td>
            </tr>
          </tbody>
        </table>
        <FormStatus status={peopleStatus} />
      </form>
    </div>
  );
}
