import { INBOX_STATUS_SETS } from '../../contract/inbox';
import type { AppContext, Area } from '../../app/area';
import { getConversationListRow } from '../../db/repositories/conversations';
import { conversationOfPatient, countInbox, decodeCursor, deskUsers, inboxCounts, listInbox, listInboxPage, touchDeskUser } from '../../db/repositories/inbox';
import { insertMessage } from '../../db/repositories/messages';
import { readSetting, writeSetting } from '../../db/repositories/settings';
import { queueOutgoing, retryMessage } from '../messaging/messagingService';
import { buildTimelinePage, decodeTimelineCursor, publishConversation, toSummary, toTimelineMessage } from '../messaging/timeline';
import { patientCard } from '../patients/patientCard';
import { editPatient } from '../patients/patientService';
import { DeskError, notFound } from '../shared/errors';
import { applyConversationEvent, SnoozeTimer, type InboxDeps } from './conversationService';
import { searchInbox, searchInboxOffThread } from './searchService';
import { ReadCancelledError, ReadWorker } from '../../db/readWorker';


/** Read by the Electron notifier too (src-main/README.md). */
const DND_KEY = 'desk.doNotDisturb';

/** One snooze timer per running app (tests run several apps in one process). */
const snoozeTimers = new WeakMap<object, SnoozeTimer>();
const timerOf = (ctx: InboxDeps): SnoozeTimer => {
  const timer = snoozeTimers.get(ctx.db) ?? new SnoozeTimer(ctx);
  snoozeTimers.set(ctx.db, timer);
  return timer;
};

/** One search worker per running app with a database file (an in-memory database is searched in place). */
const readers = new WeakMap<object, ReadWorker | null>();
function readerOf(ctx: AppContext): ReadWorker | null {
  if (readers.has(ctx.db)) return readers.get(ctx.db)!;
  const file = ctx.db.name;
  const reader = file && file !== ':memory:' && !ctx.db.memory ? new ReadWorker({ file }) : null;
  readers.set(ctx.db, reader);
  if (reader) ctx.onStop.push(() => reader.close());
  return reader;
}

const seen = new WeakMap<AppContext, Set<string>>();

/**
 * Puts a desk user's name in the assignment list the first time this desk process sees it. A read
 * (inbox.list) must not write on every call: a write waits for any other writer (the call import
 * thread) and holds the desk up meanwhile. Sign-in and assignment note the name themselves.
 */
function firstSight(ctx: AppContext, name: string): void {
  let names = seen.get(ctx);
  if (!names) seen.set(ctx, (names = new Set()));
  if (names.has(name)) return;
  touchDeskUser(ctx.db, name, ctx.clock.now());
  names.add(name);
}

