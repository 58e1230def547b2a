import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { callKeyOf } from '../../../../../src-main/domain/calls/import/asteriskMasterCsv';
import { parseCsv } from '../../../../../src-main/domain/calls/import/csvTokenizer';
import { parseCallFile } from '../../../../../src-main/domain/calls/import/parseCallFile';
import { isDeskNumber, parseExtensionRanges, peerOfChannel } from '../../../../../src-main/domain/calls/import/pbxTopology';

/**
 * A real Master.csv (test/fixtures/real/SOURCES.md): 84 legs of 36 incoming calls on an Asterisk whose
 * trunks are named by number (SIP/211553, SIP/211474), a desk 301, a second PBX reached as SIP/stadionpbx,
 * ring groups through Local/chN@TimeDelay helpers, and closed-hours calls answered by the dialplan (Hangup).
 * cdr.conf: loguniqueid, loguserfield and newcdrcolumns on (21 columns), local time.
 */
const REAL = readFileSync(join(__dirname, '../../../../fixtures/real/calls/asterisk-numeric-trunks-Master.csv'), 'utf8');
const irkutsk = { timeZone: 'Asia/Irkutsk' };

/** The same rows as another cdr.conf would write them: cdr_csv.c drops the optional columns it is not told to log. */
function relayout(text: string, keep: (i: number) => boolean): string {
  const quote = (f: string): string => (/^\d+$/.test(f) ? f : `"${f.replace(/"/g, '""')}"`);
  return parseCsv(text).records.map((r) => r.fields.filter((_, i) => keep(i)).map(quote).join(',')).join('\n');
}

describe('a real Master.csv with numerically named trunks', () => {
  const parsed = parseCallFile(REAL, irkutsk);

  it('imports every one of the 36 external calls as incoming; none is taken for a call between desks', () => {
    expect(parsed.errors).toEqual([]);
    expect(parsed.skipped).toEqual([]);
    expect(parsed.calls).toHaveLength(36);
    expect(parsed.calls.every((c) => c.call.direction === 'in')).toBe(true);
    // The 6-digit city number 214943 calling in is a patient, not a desk.
    expect(parsed.calls.find((c) => c.call.fromNumber === '214943')?.call.result).toBe('answered');
  });

  it('counts dialplan-only answers (Hangup after a message, no B party) as not answered by a person', () => {
    const closedHours = parsed.calls.filter((c) => c.call.extension === null && c.call.talkSeconds === 0).map((c) => [c.line, c.call.result]);
    expect(closedHours).toEqual([
      [1, 'missed'],
      [2, 'missed'],
      [3, 'abandoned'],
      [21, 'abandoned'],
      [32, 'abandoned'],
      [33, 'abandoned'],
      [83, 'busy'],
    ]);
  });

  it('a ring group that rang out and ended in a Hangup leg is missed, not answered', () => {
    const call = parsed.calls.find((c) => c.call.sourceId === '1706369600.6')!.call;
    expect(call).toMatchObject({ result: 'missed', talkSeconds: 0 });
  });

  it('a ring group through Local/ channels keeps the desk leg talk time, whatever the row order', () => {
    // Lines 34–38: the Local/ch1 helper "answers" with 0 s first, the desk SIP/301 leg has the 79 s.
    const call = parsed.calls.find((c) => c.call.sourceId === '1706412893.79')!.call;
    expect(call).toMatchObject({ result: 'answered', talkSeconds: 79, extension: '301', ringSeconds: 4 });
    const reversed = [...REAL.trimEnd().split('\n')].reverse().join('\n');
    expect(parseCallFile(reversed, irkutsk).calls.find((c) => c.call.sourceId === '1706412893.79')!.call).toMatchObject({ talkSeconds: 79, extension: '301' });
  });

  it('answered / missed totals of the file', () => {
    const count = (r: string): number => parsed.calls.filter((c) => c.call.result === r).length;
    expect({ answered: count('answered'), missed: count('missed'), abandoned: count('abandoned'), busy: count('busy') }).toEqual({ answered: 24, missed: 5, abandoned: 6, busy: 1 });
  });

  it('keys each call by linkedid, the id AMI uses, so a call seen live is not imported twice', () => {
    expect(new Set(parsed.calls.map((c) => c.call.sourceId)).size).toBe(36);
    expect(parsed.calls[0]!.call.sourceId).toBe('1706368044.0');
  });
});

