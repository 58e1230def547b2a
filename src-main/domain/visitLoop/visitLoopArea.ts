/**
 * The visit loop's room: reminders (plan, panel, scheduler), answers to reminders and confirmations,
 * lifecycle notices (create, move, cancel), feedback requests. The scheduler is a minute timer over
 * idempotent keys: it can stop and start at any point without sending anything twice.
 */
import type { AppContext, Area } from '../../app/area';
import { writeAudit } from '../../db/repositories/audit';
import { hasAuthCreds } from '../../db/repositories/whatsappAuth';
import { findPatients } from '../../db/repositories/visitFacts';
import { cancelScheduled, editScheduled, scheduleMessage } from '../messaging/scheduledMessages';
import { fallbackForMessage, fallbackSent, fallbackSweep } from './failureFallback';
import { createVisit, feedbackTick, moveVisit } from './lifecycleService';
import { reminderLines, reminderTick, sendRemainingReminders } from './reminderService';
import { handleVisitReply, resolveVisitQuestion } from './replyService';
import { getVisitLoopSettings, saveVisitLoopSettings } from './visitLoopSettings';
import type { VisitLoopDeps } from './visitMessaging';

const MINUTE = 60_000;

export function visitLoopDeps(ctx: AppContext): VisitLoopDeps {
  // A one-shot CLI command has no live link: a desk paired with WhatsApp counts as linked for its plan.
  return { ...ctx.messaging, whatsappLinked: () => ctx.senders.has('whatsapp') || (ctx.oneShot === true && hasAuthCreds(ctx.db)) };
}

/** One pass of the scheduler: what is due is queued (exported for tests and the CLI). */
export function visitLoopTick(deps: VisitLoopDeps): { reminders: number; feedback: number; fallbacks: number } {
  return { reminders: reminderTick(deps), feedback: feedbackTick(deps), fallbacks: fallbackSweep(deps) };
}

export const visitLoopArea: Area = {
  name: 'visitLoop',
  handlers(ctx) {
    const deps = visitLoopDeps(ctx);
    const off = ctx.events.on('message.created', ({ conversationId, message }) => {
      if (message.direction !== 'in' || (message.channel !== 'whatsapp' && message.channel !== 'sms')) return;
      try {
        handleVisitReply(deps, { messageId: message.id, conversationId, channel: message.channel, body: message.body, at: message.at });
      } catch (err) {
        // The inbound message is stored already; the desk reads it by hand.
        console.error('[visitLoop] reply handling failed for message', message.id, err);
      }
    });
    // A visit message the outbox gave up on goes once on the next consented channel (the sweep in the tick
    // catches what a crash left between the two).
    const offFailed = ctx.events.on('message.updated', ({ conversationId, message }) => {
      if (message.meta?.fallback && message.channel !== 'system') {
        try {
          fallbackSent(deps, message, conversationId);
        } catch (err) {
          console.error('[visitLoop] fallback line not updated for message', message.id, err);
        }
      }
      if (message.status !== 'failed' || !(message.kind.startsWith('visit_') || message.kind === 'delay_notice')) return;
      try {
        fallbackForMessage(deps, message.id);
      } catch (err) {
        console.error('[visitLoop] fallback failed for message', message.id, err);
      }
    });
    ctx.onStop.push(off, offFailed);
    return {
      'reminders.day': ({ day }) => ({ day, lines: reminderLines(deps, day) }),
      'reminders.sendRest': ({ day }, call) => {
        const queued = sendRemainingReminders(deps, day);
        writeAudit(ctx.db, ctx.clock.now(), { actor: call.user, action: 'reminders.sendRest', entity: 'reminders', entityId: day, details: { queued } });
        return { queued };
      },
      'visitLoop.resolve': ({ visitMessageId, answer }, call) => {
        resolveVisitQuestion(deps, visitMessageId, answer, call.user);
        return { ok: true as const };
      },
      'visitLoop.settings': () => getVisitLoopSettings(ctx.db),
      'visitLoop.saveSettings': (req, call) => {
        const saved = saveVisitLoopSettings(ctx.db, req);
        writeAudit(ctx.db, ctx.clock.now(), { actor: call.user, action: 'visitLoop.saveSettings', entity: 'settings', entityId: 'visitLoop' });
        return saved;
      },
      'appointments.move': (req, call) => {
        moveVisit(deps, req, call.user);
        return { ok: true as const };
      },
      'appointments.create': (req, call) => createVisit(deps, req, call.user),
      'agenda.findPatients': ({ query }) => ({ patients: findPatients(ctx.db, query) }),
      'message.schedule': (req, call) => ({ message: scheduleMessage(ctx.messaging, req, call.user) }),
      'message.editScheduled': (req) => ({ message: editScheduled(ctx.messaging, req) }),
      'message.cancelScheduled': ({ messageId }) => ({ message: cancelScheduled(ctx.messaging, messageId) }),
    };
  },
  start(ctx) {
    // The demo clinic's seeded day would otherwise get reminders and feedback requests at every start: it shows
    // the plan (Reminders panel, "send the rest now") and sends nothing by itself.
    if (ctx.oneShot || ctx.demo) return;
    const deps = visitLoopDeps(ctx);
    const tick = (): void => {
      try {
        visitLoopTick(deps);
      } catch (err) {
        console.error('[visitLoop] scheduler tick failed', err);
      }
    };
    tick();
    const timer = setInterval(tick, MINUTE);
    timer.unref?.();
    ctx.onStop.push(() => clearInterval(timer));
  },
};
