import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { phoneCandidates } from '../../../../src-main/domain/patients/phoneSuggestions';
import { toE164, toValidE164 } from '../../../../src-main/domain/patients/phone';
import { tempApp } from '../../../helpers/tempApp';

describe('typed numbers must be valid, not merely possible (libphonenumber isValid)', () => {
  it.each([
    ['601-234-567', 'IT', null], // a Polish mobile typed without +48 is not an Italian number
    ['123456', 'IT', null],
    ['333 123 4567', 'IT', '+393331234567'],
    ['06 1234 5678', 'IT', '+390612345678'],
    ['601 234 567', 'PL', '+48601234567'],
    ['+44 7911 123456', 'IT', '+447911123456'],
  ])('%s in %s → %s', (raw, region, e164) => {
    expect(toValidE164(raw, region as 'IT')).toBe(e164);
  });

  it('received numbers stay lenient: a possible number still reaches the inbox', () => {
    expect(toE164('123456', 'IT')).toBe('+39123456');
  });

  it('proposes what was meant', () => {
    expect(phoneCandidates('601-234-567', 'IT')).toContain('+48601234567');
    expect(phoneCandidates('48601234567', 'IT')).toContain('+48601234567');
    expect(phoneCandidates('123456', 'IT')).toEqual([]);
  });
});

describe('creating a patient with an invalid number', () => {
  let app: Awaited<ReturnType<typeof tempApp>>;
  const call = <T>(m: string, p: unknown): Promise<T> => app.call(m, p) as Promise<T>;
  beforeEach(async () => {
    app = await tempApp();
  });
  afterEach(() => app.cleanup());

  it('is refused with a suggestion', async () => {
    await expect(call('patient.create', { firstName: 'Anna', lastName: 'Kowalska', phone: '601-234-567' })).rejects.toMatchObject({
      code: 'invalid_input',
      field: 'phone',
      message: expect.stringContaining('did you mean +48 601 234 567?'),
    });
    // 601 234 567 is a mobile in Poland, France and Spain: Poland, the closer clinic country, is proposed first.
    const err = await call('patient.create', { firstName: 'Anna', lastName: 'Kowalska', phone: '601-234-567' }).catch((e: unknown) => e);
    const details = (err as { details: { reason: string; suggestions: { e164: string; patient: unknown }[] } }).details;
    expect(details.reason).toBe('invalid_phone');
    expect(details.suggestions.map((x) => x.e164)).toEqual(['+48601234567', '+33601234567', '+34601234567']);
  });

  it('offers the existing patient who has that number', async () => {
    await call('patient.create', { firstName: 'Anna', lastName: 'Kowalska', phone: '+48 601 234 567' });
    await expect(call('patient.create', { firstName: 'Ania', lastName: 'Kowalska', phone: '601234567' })).rejects.toMatchObject({
      message: expect.stringContaining('did you mean +48 601 234 567 (Anna Kowalska)?'),
      details: { suggestions: expect.arrayContaining([expect.objectContaining({ e164: '+48601234567', patient: expect.objectContaining({ name: 'Anna Kowalska' }) })]) },
    });
  });
});
