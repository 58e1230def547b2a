import { describe, expect, it } from 'vitest';
import {
  NEW_CONVERSATION,
  nextMessageStatus,
  withMessage,
  nextConversationState,
  replayConversation,
  type ConversationEvent,
  type ConversationState,
} from '../../../../src-main/domain/messaging/conversationState';

const T = 1_800_000_000_000;
const min = 60_000;
const state = (over: Partial<ConversationState>): ConversationState => ({ ...NEW_CONVERSATION, ...over });

describe('nextConversationState', () => {
  const cases: [string, ConversationState, ConversationEvent, Partial<ConversationState>][] = [
    ['first inbound starts the wait', NEW_CONVERSATION, { type: 'inbound', at: T }, { status: 'open', unreadCount: 1, waitingSince: T, lastMessageAt: T }],
    ['second inbound keeps the oldest wait', state({ unreadCount: 1, waitingSince: T, lastMessageAt: T }), { type: 'inbound', at: T + min }, { unreadCount: 2, waitingSince: T, lastMessageAt: T + min }],
    ['late backlog moves the wait earlier, not last message', state({ unreadCount: 1, waitingSince: T, lastMessageAt: T }), { type: 'inbound', at: T - min }, { unreadCount: 2, waitingSince: T - min, lastMessageAt: T }],
    ['inbound reopens done', state({ status: 'done' }), { type: 'inbound', at: T }, { status: 'open', waitingSince: T, unreadCount: 1, lastMessageAt: T }],
    ['inbound reopens snoozed and drops the snooze', state({ status: 'snoozed', snoozedUntil: T + 60 * min }), { type: 'inbound', at: T }, { status: 'open', snoozedUntil: null, unreadCount: 1, waitingSince: T, lastMessageAt: T }],
    ['inbound reopens waiting-on-patient', state({ status: 'waiting' }), { type: 'inbound', at: T }, { status: 'open', waitingSince: T, unreadCount: 1, lastMessageAt: T }],
    ['staff reply clears wait and unread, waits on patient', state({ unreadCount: 3, waitingSince: T }), { type: 'outbound', at: T + 5 * min }, { status: 'waiting', unreadCount: 0, waitingSince: null, lastMessageAt: T + 5 * min }],
    ['auto-reply answers nobody', state({ unreadCount: 1, waitingSince: T, lastMessageAt: T }), { type: 'outbound', at: T + 1, automated: true }, { status: 'open', unreadCount: 1, waitingSince: T, lastMessageAt: T + 1 }],
    ['reply while snoozed stays snoozed', state({ status: 'snoozed', snoozedUntil: T + min, waitingSince: T }), { type: 'outbound', at: T }, { status: 'snoozed', waitingSince: null, lastMessageAt: T }],
    ['reply while done stays done', state({ status: 'done' }), { type: 'outbound', at: T }, { status: 'done', lastMessageAt: T }],
    ['read clears unread only', state({ unreadCount: 4, waitingSince: T }), { type: 'read' }, { unreadCount: 0, waitingSince: T }],
    ['done clears unread, wait and snooze', state({ status: 'snoozed', unreadCount: 2, waitingSince: T, snoozedUntil: T + min }), { type: 'markDone' }, { status: 'done', unreadCount: 0, waitingSince: null, snoozedUntil: null }],
    ['mark waiting on patient', state({ status: 'open', waitingSince: T }), { type: 'markWaiting' }, { status: 'waiting', waitingSince: T }],
    ['snooze keeps the wait and the unread', state({ unreadCount: 1, waitingSince: T }), { type: 'snooze', at: T, until: T + 60 * min }, { status: 'snoozed', snoozedUntil: T + 60 * min, unreadCount: 1, waitingSince: T }],
    ['tick before expiry changes nothing', state({ status: 'snoozed', snoozedUntil: T + min }), { type: 'tick', at: T }, { status: 'snoozed', snoozedUntil: T + min }],
    ['tick at expiry reopens', state({ status: 'snoozed', snoozedUntil: T + min }), { type: 'tick', at: T + min }, { status: 'open', snoozedUntil: null }],
    ['tick on a done conversation changes nothing', state({ status: 'done' }), { type: 'tick', at: T }, { status: 'done' }],
    ['assign', state({}), { type: 'assign', to: 'anna' }, { assignedTo: 'anna' }],
    ['unassign', state({ assignedTo: 'anna' }), { type: 'assign', to: null }, { assignedTo: null }],
    ['reopen done', state({ status: 'done' }), { type: 'reopen' }, { status: 'open' }],
    ['reopen snoozed drops the snooze', state({ status: 'snoozed', snoozedUntil: T }), { type: 'reopen' }, { status: 'open', snoozedUntil: null }],
  ];

  it.each(cases)('%s', (_name, from, event, expected) => {
    const next = nextConversationState(from, event);
    expect(next).toEqual({ ...from, ...expected });
  });

  it.each([
    ['in the past', T - 1],
    ['now', T],
    ['not a number', Number.NaN],
  ])('refuses a snooze ending %s, naming the field', (_name, until) => {
    expect(() => nextConversationState(NEW_CONVERSATION, { type: 'snooze', at: T, until })).toThrow(/until: a snooze must end in the future/);
  });

  it('does not mutate the given state', () => {
    const from = state({ unreadCount: 1 });
    nextConversationState(from, { type: 'read' });
    expect(from.unreadCount).toBe(1);
  });
});

