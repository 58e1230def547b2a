import { INBOX_STATUS_SETS } from '../../contract/inbox';
import type { Area } from '../../app/area';
import { getConversationListRow } from '../../db/repositories/conversations';
import { conversationOfPatient, deskUsers, inboxCounts, listInbox, touchDeskUser } from '../../db/repositories/inbox';
import { insertMessage } from '../../db/repositories/messages';
import { readSetting, writeSetting } from '../../db/repositories/settings';
import { queueOutgoing, retryMessage } from '../messaging/messagingService';
import { buildTimeline, publishConversation, toSummary, toTimelineMessage } from '../messaging/timeline';
import { patientCard } from '../patients/patientCard';
import { editPatient } from '../patients/patientService';
import { notFound } from '../shared/errors';
import { applyConversationEvent, SnoozeTimer, type InboxDeps } from './conversationService';
import { searchInbox } from './searchService';


/** Read by the Electron notifier too (src-main/README.md). */
const DND_KEY = 'desk.doNotDisturb';

/** One snooze timer per running app (tests run several apps in one process). */
const snoozeTimers = new WeakMap<object, SnoozeTimer>();
const timerOf = (ctx: InboxDeps): SnoozeTimer => {
  const timer = snoozeTimers.get(ctx.db) ?? new SnoozeTimer(ctx);
  snoozeTimers.set(ctx.db, timer);
  return timer;
};

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
      'inbox.list': ({ status, mine, unanswered, channel, limit, offset }, call) => {
        touchDeskUser(ctx.db, call.user, ctx.clock.now());
        const { rows, total } = listInbox(ctx.db, { statuses: [...INBOX_STATUS_SETS[status]], assignedTo: mine ? call.user : null, unanswered, channel }, limit, offset);
        return { items: rows.map(toSummary), total };
      },
      'inbox.counts': (_req, call) => inboxCounts(ctx.db, call.user),
      'inbox.search': ({ query, limit }) => searchInbox(ctx.db, query, ctx.messaging.region(), limit),
      'inbox.users': (_req, call) => {
        touchDeskUser(ctx.db, call.user, ctx.clock.now());
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
        return { conversation, patient: patientCard(ctx.db, conversation.patientId), timeline: buildTimeline(ctx.db, conversationId) };
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
