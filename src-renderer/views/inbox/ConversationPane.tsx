import { useTranslation } from 'react-i18next';
import { useInbox } from '../../stores/inboxStore';
import { Composer } from './Composer';
import { Timeline } from './Timeline';

export function ConversationPane() {
  const { t } = useTranslation('inbox');
  const open = useInbox((s) => s.open)!;
  const { conversation, patient, timeline } = open;
  const lastInbound = [...timeline].reverse().find((i) => i.type === 'message' && i.direction === 'in' && (i.channel === 'whatsapp' || i.channel === 'sms'));
  const defaultChannel = lastInbound && lastInbound.type === 'message' && lastInbound.channel === 'whatsapp' ? 'whatsapp' : (patient.preferredChannel ?? 'sms');
  return (
    <section className="conversation" aria-label={conversation.patientName}>
      <header className="conversation-head">
        <div>
          <h2 data-testid="conversation-title">{conversation.patientName}</h2>
          <span className="muted">{patient.phones[0]?.display ?? ''}</span>
        </div>
        <span className={`status-pill ${conversation.status}`}>{t(`conversationStatus.${conversation.status}`)}</span>
      </header>
      <Timeline items={timeline} />
      <Composer key={conversation.id} defaultChannel={defaultChannel} canWhatsApp={patient.whatsapp.length > 0 || patient.phones.length > 0} />
    </section>
  );
}