export const inboxArea: Area = {
  name: 'inbox',
  handlers: (ctx) => {
    const deps: InboxDeps = { db: ctx.db, clock: ctx.clock, events: ctx.events };
    const summary = (conversationId: number) => {
      const row = getConversationListRow(ctx.db, conversationId);
      if (!row) throw notFound('Conversation', conversationId);
      return toSummary(row);
    };
    return {
      'inbox.list': ({ status, mine, unanswered, channel, from, to, limit, offset, cursor }, call) => {
        firstSight(ctx, call.user);
        const period = from !== undefined || to !== undefined ? { from: from ?? 0, to: to ?? Number.MAX_SAFE_INTEGER } : null;
        const filter = { statuses: [...INBOX_STATUS_SETS[status]], assignedTo: mine ? call.user : null, unanswered, channel, period };
        const after = decodeCursor(cursor);
        if (after || offset === 0) {
          const { rows, next } = listInboxPage(ctx.db, filter, limit, after);
          return { items: rows.map(toSummary), total: countInbox(ctx.db, filter), nextCursor: next };
        }
        const { rows, total } = listInbox(ctx.db, filter, limit, offset);
        return { items: rows.map(toSummary), total, nextCursor: null };
      },
      'inbox.counts': (_req, call) => inboxCounts(ctx.db, call.user),
      'inbox.search': async ({ query, limit }, call) => {
        const reader = readerOf(ctx);
        if (!reader) return searchInbox(ctx.db, query, ctx.messaging.region(), limit);
        try {
          return await searchInboxOffThread(ctx.db, reader, call.user, query, ctx.messaging.region(), limit);
        } catch (err) {
          if (err instanceof ReadCancelledError) throw new DeskError('conflict', `Search cancelled: ${err.message}`, { details: { reason: 'cancelled' } });
          throw err;
        }
      },
      'inbox.users': (_req, call) => {
        firstSight(ctx, call.user);
        return { me: call.user, users: deskUsers(ctx.db) };
      },
      'inbox.notifications': ({ doNotDisturb }) => {
        if (doNotDisturb !== undefined) {
          writeSetting(ctx.db, DND_KEY, doNotDisturb);
          ctx.events.emit('inbox.notifications.updated', { doNotDisturb });
        }
        return { doNotDisturb: readSetting<boolean>(ctx.db, DND_KEY) === true };
      },
      'conversation.get': ({ conversationId }) => {
        const conversation = summary(conversationId);
        const page = buildTimelinePage(ctx.db, conversationId);
        return { conversation, patient: patientCard(ctx.db, conversation.patientId), timeline: page.items, olderCursor: page.olderCursor };
      },
      'conversation.timeline': ({ conversationId, before, limit }) => {
        summary(conversationId); // 404 for an unknown conversation
        const cursor = decodeTimelineCursor(before);
        if (!cursor) throw new DeskError('invalid_input', 'before: not a timeline cursor', { field: 'before' });
        return buildTimelinePage(ctx.db, conversationId, limit, cursor);
      },
      'conversation.markRead': ({ conversationId }) => {
        applyConversationEvent(deps, conversationId, { type: 'read' });
        return { ok: true as const };
      },
      'conversation.setStatus': ({ conversationId, status }) => {
        applyConversationEvent(deps, conversationId, { type: status === 'done' ? 'markDone' : status === 'waiting' ? 'markWaiting' : 'reopen' });
        return summary(conversationId);
      },
      'conversation.snooze': ({ conversationId, until }) => {
        applyConversationEvent(deps, conversationId, { type: 'snooze', at: ctx.clock.now(), until });
        timerOf(deps).arm();
        return summary(conversationId);
      },
      'conversation.assign': ({ conversationId, to }, call) => {
        summary(conversationId); // 404 before writing: an unknown conversation adds no desk user
        if (to) touchDeskUser(ctx.db, to, ctx.clock.now());
        applyConversationEvent(deps, conversationId, { type: 'assign', to });
        touchDeskUser(ctx.db, call.user, ctx.clock.now());
        return summary(conversationId);
      },
      'note.add': ({ conversationId, body }, call) => {
        summary(conversationId); // 404 before writing
        // Internal notes live in the timeline on the 'note' channel: never sent, never counted as an answer.
        const { row } = insertMessage(ctx.db, { conversationId, channel: 'note', direction: 'out', kind: 'note', body, status: 'sent', author: call.user, at: ctx.clock.now() });
        const message = toTimelineMessage(row);
        ctx.events.emit('message.created', { conversationId, message });
        return { message };
      },
      'message.send': ({ conversationId, channel, body, media, clientKey }, call) => {
        const attachment = media ? { sha256: media.sha256, mime: media.mime, size: media.size, ...(media.fileName ? { fileName: media.fileName } : {}) } : null;
        // The client's key makes a resend (after a dropped socket or a reload) return the first message.
        const key = clientKey ? { idempotencyKey: `client:${conversationId}:${clientKey}` } : {};
        const { message } = queueOutgoing(ctx.messaging, { conversationId, body, author: call.user, media: attachment, ...key, ...(channel ? { channel } : {}) });
        return { message: toTimelineMessage(message) };
      },
      'message.retry': ({ messageId }) => ({ message: retryMessage(ctx.messaging, messageId) }),
      'patient.get': ({ patientId }) => patientCard(ctx.db, patientId),
      'patient.update': ({ patientId, ...changes }, call) => {
        editPatient({ db: ctx.db, region: ctx.messaging.region }, patientId, changes, { actor: call.user, at: ctx.clock.now() });
        const conversationId = conversationOfPatient(ctx.db, patientId);
        if (conversationId !== null) publishConversation(ctx, conversationId);
        ctx.events.emit('patient.updated', { patientId });
        return patientCard(ctx.db, patientId);
      },
    };
  },
  start(ctx) {
    const timer = timerOf({ db: ctx.db, clock: ctx.clock, events: ctx.events });
    timer.tick();
    ctx.onStop.push(() => timer.stop());
  },
};
