import { describe, expect, it } from 'vitest';
import type { TimelineCall, TimelineMessage } from '../../../src-main/contract/inbox';
import { openDatabase } from '../../../src-main/db/database';
import { ensureConversation, saveConversationState } from '../../../src-main/db/repositories/conversations';
import { addIdentity, insertPatient } from '../../../src-main/db/repositories/patients';
import { EventBus } from '../../../src-main/domain/shared/eventBus';
import { notificationText, startDesktopNotifications, type DeskNotification } from '../../../src-main/electron/notifications';

const T = Date.parse('2026-11-20T09:00:00Z');
const TEXTS = { missedCall: 'Chiamata persa', attachment: 'Ha inviato un allegato' };

const msg = (o: Partial<TimelineMessage>): TimelineMessage => ({
  type: 'message', id: 1, channel: 'whatsapp', direction: 'in', kind: 'text', body: 'Buongiorno', status: 'received', failureReason: null, author: null, at: T, meta: null, ...o,
});
const call = (o: Partial<TimelineCall>): TimelineCall => ({ type: 'call', id: 1, direction: 'in', result: 'missed', at: T, ringSeconds: 20, talkSeconds: 0, source: 'ami', note: '', ...o });

describe('notificationText', () => {
  it.each([
    ['a patient message', { kind: 'message', message: msg({}) }, 'Buongiorno'],
    ['an SMS', { kind: 'message', message: msg({ channel: 'sms', body: 'Arrivo tra 10 minuti' }) }, 'Arrivo tra 10 minuti'],
    ['a photo without text', { kind: 'message', message: msg({ body: '  ' }) }, 'Ha inviato un allegato'],
    ['our own reply', { kind: 'message', message: msg({ direction: 'out' }) }, null],
    ['an internal note', { kind: 'message', message: msg({ channel: 'note', direction: 'out' }) }, null],
    ['a system event', { kind: 'message', message: msg({ channel: 'system' }) }, null],
    ['a message recovered from an old backlog', { kind: 'message', message: msg({ at: T - 3_600_000 }) }, null],
    ['a missed call', { kind: 'call', call: call({}) }, 'Chiamata persa'],
    ['a call the caller abandoned', { kind: 'call', call: call({ result: 'abandoned' }) }, 'Chiamata persa'],
    ['an answered call', { kind: 'call', call: call({ result: 'answered', talkSeconds: 60 }) }, null],
    ['an outgoing call', { kind: 'call', call: call({ direction: 'out' }) }, null],
  ] as const)('%s', (_name, event, expected) => {
    expect(notificationText(event as Parameters<typeof notificationText>[0], T + 1000, TEXTS)).toBe(expected);
  });
});

describe('startDesktopNotifications', () => {
  const setup = (state: { focused: boolean; dnd: boolean }) => {
    const db = openDatabase(':memory:');
    const patientId = insertPatient(db, { firstName: 'Giulia', lastName: 'Ferrari' }, T);
    addIdentity(db, patientId, 'phone', '+393331234567', T);
    const conv = ensureConversation(db, patientId, T);
    saveConversationState(db, conv.id, { ...conv, last_message_at: T });
    const events = new EventBus();
    const shown: DeskNotification[] = [];
    const clicks: (() => void)[] = [];
    const opened: number[] = [];
    const stop = startDesktopNotifications({
      db, events, now: () => T + 1000, windowFocused: () => state.focused, doNotDisturb: () => state.dnd,
      open: (id) => opened.push(id), texts: () => TEXTS,
      show: (n, onClick) => {
        shown.push(n);
        clicks.push(onClick);
      },
    });
    return { events, shown, clicks, opened, stop, conversationId: conv.id };
  };

  it('shows the patient name and the text while the window is unfocused; a click opens that conversation', () => {
    const s = setup({ focused: false, dnd: false });
    s.events.emit('message.created', { conversationId: s.conversationId, message: msg({}) });
    s.events.emit('call.created', { conversationId: s.conversationId, call: call({}) });
    expect(s.shown).toEqual([
      { conversationId: s.conversationId, title: 'Giulia Ferrari', message: 'Buongiorno' },
      { conversationId: s.conversationId, title: 'Giulia Ferrari', message: 'Chiamata persa' },
    ]);
    s.clicks[0]!();
    expect(s.opened).toEqual([s.conversationId]);
  });

  it('stays quiet while the window is focused, with do-not-disturb on, and after stop', () => {
    const state = { focused: true, dnd: false };
    const s = setup(state);
    s.events.emit('message.created', { conversationId: s.conversationId, message: msg({}) });
    state.focused = false;
    state.dnd = true;
    s.events.emit('message.created', { conversationId: s.conversationId, message: msg({}) });
    state.dnd = false;
    s.stop();
    s.events.emit('message.created', { conversationId: s.conversationId, message: msg({}) });
    expect(s.shown).toEqual([]);
  });
});
