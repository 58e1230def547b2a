import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openDatabase, type Db } from '../../../../src-main/db/database';
import { ensureConversation, getConversation, saveConversationState } from '../../../../src-main/db/repositories/conversations';
import { addIdentity, insertPatient } from '../../../../src-main/db/repositories/patients';
import { receiveInbound } from '../../../../src-main/domain/messaging/messagingService';
import { applyConversationEvent, SnoozeTimer, type InboxDeps } from '../../../../src-main/domain/inbox/conversationService';
import { ManualClock } from '../../../../src-main/domain/shared/clock';
import { EventBus } from '../../../../src-main/domain/shared/eventBus';

const T = Date.parse('2026-11-20T09:00:00Z');
const MIN = 60_000;

describe('conversation service', () => {
  let db: Db;
  let deps: InboxDeps;
  let clock: ManualClock;
  let conv: number;
  let published: { id: number; status: string }[];
  beforeEach(() => {
    db = openDatabase(':memory:');
    clock = new ManualClock(T);
    const events = new EventBus();
    published = [];
    events.on('conversation.updated', ({ conversation }) => published.push({ id: conversation.id, status: conversation.status }));
    deps = { db, clock, events };
    const patient = insertPatient(db, { firstName: 'Giulia', lastName: 'Bianchi' }, T);
    const c = ensureConversation(db, patient, T);
    saveConversationState(db, c.id, { ...c, status: 'open', unread_count: 2, waiting_since: T, last_message_at: T, last_channel: 'whatsapp', last_preview: 'Salve', last_direction: 'in' });
    conv = c.id;
  });
  afterEach(() => {
    vi.useRealTimers();
    db.close();
  });

  it('stores and publishes a status change', () => {
    applyConversationEvent(deps, conv, { type: 'markDone' });
    expect(getConversation(db, conv)).toMatchObject({ status: 'done', unread_count: 0, waiting_since: null });
    expect(published).toEqual([{ id: conv, status: 'done' }]);
  });

  it('publishes nothing when nothing changes', () => {
    applyConversationEvent(deps, conv, { type: 'reopen' });
    expect(published).toEqual([]);
  });

  it('refuses a snooze in the past and writes nothing', () => {
    expect(() => applyConversationEvent(deps, conv, { type: 'snooze', at: T, until: T - MIN })).toThrow(/until:/);
    expect(getConversation(db, conv)!.status).toBe('open');
  });

  it('the snooze timer wakes a conversation on time, not before', () => {
    vi.useFakeTimers();
    const timer = new SnoozeTimer(deps);
    applyConversationEvent(deps, conv, { type: 'snooze', at: T, until: T + 5 * MIN });
    timer.arm();
    clock.advance(4 * MIN);
    vi.advanceTimersByTime(4 * MIN);
    expect(getConversation(db, conv)!.status).toBe('snoozed');
    clock.advance(MIN);
    vi.advanceTimersByTime(MIN);
    expect(getConversation(db, conv)).toMatchObject({ status: 'open', snoozed_until: null, waiting_since: T });
    expect(published.at(-1)).toEqual({ id: conv, status: 'open' });
    timer.stop();
  });

  it('tick wakes every due conversation at once', () => {
    applyConversationEvent(deps, conv, { type: 'snooze', at: T, until: T + MIN });
    const timer = new SnoozeTimer(deps);
    expect(timer.tick()).toEqual([]);
    clock.advance(2 * MIN);
    expect(timer.tick()).toEqual([conv]);
    timer.stop();
  });

  it.each([
    ['snoozed', { type: 'snooze', at: T, until: T + 60 * MIN }],
    ['done', { type: 'markDone' }],
    ['waiting', { type: 'markWaiting' }],
  ] as const)('a patient writing reopens a %s conversation, unread and waiting since that message', (_status, event) => {
    applyConversationEvent(deps, conv, event);
    applyConversationEvent(deps, conv, { type: 'read' });
    const patientId = getConversation(db, conv)!.patient_id;
    addIdentity(db, patientId, 'phone', '+393331112223', T);
    const messaging = { db, clock, events: deps.events, region: () => 'IT' as const, kickOutbox: () => undefined };
    clock.advance(5 * MIN);
    receiveInbound(messaging, { channel: 'sms', providerId: `re-${_status}`, fromPhone: '+39 333 111 2223', body: 'Scusate, ancora una domanda', at: clock.now() });
    expect(getConversation(db, conv)).toMatchObject({ status: 'open', snoozed_until: null, unread_count: 1 });
    expect(getConversation(db, conv)!.waiting_since).not.toBeNull();
    expect(published.at(-1)).toEqual({ id: conv, status: 'open' });
  });
});
