import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../i18n/format';
import './whatsappMessage.css';

interface Edit {
  body: string;
  at: number;
}
interface Reaction {
  by: 'clinic' | 'patient';
  emoji: string;
}

const list = <T,>(v: unknown): T[] => (Array.isArray(v) ? (v as T[]) : []);

/** The text a WhatsApp reply answers, shown above the reply like on the phone. */
export function WhatsAppQuote({ meta }: { meta: Record<string, unknown> | null }) {
  const quoted = typeof meta?.quotedBody === 'string' ? meta.quotedBody : null;
  return quoted ? <blockquote className="wa-quoted" data-testid="whatsapp-quote">{quoted}</blockquote> : null;
}

/**
 * What WhatsApp adds to a message in the timeline (all from its meta): a
 * location or contact card, "edited" with the earlier texts, "deleted for everyone" (the text stays for
 * the clinic's record), reactions, and an attachment that could not be downloaded.
 */
export function WhatsAppMessageExtras({ meta }: { meta: Record<string, unknown> | null }) {
  const { t } = useTranslation('whatsapp');
  if (!meta) return null;
  const edits = list<Edit>(meta.edits);
  const reactions = list<Reaction>(meta.reactions);
  const location = meta.location as { lat: number; lng: number; name: string | null } | undefined;
  const deletedAt = typeof meta.deletedAt === 'number' ? meta.deletedAt : null;
  const mediaError = typeof meta.mediaError === 'string' ? meta.mediaError : null;
  const mediaPending = meta.mediaPending === true;
  if (!edits.length && !reactions.length && !location && !deletedAt && !mediaError && !mediaPending) return null;
  return (
    <div className="wa-extras" data-testid="whatsapp-extras">
      {location ? (
        <div className="wa-location">
          📍 {location.name ? `${location.name} · ` : ''}
          {location.lat.toFixed(5)}, {location.lng.toFixed(5)}
        </div>
      ) : null}
      {mediaPending ? <div className="wa-media-pending">{t('message.mediaPending')}</div> : null}
      {mediaError ? <div className="wa-media-error">{t('message.mediaError', { reason: mediaError })}</div> : null}
      {deletedAt ? (
        <div className="wa-deleted" data-testid="whatsapp-deleted">
          {t(meta.deletedBy === 'clinic' ? 'message.deletedByClinic' : 'message.deletedByPatient', { time: formatDateTime(deletedAt) })}
        </div>
      ) : null}
      {edits.length ? (
        <details className="wa-edits">
          <summary>{t('message.edited', { n: edits.length })}</summary>
          <ol>
            {edits.map((e, i) => (
              <li key={i}>
                <time>{formatDateTime(e.at)}</time> {e.body}
              </li>
            ))}
          </ol>
        </details>
      ) : null}
      {reactions.length ? (
        <div className="wa-reactions">
          {reactions.map((r) => (
            <span key={r.by} title={t(`message.reactionBy.${r.by}`)}>
              {r.emoji}
            </span>
          ))}
        </div>
      ) : null}
    </div>
  );
}
