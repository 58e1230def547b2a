import { Fragment, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { TimelineItem, TimelineMessage, TimelineCall } from '../../../src-main/contract/inbox';
import { Icon } from '../../components/Icon';
import { dayLabel, formatTime } from '../../i18n/format';
import { useInbox } from '../../stores/inboxStore';
import { channelIcon } from './ConversationList';

function StatusMark({ m }: { m: TimelineMessage }) {
  const { t } = useTranslation('inbox');
  const label = t(`status.${m.status}`);
  if (m.status === 'failed') return <span className="status failed" title={m.failureReason ?? label}><Icon name="alert" size={14} /> {label}</span>;
  const icon = m.status === 'queued' ? 'clock' : m.status === 'sent' ? 'check' : 'checks';
  return (
    <span className={`status ${m.status}`} data-testid="message-status" data-status={m.status} title={label}>
      <Icon name={icon} size={14} title={label} />
    </span>
  );
}

function MessageBubble({ m }: { m: TimelineMessage }) {
  const { t } = useTranslation('inbox');
  const retry = useInbox((s) => s.retry);
  if (m.channel === 'system') {
    return (
      <div className="event-line" data-testid="timeline-event">
        <Icon name="system" size={14} /> {m.body} <span className="muted">· {formatTime(m.at)}</span>
      </div>
    );
  }
  return (
    <div className={`bubble-row ${m.direction}`} data-testid="timeline-message" data-message-id={m.id}>
      <div className={`bubble ${m.direction} ${m.channel}`}>
        <div className="bubble-body">{m.body}</div>
        <div className="bubble-meta">
          <Icon name={channelIcon(m.channel)} size={12} />
          <span>{t(`channel.${m.channel}`)}</span>
          {m.author && m.direction === 'out' ? <span>· {m.author}</span> : null}
          <span>· {formatTime(m.at)}</span>
          {m.direction === 'out' ? <StatusMark m={m} /> : null}
        </div>
        {m.status === 'failed' ? (
          <div className="failure">
            <span>{m.failureReason ?? t('status.failed')}</span>
            <button className="link-button" onClick={() => void retry(m.id)}>
              <Icon name="retry" size={14} /> {t('actions.retry')}
            </button>
          </div>
        ) : null}
      </div>
    </div>
  );
}

function CallLine({ c }: { c: TimelineCall }) {
  const { t } = useTranslation('inbox');
  const missed = c.result !== 'answered';
  const mins = Math.floor(c.talkSeconds / 60);
  const secs = String(c.talkSeconds % 60).padStart(2, '0');
  return (
    <div className={`call-line ${missed ? 'missed' : ''}`} data-testid="timeline-call" data-result={c.result}>
      <Icon name={missed ? 'missed' : 'calls'} size={16} />
      <span>
        {t(`call.${c.direction}`)} · {t(`call.result.${c.result}`)}
        {c.talkSeconds > 0 ? ` · ${mins}:${secs}` : ''}
      </span>
      <span className="muted">{formatTime(c.at)}</span>
    </div>
  );
}

export function Timeline({ items }: { items: TimelineItem[] }) {
  const end = useRef<HTMLDivElement>(null);
  const now = Date.now();
  useEffect(() => {
    end.current?.scrollIntoView({ block: 'end' });
  }, [items.length]);
  let lastDay = '';
  return (
    <div className="timeline" data-testid="timeline">
      {items.map((item) => {
        const day = new Date(item.at).toDateString();
        const separator = day !== lastDay ? <div className="day-separator"><span>{dayLabel(item.at, now)}</span></div> : null;
        lastDay = day;
        return (
          <Fragment key={`${item.type}-${item.id}`}>
            {separator}
            {item.type === 'message' ? <MessageBubble m={item} /> : <CallLine c={item} />}
          </Fragment>
        );
      })}
      <div ref={end} />
    </div>
  );
}
