import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { desk } from '../../api/client';
import { useRouter } from '../../app/router';
import { useInbox } from '../../stores/inboxStore';
import { ConversationList } from './ConversationList';
import { ConversationPane } from './ConversationPane';
import { PatientPanel } from './PatientPanel';

export function InboxView({ conversationId }: { conversationId: number | null }) {
  const { t } = useTranslation('inbox');
  const loadList = useInbox((s) => s.loadList);
  const openConversation = useInbox((s) => s.openConversation);
  const open = useInbox((s) => s.open);
  const navigate = useRouter((s) => s.navigate);

  useEffect(() => {
    void loadList();
  }, [loadList]);
  useEffect(() => {
    if (conversationId) void openConversation(conversationId);
  }, [conversationId, openConversation]);
  useEffect(() => desk.on('app.openConversation', ({ conversationId: id }) => navigate(`/inbox/${id}`)), [navigate]);

  return (
    <div className="inbox">
      <ConversationList selectedId={conversationId} />
      {open && conversationId === open.conversation.id ? (
        <>
          <ConversationPane />
          <PatientPanel patient={open.patient} />
        </>
      ) : (
        <div className="empty-pane">
          <p>{t('empty.pick')}</p>
        </div>
      )}
    </div>
  );
}