describe('replayConversation', () => {
  it('follows a whole day: question, snooze, patient writes again, reply, done, new question', () => {
    const s = replayConversation([
      { type: 'inbound', at: T },
      { type: 'snooze', at: T + min, until: T + 120 * min },
      { type: 'inbound', at: T + 30 * min },
      { type: 'outbound', at: T + 31 * min },
      { type: 'markDone' },
      { type: 'inbound', at: T + 300 * min },
    ]);
    expect(s).toEqual({ ...NEW_CONVERSATION, status: 'open', unreadCount: 1, waitingSince: T + 300 * min, lastMessageAt: T + 300 * min });
  });
});

describe('withMessage (what messagingService saves for each message written)', () => {
  const row = {
    id: 1, patient_id: 1, status: 'snoozed', assigned_to: 'Anna', unread_count: 0, waiting_since: null, snoozed_until: T + 60 * min,
    last_message_at: T - min, last_channel: 'sms', last_preview: 'old', last_direction: 'out', created_at: T - 60 * min,
  } as unknown as Parameters<typeof withMessage>[0];

  it('a patient writes: reopened, waiting, preview on one line', () => {
    expect(withMessage(row, { type: 'inbound', at: T }, 'whatsapp', '  Buongiorno,\n  posso   spostare?  ')).toEqual({
      status: 'open', snoozed_until: null, unread_count: 1, waiting_since: T, last_message_at: T,
      last_channel: 'whatsapp', last_preview: 'Buongiorno, posso spostare?', last_direction: 'in',
    });
  });

  it('an auto-reply shows in the list but answers nobody', () => {
    const waiting = { ...row, status: 'open', snoozed_until: null, unread_count: 1, waiting_since: T } as typeof row;
    expect(withMessage(waiting, { type: 'outbound', at: T + 1, automated: true }, 'sms', 'x'.repeat(200))).toMatchObject({
      status: 'open', unread_count: 1, waiting_since: T, last_message_at: T + 1, last_direction: 'out', last_preview: 'x'.repeat(140),
    });
  });

  it('a staff reply clears the wait', () => {
    const waiting = { ...row, status: 'open', snoozed_until: null, unread_count: 2, waiting_since: T } as typeof row;
    expect(withMessage(waiting, { type: 'outbound', at: T + 5 * min }, 'sms', 'Certo')).toMatchObject({ status: 'waiting', unread_count: 0, waiting_since: null });
  });
});

describe('nextMessageStatus (receipts only move forward)', () => {
  it.each([
    ['queued', 'sent', 'sent'],
    ['sent', 'read', 'read'],
    ['read', 'delivered', null],
    ['delivered', 'failed', null],
    ['sent', 'failed', 'failed'],
    ['failed', 'delivered', 'delivered'],
    ['received', 'read', null],
  ] as const)('%s + %s -> %s', (current, incoming, expected) => {
    expect(nextMessageStatus(current, incoming)).toBe(expected);
  });
});
