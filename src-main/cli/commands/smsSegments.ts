import { countSegments, previewSms } from '../../domain/sms/smsSegments';
import { DeskError } from '../../domain/shared/errors';
import type { Command } from '../command';

/** `clinic-desk sms-segments "<text>"`: what an SMS costs under GSM 03.38, the same rules as the composer's counter. */
export const smsSegmentsCommand: Command = {
  name: 'sms-segments',
  summary: 'Count the SMS a text costs (GSM-7 or UCS-2, 160/153 or 70/67 per part), optionally after transliteration.',
  usage: 'sms-segments "<text>" [--transliterate] [--json]',
  options: { transliterate: { type: 'boolean' }, json: { type: 'boolean' } },
  allowPositionals: true,
  async run({ values, positionals }, io) {
    if (positionals.length !== 1) throw new DeskError('invalid_input', 'text: give the text as one argument, in quotes', { field: 'text' });
    const text = positionals[0]!;
    const p = previewSms(text, { transliterate: Boolean(values.transliterate) });
    const c = p.count;
    if (values.json) {
      io.out(
        JSON.stringify({
          encoding: c.encoding,
          segments: c.segments,
          characters: c.characters,
          units: c.units,
          perSegment: c.perSegment,
          remaining: c.remaining,
          ucs2Because: c.ucs2Because,
          nonGsm: c.nonGsm,
          transliterated: Boolean(values.transliterate),
          changes: p.changes,
          sent: p.sent,
          original: values.transliterate ? { encoding: countSegments(text).encoding, segments: countSegments(text).segments } : undefined,
        }),
      );
      return 0;
    }
    const why = c.ucs2Because ? ` because of '${c.ucs2Because}'` : '';
    io.out(`${c.segments} SMS · ${c.encoding}${why} · ${c.characters} characters (${c.units} ${c.encoding === 'GSM-7' ? 'septets' : 'UTF-16 units'}, ${c.perSegment} per part, ${c.remaining} left)`);
    if (values.transliterate) {
      io.out(`Sent as: ${p.sent}`);
      if (p.changes.length) io.out(`Replaced: ${p.changes.map((ch) => `${ch.from}→${ch.to}`).join(' ')}`);
    }
    return 0;
  },
};
