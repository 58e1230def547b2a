import { describe, expect, it } from 'vitest';
import { smsSegmentsCommand } from '../../../../src-main/cli/commands/smsSegments';

async function run(text: string, transliterate = false): Promise<Record<string, unknown>> {
  const out: string[] = [];
  const code = await smsSegmentsCommand.run({ values: { json: true, transliterate }, positionals: [text] }, { out: (l) => out.push(l), err: () => {} });
  expect(code).toBe(0);
  return JSON.parse(out.join('\n')) as Record<string, unknown>;
}

describe('clinic-desk sms-segments --json (GSM 03.38 edge cases)', () => {
  const cases: Array<[string, string, string, number, number, number]> = [
    // label, text, encoding, segments, characters, units
    ['exactly 160 GSM-7', 'a'.repeat(160), 'GSM-7', 1, 160, 160],
    ['161 GSM-7', 'a'.repeat(161), 'GSM-7', 2, 161, 161],
    ['€ costs two septets', 'a'.repeat(158) + '€', 'GSM-7', 1, 159, 160],
    ['€ tipping over 160', 'a'.repeat(159) + '€', 'GSM-7', 2, 160, 161],
    ['[]{} extension characters', '[]{}', 'GSM-7', 1, 4, 8],
    ['one emoji', '😀', 'UCS-2', 1, 1, 2],
    ['Italian accents GSM-7 carries', 'Perché è così, città più giù', 'GSM-7', 1, 28, 28],
    ['Polish letters force UCS-2', 'Zażółć gęślą jaźń', 'UCS-2', 1, 17, 17],
    ['exactly 70 UCS-2', 'ł'.repeat(70), 'UCS-2', 1, 70, 70],
    ['71 UCS-2', 'ł'.repeat(71), 'UCS-2', 2, 71, 71],
  ];
  it.each(cases)('%s', async (_l, text, encoding, segments, characters, units) => {
    expect(await run(text)).toMatchObject({ encoding, segments, characters, units, sent: text });
  });

  it('names the character that forces UCS-2', async () => {
    expect(await run('Wizyta jutro, zapłata gotówką')).toMatchObject({ encoding: 'UCS-2', ucs2Because: 'ł', nonGsm: ['ł', 'ó', 'ą'] });
  });

  it('prints the text actually sent with --transliterate', async () => {
    expect(await run('Zażółć gęślą jaźń', true)).toMatchObject({ encoding: 'GSM-7', segments: 1, sent: 'Zazolc gesla jazn', original: { encoding: 'UCS-2' } });
    expect(await run('È già così', true)).toMatchObject({ encoding: 'GSM-7', sent: 'E già così' });
  });

  it('refuses a missing text with a clear error', async () => {
    await expect(smsSegmentsCommand.run({ values: {}, positionals: [] }, { out: () => {}, err: () => {} })).rejects.toMatchObject({ code: 'invalid_input', field: 'text' });
  });
});
