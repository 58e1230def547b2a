import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConversationSummary } from '../../../src-main/contract/inbox';
import { Icon, type IconName } from '../../components/Icon';
import { useRouter } from '../../app/router';
import { clinicDay, formatAge, formatTime, formatShortDate, formatDateTime } from '../../i18n/format';
import { useDrafts } from '../../stores/draftStore';
import { useInbox } from '../../stores/inboxStore';
import { serverNow } from '../../api/serverClock';

/** Re-renders every 30 s so "waiting 12 min" stays true. */
export function useNow(everyMs = 30_000): number {
  const [now, setNow] = useState(serverNow);
  useEffect(() => {
    const t = setInterval(() => setNow(serverNow()), everyMs);
    return () => clearInterval(t);
  }, [everyMs]);
  return now;
}

export const channelIcon = (channel: string | null): IconName => (channel === 'whatsapp' ? 'whatsapp' : channel === 'sms' ? 'sms' : channel === 'note' ? 'note' : 'system');

const ROW_HEIGHT = 86;

/**
 * The conversation list, virtualised: only the rows on screen are in the DOM, and the next page is
 * fetched as the receptionist nears the end, so 10,000 conversations scroll as smoothly as 50.
 */
export function ConversationList({ selectedId }: { selectedId: number | null }) {
  const { t } = useTranslation('inbox');
  const items = useInbox((s) => s.items);
  const total = useInbox((s) => s.total);
  const loadMore = useInbox((s) => s.loadMore);
  const navigate = useRouter((s) => s.navigate);
  const now = useNow();
  useEffect(() => {
    if (!useDrafts.getState().loaded) void useDrafts.getState().load().catch(() => undefined);
  }, []);
  const scroller = useRef<HTMLDivElement>(null);
  const virtual = useVirtualizer({ count: items.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 20 });
  const rows = virtual.getVirtualItems();
  const lastRow = rows[rows.length - 1]?.index ?? 0;

  useEffect(() => {
    if (items.length > 0 && lastRow >= items.length - 20 && items.length < total) void loadMore();
  }, [lastRow, items.length, total, loadMore]);

  // Keep the selected row on screen when j/k moves past the edge.
  useEffect(() => {
    const i = items.findIndex((c) => c.id === selectedId);
    if (i >= 0) virtual.scrollToIndex(i, { align: 'auto' });
  }, [selectedId, items, virtual]);

  return (
    <section className="conv-list" aria-label={t('list.label')}>
      <div className="conv-scroll" ref={scroller} data-testid="conversation-list" role="list">
        {items.length === 0 ? <p className="conv-empty muted">{t('list.empty')}</p> : null}
        <div style={{ height: virtual.getTotalSize(), position: 'relative' }}>
          {rows.map((row) => {
            const c = items[row.index]!;
            return (
              <div key={c.id} role="listitem" className="conv-row" style={{ transform: `translateY(${row.start}px)`, height: ROW_HEIGHT }}>
                <ConversationRow c={c} selected={c.id === selectedId} now={now} onOpen={() => navigate(`/inbox/${c.id}`)} />
              </div>
            );
          })}
        </div>
      </div>
      <footer className="conv-list-foot muted" data-testid="conversation-total">
        {t('list.total', { count: total })}
      </footer>
    </section>
  );
}

function ConversationRow({ c, selected, now, onOpen }: { c: ConversationSummary; selected: boolean; now: number; onOpen(): void }) {
  const { t } = useTranslation('inbox');
  const draft = useDrafts((s) => s.drafts[c.id]);
  const today = c.lastMessageAt !== null && clinicDay(c.lastMessageAt) === clinicDay(now);
  return (
    <button
      className={`conv-item${selected ? ' selected' : ''}${c.unreadCount > 0 ? ' unread' : ''}`}
      onClick={onOpen}
      data-testid="conversation-item"
      data-conversation-id={c.id}
      data-status={c.status}
      aria-current={selected ? 'true' : undefined}
    >
      <span className={`avatar lang-${c.language ?? 'xx'}`}>{initials(c.patientName)}</span>
      <span className="conv-main">
        <span className="conv-top">
          <span className="conv-name">{c.patientName}</span>
          <span className="conv-time">{c.lastMessageAt ? (today ? formatTime(c.lastMessageAt) : formatShortDate(c.lastMessageAt)) : ''}</span>
        </span>
        <span className="conv-bottom">
          <span className={`channel-dot ${c.lastChannel ?? ''}`} title={c.lastChannel ?? ''}>
            <Icon name={channelIcon(c.lastChannel)} size={14} />
          </span>
          {draft && !selected ? (
            // Like WhatsApp: a reply left half-written shows in the list until it is sent.
            <span className="conv-preview" data-testid="conversation-draft">
              <span className="draft-label">{t('desk:draft.label')}</span> {draft.body || t('list.attachment')}
            </span>
          ) : (
            <span className="conv-preview">
              {c.lastDirection === 'out' ? <span className="muted">{t('list.you')} </span> : null}
              {c.lastPreview || (
                <span className="muted">
                  <Icon name="paperclip" size={12} /> {t('list.attachment')}
                </span>
              )}
            </span>
          )}
          {c.unreadCount > 0 ? (
            <span className="unread-badge" aria-label={t('list.unread', { count: c.unreadCount })}>
              {c.unreadCount}
            </span>
          ) : null}
        </span>
        <span className="conv-tags">
          {c.waitingSince !== null ? (
            <span className={`waiting ${now - c.waitingSince > 4 * 3600_000 ? 'late' : ''}`}>
              <Icon name="clock" size={12} /> {t('list.waitingFor', { age: formatAge(now - c.waitingSince) })}
            </span>
          ) : null}
          {c.status === 'snoozed' && c.snoozedUntil ? (
            <span className="mini-pill snoozed">{t('list.snoozedUntil', { time: formatDateTime(c.snoozedUntil) })}</span>
          ) : c.status !== 'open' ? (
            <span className={`mini-pill ${c.status}`}>{t(`conversationStatus.${c.status}`)}</span>
          ) : null}
          {c.flag ? (
            <span className={`mini-pill flag-${c.flag}`} data-testid="conversation-flag" title={t('conversation-flags:hint')}>
              <Icon name="alert" size={11} /> {t(`conversation-flags:${c.flag}`)}
            </span>
          ) : null}
          {c.assignedTo ? (
            <span className="mini-pill assigned">
              <Icon name="user" size={11} /> {c.assignedTo}
            </span>
          ) : null}
        </span>
      </span>
    </button>
  );
}

export function initials(name: string): string {
  const parts = name.replace(/[^\p{L}\s]/gu, '').split(/\s+/).filter(Boolean);
  return ((parts[0]?.[0] ?? '#') + (parts[1]?.[0] ?? '')).toUpperCase();
}
