import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../components/Icon';

/** A value shown as text; click (or Enter on it) to edit, Enter or leaving saves, Escape cancels. */
export function InlineText({ value, placeholder, onSave, testId, multiline = false, display }: { value: string; placeholder: string; onSave(v: string): Promise<void>; testId: string; multiline?: boolean; display?: (v: string) => string }) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(value);
  useEffect(() => setDraft(value), [value]);
  const commit = async (): Promise<void> => {
    setEditing(false);
    if (draft.trim() !== value.trim()) {
      try {
        await onSave(draft.trim());
      } catch {
        setDraft(value);
      }
    }
  };
  if (!editing) {
    return (
      <button className={`inline-value${value ? '' : ' empty'}${multiline ? ' multiline' : ''}`} onClick={() => setEditing(true)} data-testid={testId}>
        <span>{value ? (display ? display(value) : value) : placeholder}</span>
        <Icon name="pencil" size={12} />
      </button>
    );
  }
  const common = {
    autoFocus: true,
    value: draft,
    placeholder,
    'data-testid': `${testId}-input`,
    onBlur: () => void commit(),
    onKeyDown: (e: React.KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>) => {
      if (e.key === 'Escape') {
        setDraft(value);
        setEditing(false);
      } else if (e.key === 'Enter' && (!multiline || e.ctrlKey || e.metaKey)) {
        e.preventDefault();
        void commit();
      }
    },
  };
  return multiline ? (
    <textarea className="inline-input" rows={4} {...common} onChange={(e) => setDraft(e.target.value)} />
  ) : (
    <input className="inline-input" {...common} onChange={(e) => setDraft(e.target.value)} />
  );
}

/** Tags as chips; type and Enter to add, × to remove. */
export function TagEditor({ tags, onChange }: { tags: string[]; onChange(tags: string[]): Promise<void> }) {
  const { t } = useTranslation('inbox');
  const [draft, setDraft] = useState('');
  const add = async (): Promise<void> => {
    const tag = draft.trim();
    if (!tag || tags.includes(tag)) return setDraft('');
    await onChange([...tags, tag]);
    setDraft('');
  };
  return (
    <div className="tags" data-testid="patient-tags">
      {tags.map((tag) => (
        <span key={tag} className="tag">
          {tag}
          <button className="link-button" onClick={() => void onChange(tags.filter((x) => x !== tag))} aria-label={t('patient.removeTag', { tag })}>
            <Icon name="close" size={11} />
          </button>
        </span>
      ))}
      <input
        className="tag-input"
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            void add();
          }
        }}
        placeholder={t('patient.addTag')}
        data-testid="patient-tag-input"
      />
    </div>
  );
}

/** Adds a phone number or a WhatsApp number to the patient. */
export function AddNumber({ onAdd }: { onAdd(phone: string, kind: 'phone' | 'whatsapp'): Promise<void> }) {
  const { t } = useTranslation('inbox');
  const [open, setOpen] = useState(false);
  const [phone, setPhone] = useState('');
  const [kind, setKind] = useState<'phone' | 'whatsapp'>('phone');
  if (!open) {
    return (
      <button className="link-button add-link" onClick={() => setOpen(true)} data-testid="patient-add-number">
        <Icon name="plus" size={13} /> {t('patient.addNumber')}
      </button>
    );
  }
  return (
    <form
      className="add-number"
      onSubmit={(e) => {
        e.preventDefault();
        void onAdd(phone, kind).then(() => {
          setPhone('');
          setOpen(false);
        });
      }}
    >
      <input autoFocus value={phone} onChange={(e) => setPhone(e.target.value)} placeholder="+39 333 123 4567" data-testid="patient-new-number" />
      <select value={kind} onChange={(e) => setKind(e.target.value as 'phone' | 'whatsapp')} aria-label={t('patient.numberKind')}>
        <option value="phone">{t('patient.kinds.phone')}</option>
        <option value="whatsapp">{t('patient.kinds.whatsapp')}</option>
      </select>
      <button type="submit" className="primary small" disabled={!phone.trim()}>
        {t('patient.add')}
      </button>
      <button type="button" className="link-button" onClick={() => setOpen(false)} aria-label={t('dialog.cancel')}>
        <Icon name="close" size={13} />
      </button>
    </form>
  );
}
