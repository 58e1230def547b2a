import { describe, expect, it } from 'vitest';
import { applyVisitAction, type VisitAction, type VisitState } from '../../../../src-main/domain/appointments/visitTransitions';

const NOW = 1_000_000;
const state = (status: VisitState['status'], over: Partial<VisitState> = {}): VisitState => ({ status, checkedInAt: null, startedAt: null, finishedAt: null, ...over });

describe('applyVisitAction', () => {
  it.each<[VisitState['status'], VisitAction, string]>([
    ['booked', 'check_in', 'checked_in'],
    ['confirmed', 'check_in', 'checked_in'],
    ['checked_in', 'check_in', 'refused'],
    ['booked', 'start', 'in_visit'],
    ['checked_in', 'start', 'in_visit'],
    ['done', 'start', 'refused'],
    ['in_visit', 'finish', 'done'],
    ['checked_in', 'finish', 'refused'],
    ['booked', 'no_show', 'no_show'],
    ['checked_in', 'no_show', 'refused'],
    ['checked_in', 'cancel', 'cancelled'],
    ['in_visit', 'cancel', 'refused'],
    ['checked_in', 'undo', 'booked'],
    ['in_visit', 'undo', 'checked_in'],
    ['done', 'undo', 'in_visit'],
    ['no_show', 'undo', 'booked'],
    ['cancelled', 'undo', 'booked'],
    ['booked', 'undo', 'refused'],
  ])('%s + %s → %s', (from, action, to) => {
    const r = applyVisitAction(state(from), action, NOW);
    expect(r.ok ? r.next.status : 'refused').toBe(to);
  });

  it('stamps the moments and keeps the check-in time when starting', () => {
    const started = applyVisitAction(state('checked_in', { checkedInAt: 500 }), 'start', NOW);
    expect(started).toEqual({ ok: true, next: { status: 'in_visit', checkedInAt: 500, startedAt: NOW, finishedAt: null } });
    const walkIn = applyVisitAction(state('booked'), 'start', NOW);
    expect(walkIn.ok && walkIn.next.checkedInAt).toBe(NOW);
    const undone = applyVisitAction(state('done', { startedAt: 1, finishedAt: 2 }), 'undo', NOW);
    expect(undone.ok && undone.next).toEqual({ status: 'in_visit', checkedInAt: null, startedAt: 1, finishedAt: null });
  });

  it('explains a refusal', () => {
    expect(applyVisitAction(state('done'), 'finish', NOW)).toEqual({ ok: false, reason: 'cannot end a visit that is done' });
  });
});
