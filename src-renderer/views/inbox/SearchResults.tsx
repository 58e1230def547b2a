import { useTranslation } from 'react-i18next';
import { Icon } from '../../components/Icon';
import { useRouter } from '../../app/router';
import { formatDateTime } from '../../i18n/format';
import { useSearch } from '../../stores/inboxStore';
import { channelIcon } from './ConversationList';
import { Highlighted } from './Highlighted';

/** Search results in place of the list: patients first when a phone or name matched, then messages. */
export function SearchResults() {
  const { t } = useTranslation('inbox');
  const results = useSearch((s) => s.results);
  const searching = useSearch((s) => s.searching);
  const navigate = useRouter((s) => s.navigate);

  const cursor = useSearch((s) => s.cursor);
  const choose = (i: number): void => {
    const conversationId = useSearch.getState().choose(i);
    if (conversationId) navigate(`/inbox/${conversationId}`);
  };

  return (
    <section className="conv-list search-results" aria-label={t('search.results')}>
      <div className="conv-scroll" data-testid="search-results">
        {results.length === 0 ? <p className="conv-empty muted">{searching ? t('search.searching') : t('search.none')}</p> : null}
        <ol className="result-items">
          {results.map((r, i) => (
            <li key={r.kind === 'patient' ? `p${r.patientId}` : `m${r.messageId}`}>
              <button
                className={`result-item${i === cursor ? ' active' : ''}`}
                onClick={() => choose(i)}
                disabled={!r.conversationId}
                data-testid={r.kind === 'patient' ? 'search-patient' : 'search-message'}
                data-patient-id={r.patientId}
                data-conversation-id={r.conversationId ?? ''}
                data-message-id={r.kind === 'message' ? r.messageId : undefined}
              >
                {r.kind === 'patient' ? (
                  <>
                    <span className="result-icon">
                      <Icon name="user" size={16} />
                    </span>
                    <span className="conv-main">
                      <span className="conv-name">
                        <Highlighted text={r.name.text || t('patient.unknown')} ranges={r.name.ranges} />
                      </span>
                      {r.phone ? (
                        <span className="result-line">
                          <Highlighted text={r.phone.text} ranges={r.phone.ranges} />
                        </span>
                      ) : null}
                      {r.note ? (
                        <span className="result-line muted">
                          <Highlighted text={r.note.text} ranges={r.note.ranges} />
                        </span>
                      ) : null}
                    </span>
                  </>
                ) : (
                  <>
                    <span className={`result-icon ${r.channel}`}>
                      <Icon name={channelIcon(r.channel)} size={16} />
                    </span>
                    <span className="conv-main">
                      <span className="conv-top">
                        <span className="conv-name">{r.patientName}</span>
                        <span className="conv-time">{formatDateTime(r.at)}</span>
                      </span>
                      <span className="result-line">
                        {r.direction === 'out' ? <span className="muted">{t('list.you')} </span> : null}
                        <Highlighted text={r.snippet.text} ranges={r.snippet.ranges} />
                      </span>
                    </span>
                  </>
                )}
              </button>
            </li>
          ))}
        </ol>
      </div>
      <footer className="conv-list-foot muted">{t('search.count', { count: results.length })}</footer>
    </section>
  );
}
