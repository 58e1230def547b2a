import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../../../src-main/domain/calls/import/csvTokenizer';
import type { ColumnMapping } from '../../../../../src-main/domain/calls/import/importTypes';
import { parseCallFile } from '../../../../../src-main/domain/calls/import/parseCallFile';
import { parseThreeCxCallLog } from '../../../../../src-main/domain/calls/import/threeCxCallLog';

const fixture = (name: string): string => readFileSync(join(__dirname, '../../../../fixtures/calls', name), 'utf8');
const iso = (t: number): string => new Date(t).toISOString();
const warsaw = { timeZone: 'Europe/Warsaw' };

describe('FreePBX / Asterisk Master.csv', () => {
  const parsed = parseCallFile(fixture('freepbx-Master.csv'), warsaw);

  it('is detected without a header and reads every row', () => {
    expect(parsed.format).toBe('asterisk');
    expect(parsed.fileError).toBeNull();
    expect(parsed.errors).toEqual([]);
    expect(parsed.skipped).toEqual([{ line: 8, message: 'internal call between extensions' }]);
  });

  it('gives one call per caller attempt with results kept apart', () => {
    const summary = parsed.calls.map(({ line, call }) => [line, call.direction, call.fromNumber, call.result, call.extension, call.ringSeconds, call.talkSeconds]);
    expect(summary).toEqual([
      [1, 'in', '601234567', 'answered', '101', 7, 212], // ring group: the answering leg wins over the one that kept ringing
      [3, 'in', '+48502998877', 'missed', '101', 20, 0], // rang the full Dial timeout of 20 s
      [4, 'in', '+48502998877', 'abandoned', '101', 6, 0], // caller gave up after 6 s
      [5, 'in', '733445566', 'busy', '101', 1, 0],
      [6, 'in', '698112233', 'voicemail', '101', 20, 0],
      [7, 'out', '102', 'answered', '102', 9, 156],
      [9, 'in', '512300400', 'abandoned', '400', 45, 0], // left queue 400 before an agent took it
    ]);
  });

  it('reads local PBX time in the clinic zone and keeps the uniqueid as source id', () => {
    const first = parsed.calls[0]?.call;
    expect(first && iso(first.startedAt)).toBe('2024-03-12T08:15:02.000Z');
    expect(first?.sourceId).toBe('1710231302.45');
    expect(first?.source).toBe('asterisk');
    expect(parsed.calls[5]?.call.toNumber).toBe('601234567');
  });

  it('is deterministic: the same file parses to the same source ids', () => {
    const again = parseCallFile(fixture('freepbx-Master.csv'), warsaw);
    expect(again.calls.map((c) => c.call.sourceId)).toEqual(parsed.calls.map((c) => c.call.sourceId));
  });

  it('reports rows repeated verbatim as duplicates of their first line', () => {
    const dup = parseCallFile(fixture('asterisk-duplicate-rows.csv'), warsaw);
    expect(dup.calls.map((c) => c.line)).toEqual([1, 2, 3, 6]);
    expect(dup.duplicates).toEqual([
      { line: 4, sameAsLine: 1 },
      { line: 5, sameAsLine: 2 },
      { line: 7, sameAsLine: 1 },
    ]);
  });

  it('reports bad dates with their line and keeps the good rows', () => {
    const bad = parseCallFile(fixture('asterisk-bad-dates.csv'), warsaw);
    expect(bad.calls.map((c) => c.line)).toEqual([1, 5]);
    expect(bad.errors).toMatchObject([
      { line: 2, message: 'start: cannot read "2024-02-30 08:05:00" as a date and time' },
      { line: 3, message: 'start: cannot read "13.03.2024 8:10" as a date and time' },
      { line: 4, message: 'start: cannot read "yesterday" as a date and time' },
    ]);
  });

  it('refuses a file with a header row or the wrong shape with a file-level reason', () => {
    const withHeader = parseCallFile('calldate,clid,src,dst,disposition,uniqueid\n2024-03-12 09:00:00,x,1,2,ANSWERED,1.1\n', { ...warsaw, format: 'asterisk' });
    expect(withHeader.fileError).toMatch(/header row/);
    const oneColumn = parseCallFile('just one column\nanother\n', { ...warsaw, format: 'asterisk' });
    expect(oneColumn.fileError).toMatch(/delimiter/);
  });
});

