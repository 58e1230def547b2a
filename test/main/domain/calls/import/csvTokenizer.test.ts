import { describe, expect, it } from 'vitest';
import { detectDelimiter, parseCsv } from '../../../../../src-main/domain/calls/import/csvTokenizer';

describe('parseCsv', () => {
  it.each([
    ['plain', 'a,b,c\n1,2,3\n', [['a', 'b', 'c'], ['1', '2', '3']]],
    ['quoted delimiter', 'a,"b,c",d\n', [['a', 'b,c', 'd']]],
    ['escaped quote', '"say ""hi""",x\n', [['say "hi"', 'x']]],
    ['CRLF line ends', 'a,b\r\n1,2\r\n', [['a', 'b'], ['1', '2']]],
    ['old Mac CR line ends', 'a,b\r1,2\r', [['a', 'b'], ['1', '2']]],
    ['no final newline', 'a,b\n1,2', [['a', 'b'], ['1', '2']]],
    ['empty fields kept', 'a,,\n', [['a', '', '']]],
    ['rows of bare delimiters (Excel padding) skipped', 'a,b\n,\n', [['a', 'b']]],
    ['blank lines skipped', 'a\n\n   \nb\n', [['a'], ['b']]],
    ['BOM stripped', '\uFEFFCall Time,From\n', [['Call Time', 'From']]],
    ['space before quote dropped', 'a, "b, c"\n', [['a', 'b, c']]],
    ['quote inside unquoted field kept', '5" screen,x\n', [['5" screen', 'x']]],
  ])('%s', (_name, text, expected) => {
    const result = parseCsv(text, { delimiter: ',' });
    expect(result.records.map((r) => r.fields)).toEqual(expected);
    expect(result.problems).toEqual([]);
  });

  it('keeps a newline inside quotes and reports each record on the line it starts', () => {
    const result = parseCsv('h1,h2\n"multi\nline",x\nlast,y\n');
    expect(result.records).toEqual([
      { line: 1, fields: ['h1', 'h2'] },
      { line: 2, fields: ['multi\nline', 'x'] },
      { line: 4, fields: ['last', 'y'] },
    ]);
  });

  it('reports a quote that never closes on its line and still reads the lines after it', () => {
    const result = parseCsv('a,b\n"broken,1\nc,d\ne,f\n', { delimiter: ',' });
    expect(result.problems).toMatchObject([{ line: 2, message: expect.stringContaining('never closed') }]);
    expect(result.records).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 3, fields: ['c', 'd'] },
      { line: 4, fields: ['e', 'f'] },
    ]);
  });
});

describe('detectDelimiter', () => {
  it.each([
    ['comma', 'a,b,c\n1,2,3\n', ','],
    ['semicolon (European Excel), commas inside decimals', 'a;b;c\n1,5;2;3\n', ';'],
    ['tab', 'a\tb\n1\t2\n', '\t'],
    ['pipe', 'a|b\n1|2\n', '|'],
    ['comma inside quotes ignored', '"x,y";b\n"1,2";3\n', ';'],
    ['single column falls back to comma', 'a\nb\n', ','],
  ])('%s', (_name, text, expected) => {
    expect(detectDelimiter(text)).toBe(expected);
  });
});