describe('cdr.conf layouts (cdr_csv.c build_csv_record)', () => {
  it('20 columns (loguserfield=no): still keyed by linkedid, not by the sequence number', () => {
    const twenty = relayout(REAL, (i) => i !== 17);
    const p = parseCallFile(twenty, irkutsk);
    expect(p.errors).toEqual([]);
    expect(p.calls).toHaveLength(36);
    expect(p.calls.map((c) => c.call.sourceId)).toEqual(parseCallFile(REAL, irkutsk).calls.map((c) => c.call.sourceId));
  });

  it('17 columns (loguniqueid only): keyed by uniqueid', () => {
    const p = parseCallFile(relayout(REAL, (i) => i <= 16), irkutsk);
    expect(p.errors).toEqual([]);
    expect(p.calls[0]!.call.sourceId).toBe('1706368044.0');
  });

  it('16 columns (the defaults): no key, one call per leg, every row read', () => {
    const p = parseCallFile(relayout(REAL, (i) => i < 16), irkutsk);
    expect(p.errors).toEqual([]);
    expect(p.calls.length + p.duplicates.length).toBe(84);
    expect(p.calls.every((c) => /^[0-9a-f]{24}$/.test(c.call.sourceId))).toBe(true);
  });

  it('reads the call key from the optional tail of each layout', () => {
    const base = Array.from({ length: 16 }, () => '');
    expect(callKeyOf([...base, '1706412893.81', '', '', '1706412893.79', '66'])).toBe('1706412893.79');
    expect(callKeyOf([...base, '1706412893.81', '', '1706412893.79', '66'])).toBe('1706412893.79');
    expect(callKeyOf([...base, '', '1706412893.79', '66'])).toBe('1706412893.79');
    expect(callKeyOf([...base, 'mainserverdss-1706420300.0', ''])).toBe('mainserverdss-1706420300.0');
    expect(callKeyOf(base)).toBeNull();
  });
});

describe('CDR time base and PBX topology settings', () => {
  it('usegmtime=yes: the times are UTC, not the clinic wall clock', () => {
    const local = parseCallFile(REAL, irkutsk).calls[0]!.call.startedAt;
    const utc = parseCallFile(REAL, { ...irkutsk, cdrTimeBase: 'utc' }).calls[0]!.call.startedAt;
    expect(new Date(utc).toISOString()).toBe('2024-01-27T15:07:24.000Z');
    expect(utc - local).toBe(8 * 3600_000); // Irkutsk is UTC+8
  });

  it('a trunk named like a desk is recognised once IT lists it', () => {
    // A trunk called "2115" in a context whose name says nothing ("stadion"): only the setting can tell.
    const desky = REAL.replaceAll('SIP/211553-', 'SIP/2115-').replaceAll('"211553"', '"2115"').replaceAll('"stadion-pstn"', '"stadion"');
    const withoutSetting = parseCallFile(desky, irkutsk);
    expect(withoutSetting.calls.length).toBeLessThan(36);
    const withSetting = parseCallFile(desky, { ...irkutsk, topology: { trunkPatterns: ['SIP/2115'], deskExtensions: '' } });
    expect(withSetting.calls).toHaveLength(36);
  });

  it('desk ranges and channel peers', () => {
    expect(parseExtensionRanges('100-399, 500')).toEqual([[100, 399], [500, 500]]);
    expect(parseExtensionRanges('100-x')).toBeNull();
    expect(isDeskNumber('301', { trunkPatterns: [], deskExtensions: '' })).toBe(true);
    expect(isDeskNumber('211553', { trunkPatterns: [], deskExtensions: '' })).toBe(false);
    expect(isDeskNumber('211553', { trunkPatterns: [], deskExtensions: '200000-299999' })).toBe(true);
    expect(peerOfChannel('SIP/211553-0000001c')).toEqual({ tech: 'SIP', peer: '211553' });
    expect(peerOfChannel('Local/ch1@TimeDelay-00000000;2')).toEqual({ tech: 'Local', peer: 'ch1' });
  });
});
