import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { desk } from '../../api/client';
import { useRouter } from '../../app/router';
import { errorText } from '../../i18n/errors';
import { useInbox, useSearch } from '../../stores/inboxStore';
import { ConversationList } from './ConversationList';
import { ConversationPane } from './ConversationPane';
import { InboxToolbar } from './InboxToolbar';
import { NewPatientDialog } from './NewPatientDialog';
import { PatientPanel } from './PatientPanel';
import { SearchResults } from './SearchResults';
import { ShortcutSheet } from './ShortcutSheet';
import { useBrowserNotifications } from './useBrowserNotifications';
import { useInboxKeys } from './useInboxKeys';
import './inbox.css';
import { CallbackStrip } from '../calls/CallbackStrip';

export function InboxView({ conversationId }: { conversationId: number | null }) {
  const { t } = useTranslation('inbox');
  const loadList = useInbox((s) => s.loadList);
  const openConversation = useInbox((s) => s.openConversation);
  const open = useInbox((s) => s.open);
  const searching = useSearch((s) => s.query.trim().length > 0);
  const navigate = useRouter((s) => s.navigate);
  const searchRef = useRef<HTMLInputElement>(null);
  const [sheet, setSheet] = useState(false);
  const [newPatient, setNewPatient] = useState(false);
  /** Why the conversation in the address did not open (a stale link: merged, erased), in the desk's language. */
  const [openError, setOpenError] = useState<{ id: number; text: string } | null>(null);

  useEffect(() => {
    void loadList();
  }, [loadList]);
  useEffect(() => {
    if (conversationId) openConversation(conversationId).catch((e: unknown) => setOpenError({ id: conversationId, text: errorText(e) }));
  }, [conversationId, openConversation]);
  useEffect(() => desk.on('app.openConversation', ({ conversationId: id }) => navigate(`/inbox/${id}`)), [navigate]);
  useBrowserNotifications();
  const focusSearch = useCallback(() => searchRef.current?.focus(), []);
  const toggleSheet = useCallback(() => setSheet((s) => !s), []);
  useInboxKeys(useMemo(() => ({ selectedId: conversationId, focusSearch, toggleSheet }), [conversationId, focusSearch, toggleSheet]));

  return (
    <div className="inbox">
      <div className="inbox-left">
        <InboxToolbar ref={searchRef} onNewPatient={() => setNewPatient(true)} onShortcuts={toggleSheet} />
        {/* Strips above the list (callback tasks…) go here, one line each. */}
        <CallbackStrip />
        {searching ? <SearchResults /> : <ConversationList selectedId={conversationId} />}
      </div>
      {open && conversationId === open.conversation.id ? (
        <>
          <ConversationPane />
          <PatientPanel patient={open.patient} />
        </>
      ) : (
        <div className="empty-pane">
          {openError && openError.id === conversationId ? (
            <p className="error" role="alert" data-testid="open-error">
              {openError.text}
            </p>
          ) : null}
          <p>{t('empty.pick')}</p>
          <p className="muted">{t('empty.keys')}</p>
        </div>
      )}
      {sheet ? <ShortcutSheet onClose={() => setSheet(false)} /> : null}
      {newPatient ? <NewPatientDialog onClose={() => setNewPatient(false)} /> : null}
    </div>
  );
}
