import { describe, expect, it } from 'vitest';
import { mergeConsents, mergeTags, planMerge, type ConsentRecord, type MergeablePatient } from '../../../../src-main/domain/patients/mergePlan';

const D = (iso: string): number => Date.parse(iso);

const anna: MergeablePatient = {
  id: 1,
  firstName: 'Anna',
  lastName: 'Kowalska',
  language: 'pl',
  preferredChannel: 'whatsapp',
  birthDate: '1985-03-14',
  notes: 'Allergic to penicillin.',
  tags: ['VIP', 'ortho'],
  consents: [{ kind: 'whatsapp', granted: true, at: D('2025-05-01'), source: 'whatsapp' }],
  identities: [
    { kind: 'phone', value: '+48601234567' },
    { kind: 'whatsapp', value: '+48601234567' },
  ],
  createdAt: D('2025-05-01'),
};

const annaSms: MergeablePatient = {
  id: 2,
  firstName: 'Anna',
  lastName: 'Kowalska-Nowak',
  language: null,
  preferredChannel: 'sms',
  birthDate: null,
  notes: 'Prefers morning visits.',
  tags: ['vip', 'hygiene'],
  consents: [
    { kind: 'sms', granted: true, at: D('2024-11-02'), source: 'form' },
    { kind: 'whatsapp', granted: true, at: D('2024-12-01'), source: 'form' },
  ],
  identities: [
    { kind: 'phone', value: '+48501999888' },
    { kind: 'phone', value: '+48601234567' },
  ],
  createdAt: D('2024-11-02'),
};

describe('planMerge', () => {
  it('loses nothing: identities, tags, consents, notes and the replaced values', () => {
    const plan = planMerge(anna, annaSms);
    expect(plan.keepId).toBe(1);
    expect(plan.removeId).toBe(2);
    expect(plan.merged.identities).toEqual([
      { kind: 'phone', value: '+48601234567' },
      { kind: 'whatsapp', value: '+48601234567' },
      { kind: 'phone', value: '+48501999888' },
    ]);
    expect(plan.addedIdentities).toEqual([{ kind: 'phone', value: '+48501999888' }]);
    expect(plan.merged.tags).toEqual(['VIP', 'ortho', 'hygiene']);
    expect(plan.merged.consents).toEqual([
      { kind: 'whatsapp', granted: true, at: D('2024-12-01'), source: 'form' },
      { kind: 'sms', granted: true, at: D('2024-11-02'), source: 'form' },
    ]);
    expect(plan.merged.language).toBe('pl');
    expect(plan.merged.birthDate).toBe('1985-03-14');
    expect(plan.merged.createdAt).toBe(D('2024-11-02'));
    expect(plan.conflicts).toEqual([
      { field: 'lastName', keep: 'Kowalska', other: 'Kowalska-Nowak', chosen: 'keep' },
      { field: 'preferredChannel', keep: 'whatsapp', other: 'sms', chosen: 'keep' },
    ]);
    expect(plan.merged.notes).toBe(
      'Allergic to penicillin.\n\nPrefers morning visits.\n\nMerged from patient #2, values not kept: last name: Kowalska-Nowak; preferred channel: sms',
    );
  });

  it('follows the receptionist choices and keeps the discarded value in the notes', () => {
    const plan = planMerge(anna, annaSms, { lastName: 'other' });
    expect(plan.merged.lastName).toBe('Kowalska-Nowak');
    expect(plan.merged.notes).toContain('last name: Kowalska;');
    // In the clinic's language (a Polish clinic reads Polish in the patient's notes).
    expect(planMerge(anna, annaSms, { lastName: 'other' }, 'pl').merged.notes).toContain('Scalono z kartoteki pacjenta nr 2, niezachowane wartości: nazwisko: Kowalska;');
  });

  it('treats case and spacing differences as the same value', () => {
    const plan = planMerge(anna, { ...annaSms, lastName: ' kowalska ', preferredChannel: null });
    expect(plan.conflicts).toEqual([]);
    expect(plan.merged.lastName).toBe('Kowalska');
  });

  it('fills blanks of the survivor from the other record without a conflict', () => {
    const plan = planMerge({ ...anna, language: null, firstName: '' }, { ...annaSms, language: 'it' });
    expect(plan.merged.language).toBe('it');
    expect(plan.merged.firstName).toBe('Anna');
  });

  it('does not repeat identical notes', () => {
    expect(planMerge(anna, { ...annaSms, notes: 'allergic to penicillin.', lastName: 'Kowalska', preferredChannel: null }).merged.notes).toBe(
      'Allergic to penicillin.',
    );
  });

  it('refuses to merge a patient with itself, naming the field', () => {
    expect(() => planMerge(anna, anna)).toThrow(/otherId: a patient cannot be merged with itself/);
  });

  it('does not modify its inputs', () => {
    const before = JSON.stringify([anna, annaSms]);
    planMerge(anna, annaSms, { lastName: 'other' });
    expect(JSON.stringify([anna, annaSms])).toBe(before);
  });
});

describe('mergeConsents', () => {
  const c = (kind: ConsentRecord['kind'], granted: boolean, iso: string, source = 'form'): ConsentRecord => ({ kind, granted, at: D(iso), source });
  it.each([
    ['both granted: earliest grant', [c('sms', true, '2025-02-01'), c('sms', true, '2024-01-01', 'phone')], [c('sms', true, '2024-01-01', 'phone')]],
    ['later opt-out wins', [c('sms', true, '2024-01-01'), c('sms', false, '2025-01-01', 'sms STOP')], [c('sms', false, '2025-01-01', 'sms STOP')]],
    ['later consent wins over an older opt-out', [c('marketing', false, '2024-01-01'), c('marketing', true, '2025-01-01')], [c('marketing', true, '2025-01-01')]],
    ['earliest grant after the last opt-out', [c('sms', true, '2023-01-01'), c('sms', false, '2024-01-01'), c('sms', true, '2024-06-01'), c('sms', true, '2025-01-01')], [c('sms', true, '2024-06-01')]],
    ['one side only', [c('whatsapp', true, '2024-01-01')], [c('whatsapp', true, '2024-01-01')]],
    ['none', [], []],
  ] as const)('%s', (_name, input, expected) => {
    expect(mergeConsents([...input])).toEqual(expected);
  });
});

describe('mergeTags', () => {
  it('unions case-insensitively, drops blanks, keeps the first spelling', () => {
    expect(mergeTags(['VIP', ' kids '], ['vip', '', 'Kids', 'new'])).toEqual(['VIP', 'kids', 'new']);
  });
});
