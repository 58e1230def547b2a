import { describe, expect, it } from 'vitest';
import { classifyUnanswered, resolveResult, statusMeaning } from '../../../../../src-main/domain/calls/import/classifyCall';

describe('statusMeaning', () => {
  it.each([
    ['Answered', 'answered'],
    ['ANSWERED', 'answered'],
    ['Unanswered', 'unanswered'],
    ['NO ANSWER', 'unanswered'],
    ['Missed', 'unanswered'],
    ['FAILED', 'unanswered'],
    ['CONGESTION', 'unanswered'],
    ['BUSY', 'busy'],
    ['User busy', 'busy'],
    ['Voicemail', 'voicemail'],
    ['Abandoned', 'abandoned'],
    ['Risposta', 'answered'],
    ['Persa', 'unanswered'],
    ['Occupato', 'busy'],
    ['Odebrane', 'answered'],
    ['Nieodebrane', 'unanswered'],
    ['???', null],
    ['', null],
  ])('%j → %j', (raw, expected) => {
    expect(statusMeaning(raw)).toBe(expected);
  });
});

describe('classifyUnanswered', () => {
  it.each<[string, number, boolean | null, number, 'missed' | 'abandoned']>([
    ['PBX says the caller cancelled', 25, true, 20, 'abandoned'],
    ['PBX says it rang out, even if short', 3, false, 20, 'missed'],
    ['unknown: ended before N seconds', 6, null, 20, 'abandoned'],
    ['unknown: rang N seconds or more', 20, null, 20, 'missed'],
    ['unknown: rang far longer', 45, null, 20, 'missed'],
  ])('%s', (_name, ringSeconds, callerHungUp, abandonWithinSeconds, expected) => {
    expect(classifyUnanswered({ ringSeconds, callerHungUp, abandonWithinSeconds })).toBe(expected);
  });

  it('resolveResult leaves answered, busy and voicemail as they are', () => {
    const facts = { ringSeconds: 1, callerHungUp: null, abandonWithinSeconds: 20 };
    expect(resolveResult('answered', facts)).toBe('answered');
    expect(resolveResult('busy', facts)).toBe('busy');
    expect(resolveResult('voicemail', facts)).toBe('voicemail');
    expect(resolveResult('unanswered', facts)).toBe('abandoned');
  });
});
