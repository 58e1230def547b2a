import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCallFile } from '../../../../../src-main/domain/calls/import/parseCallFile';

const paris = { timeZone: 'Europe/Paris' };
const iso = (t: number): string => new Date(t).toISOString().replace('.000', '');

describe('3CX CDR output, real file (dorel14/3CX-Cdr-Server ClasseurPrepaCDR.csv, first 290 rows)', () => {
  const text = readFileSync('test/fixtures/real/calls/3cx-cdr-dorel14-ClasseurPrepaCDR-head290.csv', 'utf8');
  // IT's setting for this PBX: the people are on 1xx-3xx; 601-615 are its digital receptionists and queues.
  const withDesks = parseCallFile(text, { ...paris, topology: { trunkPatterns: [], deskExtensions: '100-399' } });
  const byLine = (line: number) => withDesks.calls.find((c) => c.line === line)?.call;

  it('is recognised without a header and every row is read', () => {
    expect(withDesks.format).toBe('3cx');
    expect(withDesks.fileError).toBeNull();
    expect(withDesks.errors).toEqual([]);
    const tally: Record<string, number> = {};
    for (const { call } of withDesks.calls) tally[`${call.direction} ${call.result}`] = (tally[`${call.direction} ${call.result}`] ?? 0) + 1;
    expect(tally).toEqual({ 'in answered': 65, 'in abandoned': 18, 'in missed': 1, 'out answered': 108, 'out missed': 14 });
    // Desk-to-desk calls, 3CX's own "MakeCall" legs (click-to-call ringing the desk first) and "PlayFile" are not patient calls.
    expect(withDesks.skipped.filter((s) => s.message === 'internal call between extensions')).toHaveLength(80);
    expect(withDesks.skipped.filter((s) => s.message !== 'internal call between extensions').map((s) => [s.line, s.message])).toEqual([
      [74, '"PlayFile" is a 3CX system party, not a caller'],
      [99, '"MakeCall" is a 3CX system party, not a caller'],
      [103, '"MakeCall" is a 3CX system party, not a caller'],
      [238, '"MakeCall" is a 3CX system party, not a caller'],
    ]);
  });

  it('a call answered by the digital receptionist and then by a desk is answered by that desk', () => {
    // Call 9744: 0611360468 → Ext.610 (receptionist) → ReplacedDst → Ext.185, talk 00:05:15
    expect(byLine(1)).toMatchObject({ direction: 'in', fromNumber: '0611360468', result: 'answered', extension: '185', talkSeconds: 315 });
    expect(iso(byLine(1)?.startedAt ?? 0)).toBe('2020-05-04T08:53:43Z');
    // Call 9956: queue 612 → receptionist 610 → QFwdToDNA → Ext.185
    expect(byLine(214)).toMatchObject({ result: 'answered', extension: '185', talkSeconds: 800 });
  });

  it('a caller who hangs up in the digital receptionist was not answered by anyone', () => {
    // Call 9754: answered by Ext.610 at once, TerminatedBySrc after 0 s, never replaced by a desk
    expect(byLine(11)).toMatchObject({ direction: 'in', fromNumber: '0243828685', result: 'abandoned', extension: null, talkSeconds: 0 });
    // Call 9768: routed to 3CX's "EndCall" (closed), caller hung up
    expect(byLine(25)).toMatchObject({ direction: 'in', result: 'abandoned', extension: null, toNumber: '' });
  });

  it('without the desk range, the receptionist 610 looks like a desk (why the setting exists)', () => {
    const defaults = parseCallFile(text, paris);
    expect(defaults.calls.find((c) => c.line === 11)?.call.result).toBe('answered');
    expect(defaults.calls.filter((c) => c.call.direction === 'in' && c.call.result === 'answered').length).toBeGreaterThan(65);
  });

  it('outgoing calls keep the dialled number, also when 3CX ended them itself', () => {
    expect(byLine(5)).toMatchObject({ direction: 'out', fromNumber: '114', toNumber: '0232354095', result: 'answered', extension: '114', talkSeconds: 307 });
    expect(byLine(17)).toMatchObject({ direction: 'out', toNumber: '0800910387' });
  });

  it('source ids are 3CX history ids: re-reading the file gives the same ones', () => {
    expect(byLine(1)?.sourceId).toBe('Call 9744');
    const again = parseCallFile(text, { ...paris, topology: { trunkPatterns: [], deskExtensions: '100-399' } });
    expect(again.calls.map((c) => c.call.sourceId)).toEqual(withDesks.calls.map((c) => c.call.sourceId));
  });
});

describe('3CX V20 Call History: Redirected and digital receptionist legs (built from the documented columns)', () => {
  const text = readFileSync('test/fixtures/calls/3cx-v20-redirected-ivr.csv', 'utf8');
  const rome = { timeZone: 'Europe/Rome' };

  it('reads "Redirected" instead of rejecting the row, and a menu answer is not a person', () => {
    const r = parseCallFile(text, rome);
    expect(r.errors).toEqual([]);
    expect(r.calls.map(({ line, call }) => [line, call.fromNumber, call.result, call.extension, call.talkSeconds])).toEqual([
      [2, '+393331112233', 'answered', '101', 150], // receptionist, then Reception (101) answered
      [4, '+393334445566', 'voicemail', '101', 0], // redirected to voicemail: nobody answered
      [5, '+393337778899', 'missed', '800', 0], // hung up in the digital receptionist after 25 s (menu time counts as waiting)
      [6, '+393330001122', 'answered', '102', 70], // redirected on no answer, answered by 102
      [8, '+393335556677', 'answered', '810', 40], // a menu not named as one: a desk unless IT sets the range…
    ]);
    const withRange = parseCallFile(text, { ...rome, topology: { trunkPatterns: [], deskExtensions: '100-199' } });
    expect(withRange.calls.find((c) => c.line === 8)?.call.result).toBe('missed'); // …which makes 810 a system party
  });

  it('the row order never decides: the desk\'s answer wins over the receptionist\'s in either order', () => {
    const [header, ivr, desk, ...rest] = text.trim().split('\n');
    const swapped = [header, desk, ivr, ...rest].join('\n');
    const r = parseCallFile(swapped, rome);
    expect(r.calls[0]?.call).toMatchObject({ result: 'answered', extension: '101', talkSeconds: 150 });
  });
});
