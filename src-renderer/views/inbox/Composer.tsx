import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../components/Icon';
import { useInbox } from '../../stores/inboxStore';

type Channel = 'whatsapp' | 'sms';

export function Composer({ defaultChannel, canWhatsApp }: { defaultChannel: Channel; canWhatsApp: boolean }) {
  const { t } = useTranslation('inbox');
  const send = useInbox((s) => s.send);
  const error = useInbox((s) => s.error);
  const [text, setText] = useState('');
  const [channel, setChannel] = useState<Channel>(defaultChannel);
  const [busy, setBusy] = useState(false);

  const submit = async (): Promise<void> => {
    if (!text.trim() || busy) return;
    setBusy(true);
    try {
      await send(text, channel);
      setText('');
    } catch {
      // the store shows the error; the text stays so nothing typed is lost
    } finally {
      setBusy(false);
    }
  };
  const onKey = (e: KeyboardEvent<HTMLTextAreaElement>): void => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void submit();
    }
  };

  return (
    <div className="composer">
      <div className="composer-channels" role="radiogroup" aria-label={t('composer.channel')}>
        {(['whatsapp', 'sms'] as const).map((c) => (
          <button
            key={c}
            role="radio"
            aria-checked={channel === c}
            disabled={c === 'whatsapp' && !canWhatsApp}
            className={`chip ${c}${channel === c ? ' on' : ''}`}
            onClick={() => setChannel(c)}
            data-testid={`composer-channel-${c}`}
          >
            <Icon name={c} size={14} /> {t(`channel.${c}`)}
          </button>
        ))}
      </div>
      <div className="composer-box">
        <textarea
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={onKey}
          placeholder={t('composer.placeholder')}
          rows={3}
          data-testid="composer-input"
          aria-label={t('composer.placeholder')}
        />
        <button className="primary send" onClick={() => void submit()} disabled={!text.trim() || busy} data-testid="composer-send">
          <Icon name="send" size={16} /> {t('composer.send')}
        </button>
      </div>
      <div className="composer-foot">
        {error ? <span className="error" role="alert">{error}</span> : <span className="muted">{t('composer.hint')}</span>}
      </div>
    </div>
  );
}
