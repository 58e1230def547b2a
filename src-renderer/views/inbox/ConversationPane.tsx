import { useInbox } from '../../stores/inboxStore';
import { Composer } from './Composer';
import { StatusActions } from './StatusActions';
import { Timeline } from './Timeline';

export function ConversationPane() {
  const open = useInbox((s) => s.open)!;
  const { conversation, patient, timeline } = open;
  // Reply on the channel the patient last wrote on; else their preferred one.
  const lastInbound = [...timeline].reverse().find((i) => i.type === 'message' && i.direction === 'in' && (i.channel === 'whatsapp' || i.channel === 'sms'));
  const defaultChannel = lastInbound && lastInbound.type === 'message' && lastInbound.channel === 'whatsapp' ? 'whatsapp' : lastInbound ? 'sms' : (patient.preferredChannel ?? 'sms');
  return (
    <section className="conversation" aria-label={conversation.patientName}>
      <header className="conversation-head">
        <div className="conversation-who">
          <h2 data-testid="conversation-title">{conversation.patientName}</h2>
          <span className="muted">{patient.phones[0]?.display ?? ''}</span>
        </div>
        <StatusActions conversation={conversation} />
      </header>
      <Timeline items={timeline} />
      <Composer key={conversation.id} conversationId={conversation.id} defaultChannel={defaultChannel} canWhatsApp={patient.whatsapp.length > 0 || patient.phones.length > 0} />
    </section>
  );
}