describe('3CX call log', () => {
  const parsed = parseCallFile(fixture('3cx-call-log.csv'), warsaw);

  it('is detected by its header, skips internal calls and the Totals row', () => {
    expect(parsed.format).toBe('3cx');
    expect(parsed.errors).toEqual([]);
    expect(parsed.skipped).toEqual([
      { line: 8, message: 'internal call between extensions' },
      { line: 10, message: 'report totals row' },
    ]);
  });

  it('merges queue legs sharing a Call ID and classifies each call', () => {
    const summary = parsed.calls.map(({ line, call }) => [line, call.direction, call.fromNumber, call.toNumber, call.result, call.extension, call.ringSeconds, call.talkSeconds]);
    expect(summary).toEqual([
      [2, 'in', '+48601234567', '101', 'answered', '101', 5, 192],
      [3, 'in', '+48502998877', '101', 'answered', '101', 15, 100],
      [5, 'in', '+48733445566', '101', 'missed', '101', 30, 0],
      [6, 'in', '+48698112233', '101', 'abandoned', '101', 4, 0],
      [7, 'out', '102', '+48601234567', 'answered', '102', 8, 125],
      [9, 'in', '+48512300400', '101', 'busy', '101', 0, 0],
    ]);
    expect(parsed.calls[0]?.call.sourceId).toBe('00000195A1C2E3F4_101');
    expect(iso(parsed.calls[0]?.call.startedAt ?? 0)).toBe('2025-03-11T07:02:13.000Z');
  });

  it('reads a semicolon export with day-first dates (European Excel) the same way', () => {
    const semi = parseCallFile(fixture('3cx-call-log-semicolon.csv'), warsaw);
    expect(semi.errors).toEqual([]);
    expect(semi.calls.map((c) => [c.call.sourceId, c.call.result, iso(c.call.startedAt)])).toEqual([
      ['00000195A1C2E3F4_101', 'answered', '2025-03-11T07:02:13.000Z'],
      ['00000195A1C2E3F4_107', 'missed', '2025-03-11T08:31:05.000Z'],
      ['00000195A1C2E3F4_111', 'answered', '2025-03-11T09:05:00.000Z'],
    ]);
  });

  it('names the missing columns when read with the wrong delimiter', () => {
    const wrong = parseThreeCxCallLog(parseCsv(fixture('3cx-call-log-semicolon.csv'), { delimiter: ',' }).records, warsaw);
    expect(wrong.calls).toEqual([]);
    expect(wrong.fileError).toMatch(/^not a 3CX call log: no column call time, from, to, status in the header/);
  });

  it('reports an unknown status and an unreadable duration with their lines', () => {
    const text = [
      'Call Time,Call ID,From,To,Direction,Status,Ringing,Talking',
      '2025-03-11T08:02:13,A1,+48601234567,Recepcja 1 (101),Inbound,Teleported,00:00:05,00:01:00',
      '2025-03-11T08:03:13,A2,+48601234567,Recepcja 1 (101),Inbound,Answered,five,00:01:00',
      '2025-03-11T08:04:13,A3,+48601234567,Recepcja 1 (101),Inbound,Answered,00:00:05,00:01:00',
    ].join('\n');
    const result = parseCallFile(text, warsaw);
    expect(result.errors).toMatchObject([
      { line: 2, message: 'Status: unknown value "Teleported"' },
      { line: 3, message: 'Ringing: cannot read "five" as a duration' },
    ]);
    expect(result.calls.map((c) => c.call.sourceId)).toEqual(['A3']);
  });
});

describe('generic CSV with a column mapping', () => {
  const mapping: ColumnMapping = {
    startedAt: 'Data e ora',
    direction: 'Tipo',
    number: 'Numero',
    status: 'Esito',
    ringSeconds: 'Attesa (s)',
    talkSeconds: 'Durata',
    extension: 'Interno',
    note: 'Note',
    dateOrder: 'dmy',
  };
  const rome = { timeZone: 'Europe/Rome', mapping };

  it('reads a hand-kept Italian call list', () => {
    const parsed = parseCallFile(fixture('generic-calls.csv'), rome);
    expect(parsed.format).toBe('generic');
    expect(parsed.calls.map(({ call }) => [call.direction, call.fromNumber, call.toNumber, call.result, call.extension, call.talkSeconds, call.note])).toEqual([
      ['in', '+393331234567', '', 'answered', '201', 161, 'Chiede spostamento visita'],
      ['in', '+393477654321', '', 'missed', '201', 0, ''],
      ['in', '+393477654321', '', 'abandoned', '202', 0, ''],
      ['out', '', '+393331234567', 'answered', '201', 65, 'Richiamata'],
      ['in', '0669123456', '', 'busy', '201', 0, ''],
    ]);
    expect(parsed.errors).toMatchObject([{ line: 7, message: 'Data e ora: cannot read "31/02/2024 09:25" as a date and time' }]);
    expect(iso(parsed.calls[0]?.call.startedAt ?? 0)).toBe('2024-03-12T07:31:00.000Z');
  });

  it('gives rows without an id a stable hash id', () => {
    const a = parseCallFile(fixture('generic-calls.csv'), rome);
    const b = parseCallFile(fixture('generic-calls.csv'), rome);
    expect(a.calls.map((c) => c.call.sourceId)).toEqual(b.calls.map((c) => c.call.sourceId));
    expect(new Set(a.calls.map((c) => c.call.sourceId)).size).toBe(5);
  });

  it('explains a mapping that names a column the file does not have', () => {
    const parsed = parseCallFile(fixture('generic-calls.csv'), { timeZone: 'Europe/Rome', mapping: { ...mapping, status: 'Outcome' } });
    expect(parsed.fileError).toMatch(/mapped column\(s\) "Outcome" not in the header/);
  });

  it('explains a mapping that cannot work', () => {
    const parsed = parseCallFile(fixture('generic-calls.csv'), { timeZone: 'Europe/Rome', mapping: { startedAt: 'Data e ora', number: 'Numero' } });
    expect(parsed.fileError).toMatch(/^mapping\.direction/);
  });
});

describe('format detection and empty input', () => {
  it('an empty file is a file-level error, not a crash', () => {
    const parsed = parseCallFile(fixture('empty.csv'), warsaw);
    expect(parsed).toMatchObject({ format: null, calls: [], fileError: 'the file is empty' });
  });

  it('a header-only 3CX file has no calls and no errors', () => {
    const parsed = parseCallFile('Call Time,Call ID,From,To,Direction,Status,Ringing,Talking,Cost\n', warsaw);
    expect(parsed).toMatchObject({ format: '3cx', calls: [], errors: [], fileError: null });
  });

  it('an unknown layout without a mapping asks for one', () => {
    const parsed = parseCallFile(fixture('generic-calls.csv'), warsaw);
    expect(parsed.fileError).toMatch(/generic CSV with a column mapping/);
  });
});
