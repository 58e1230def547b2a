import { describe, expect, it } from 'vitest';
import { countSegments } from '../../../../src-main/domain/sms/smsSegments';
import { transliterate } from '../../../../src-main/domain/sms/transliterate';
import { TYPICAL_VALUES, typicalSegments } from '../../../../src-main/domain/visitLoop/visitLoopSettings';
import { DEFAULT_VISIT_TEXTS, VISIT_TEXT_KINDS } from '../../../../src-main/domain/visitLoop/visitTexts';

const TWO_VISITS = { ...TYPICAL_VALUES, 'appointment.list': 'wt 24/11 10:30 Dr Bianchi, 11:30 Dr Rossi-Kowalska' };

describe('starter visit texts fit the clinics’ SMS budget', () => {
  for (const kind of VISIT_TEXT_KINDS) {
    for (const language of ['it', 'pl', 'en']) {
      it(`${kind} (${language}) is one GSM-7 segment once transliterated`, () => {
        const body = DEFAULT_VISIT_TEXTS[kind][language]!;
        expect(typicalSegments(body, true)).toBe(1);
      });
    }
  }
  it.each(['it', 'pl', 'en'])('the reminder listing two visits (%s) costs two segments at most', (language) => {
    expect(typicalSegments(DEFAULT_VISIT_TEXTS.reminder[language]!, true, TWO_VISITS)).toBeLessThanOrEqual(2);
  });
  it('transliterated texts are pure GSM-7 (no accent forces UCS-2)', () => {
    const filled = DEFAULT_VISIT_TEXTS.reminder.pl!.replace(/\{\{[^}]+\}\}/g, 'x');
    expect(countSegments(transliterate(filled)).encoding).toBe('GSM-7');
    expect(countSegments(filled).encoding).toBe('UCS-2');
  });
});
