import { describe, expect, it } from 'vitest';
import { callerKey, dedupeKeyOf } from '../../../../src-main/domain/calls/callService';

describe('callerKey: who to call back', () => {
  it.each([
    ['601234567', 'PL', '+48601234567'],
    ['+48 601 234 567', 'IT', '+48601234567'],
    ['0048601234567', 'PL', '+48601234567'],
    ['06 1234 5678', 'IT', '+390612345678'],
    ['anonymous', 'IT', null],
    ['<unknown>', 'IT', null],
    ['101', 'IT', null], // an extension, not a caller
    ['', 'PL', null],
  ] as const)('%s in %s → %s', (raw, region, expected) => expect(callerKey(raw, region)).toBe(expected));
});

describe('dedupeKeyOf: the same call from two feeds', () => {
  it.each([
    [{ source: 'ami', sourceId: '1710231302.45' }, 'asterisk:1710231302.45'],
    [{ source: 'asterisk', sourceId: '1710231302.45' }, 'asterisk:1710231302.45'],
    [{ source: '3cx', sourceId: '00000195A1C2E3F4_101' }, '3cx:00000195A1C2E3F4_101'],
    [{ source: 'whatsapp', sourceId: 'ABCD' }, 'whatsapp:ABCD'],
  ] as const)('%o → %s', (call, expected) => expect(dedupeKeyOf(call)).toBe(expected));
});
