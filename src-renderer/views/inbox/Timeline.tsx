import { Fragment, useEffect, useLayoutEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { TimelineItem, TimelineMessage, TimelineCall } from '../../../src-main/contract/inbox';
import { Icon } from '../../components/Icon';
import { clinicDay, dayLabel, formatTime } from '../../i18n/format';
import { useInbox } from '../../stores/inboxStore';
import { channelIcon } from './ConversationList';
import { MediaView, mediaOf } from './MediaView';
import { WhatsAppMessageExtras, WhatsAppQuote } from '../whatsapp/WhatsAppMessageExtras';
import { serverNow } from '../../api/serverClock';
import { VisitQuestionActions } from '../visitLoop/VisitQuestionActions';
import { ScheduledMark } from '../visitLoop/SendLater';

function StatusMark({ m }: { m: TimelineMessage }) {
  const { t } = useTranslation('inbox');
  const label = t(`status.${m.status}`);
  if (m.status === 'failed') {
    return (
      <span className="status failed" data-testid="message-status" data-status="failed" title={m.failureReason ?? label}>
        <Icon name="alert" size={14} /> {label}
      </span>
    );
  }
  const icon = m.status === 'queued' ? 'clock' : m.status === 'sent' ? 'check' : 'checks';
  return (
    <span className={`status ${m.status}`} data-testid="message-status" data-status={m.status} title={label}>
      <Icon name={icon} size={14} title={label} />
    </span>
  );
}

function MessageBubble({ m, focused }: { m: TimelineMessage; focused: boolean }) {
  const { t } = useTranslation('inbox');
  const retry = useInbox((s) => s.retry);
  if (m.channel === 'system') {
    return (
      <div className={`event-line${focused ? ' focused' : ''}`} data-testid="timeline-event" data-message-id={m.id}>
        <Icon name="system" size={14} /> {m.body} <span className="muted">· {formatTime(m.at)}</span>
        <VisitQuestionActions meta={m.meta} />
      </div>
    );
  }
  const media = mediaOf(m.meta);
  const note = m.channel === 'note';
  return (
    <div className={`bubble-row ${note ? 'note' : m.direction}`} data-testid={note ? 'timeline-note' : 'timeline-message'} data-message-id={m.id}>
      <div className={`bubble ${m.direction} ${m.channel}${focused ? ' focused' : ''}`}>
        {note ? (
          <div className="note-label">
            <Icon name="note" size={12} /> {t('note.label')}
          </div>
        ) : null}
        {m.channel === 'whatsapp' ? <WhatsAppQuote meta={m.meta} /> : null}
        {media ? <MediaView media={media} /> : null}
        {m.body ? <div className="bubble-body">{m.body}</div> : null}
        {m.channel === 'whatsapp' ? <WhatsAppMessageExtras meta={m.meta} /> : null}
        <div className="bubble-meta">
          {note ? null : <Icon name={channelIcon(m.channel)} size={12} />}
          {note ? null : <span>{t(`channel.${m.channel}`)}</span>}
          {m.author && m.direction === 'out' ? <span>{note ? '' : '· '}{m.author}</span> : null}
          {!m.author && m.direction === 'out' && !note ? <span className="auto-mark">· {t('message.automatic')}</span> : null}
          <span>· {formatTime(m.at)}</span>
          {m.direction === 'out' && !note ? <StatusMark m={m} /> : null}
          {m.direction === 'out' && !note ? <ScheduledMark messageId={m.id} status={m.status} meta={m.meta} /> : null}
        </div>
        {m.status === 'failed' ? (
          <div className="failure" data-testid="message-failure">
            <span>{m.failureReason ?? t('status.failed')}</span>
            <button className="link-button" onClick={() => void retry(m.id)} data-testid="message-retry">
              <Icon name="retry" size={14} /> {t('actions.retry')}
            </button>
          </div>
        ) : null}
      </div>
    </div>
  );
}

function duration(seconds: number): string {
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

function CallLine({ c }: { c: TimelineCall }) {
  const { t } = useTranslation('inbox');
  const missed = c.result !== 'answered';
  return (
    <div className={`call-line ${missed ? 'missed' : ''}`} data-testid="timeline-call" data-result={c.result}>
      <Icon name={missed ? 'missed' : 'calls'} size={16} />
      <span>
        {t(`call.${c.direction}`)} · {t(`call.result.${c.result}`)}
        {c.talkSeconds > 0 ? ` · ${duration(c.talkSeconds)}` : missed && c.ringSeconds > 0 ? ` · ${t('call.rang', { seconds: c.ringSeconds })}` : ''}
      </span>
      {c.note ? <span className="muted">· {c.note}</span> : null}
      <span className="muted">{formatTime(c.at)}</span>
    </div>
  );
}

/**
 * One patient's timeline across channels in true time order, with day separators. Opens at the
 * bottom on the newest page; scrolling near the top loads the page before it and keeps the reading
 * position. A message chosen from search is scrolled to and flashed instead.
 */
export function Timeline({ items }: { items: TimelineItem[] }) {
  const end = useRef<HTMLDivElement>(null);
  const box = useRef<HTMLDivElement>(null);
  const focusId = useInbox((s) => s.focusMessageId);
  const loadOlder = useInbox((s) => s.loadOlder);
  const hasOlder = useInbox((s) => s.open?.olderCursor != null);
  // Stay pinned to the newest message while photos and voice notes load and grow the timeline.
  const pinned = useRef(true);
  // Before an older page is added in front: the height to restore the reading position from.
  const heightBeforeOlder = useRef<number | null>(null);
  const newest = items.length ? `${items[items.length - 1]!.type}-${items[items.length - 1]!.id}` : '';
  const now = serverNow();
  useLayoutEffect(() => {
    const el = box.current;
    if (el && heightBeforeOlder.current !== null) {
      el.scrollTop += el.scrollHeight - heightBeforeOlder.current;
      heightBeforeOlder.current = null;
    }
  }, [items.length]);
  useEffect(() => {
    if (focusId !== null) {
      const el = box.current?.querySelector(`[data-message-id="${focusId}"]`);
      if (el) {
        el.scrollIntoView({ block: 'center' });
        return;
      }
    }
    end.current?.scrollIntoView({ block: 'end' });
  }, [newest, focusId]);
  let lastDay = '';
  return (
    <div
      className="timeline"
      data-testid="timeline"
      ref={box}
      onScroll={(e) => {
        const el = e.currentTarget;
        pinned.current = el.scrollHeight - el.scrollTop - el.clientHeight < 120;
        if (hasOlder && el.scrollTop < 200 && heightBeforeOlder.current === null) {
          heightBeforeOlder.current = el.scrollHeight;
          void loadOlder().finally(() => {
            // Nothing was added (an error, or another page already on its way): no position to restore.
            if (box.current && heightBeforeOlder.current === box.current.scrollHeight) heightBeforeOlder.current = null;
          });
        }
      }}
      onLoadCapture={() => {
        if (focusId === null && pinned.current) end.current?.scrollIntoView({ block: 'end' });
      }}
    >
      {items.map((item) => {
        const day = clinicDay(item.at);
        const separator =
          day !== lastDay ? (
            <div className="day-separator" data-testid="day-separator">
              <span>{dayLabel(item.at, now)}</span>
            </div>
          ) : null;
        lastDay = day;
        return (
          <Fragment key={`${item.type}-${item.id}`}>
            {separator}
            {item.type === 'message' ? <MessageBubble m={item} focused={item.id === focusId} /> : <CallLine c={item} />}
          </Fragment>
        );
      })}
      <div ref={end} />
    </div>
  );
}
