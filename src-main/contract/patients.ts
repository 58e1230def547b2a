import { z } from 'zod';
import { channel, id, language } from './common';
import { method, type EventMap, type MethodMap } from './define';
import { patientCard } from './inbox';

/** Patient records: create from an unknown number, identities, consents, merge. Edits of fields are `patient.update` (inbox.ts). */
const identityKind = z.enum(['phone', 'whatsapp']);
const mergeField = z.enum(['firstName', 'lastName', 'language', 'preferredChannel', 'birthDate']);
const mergeChoices = z.partialRecord(mergeField, z.enum(['keep', 'other'])).default({});

export const mergeConflict = z.object({ field: mergeField, keep: z.string(), other: z.string(), chosen: z.enum(['keep', 'other']) });

export const patientsApi = {
  'patient.create': method(
    z.object({
      phone: z.string().trim().min(1, 'a phone number is needed'),
      firstName: z.string().trim().max(100).default(''),
      lastName: z.string().trim().max(100).default(''),
      language: language.nullable().default(null),
      preferredChannel: channel.nullable().default(null),
      notes: z.string().max(10_000).default(''),
    }),
    z.object({ patientId: id, conversationId: id }),
  ),
  'patient.addPhone': method(z.object({ patientId: id, phone: z.string().trim().min(1), kind: identityKind.default('phone') }), patientCard),
  'patient.removeIdentity': method(z.object({ patientId: id, kind: identityKind, value: z.string().min(1) }), patientCard),
  'patient.setConsent': method(
    z.object({
      patientId: id,
      kind: z.enum(['whatsapp', 'sms', 'marketing']),
      granted: z.boolean(),
      source: z.string().trim().min(1).max(60).default('desk'),
    }),
    patientCard,
  ),
  'patient.mergePreview': method(
    z.object({ keepId: id, otherId: id, choices: mergeChoices }),
    z.object({ keep: patientCard, other: patientCard, conflicts: z.array(mergeConflict), addedPhones: z.number().int().nonnegative() }),
  ),
  'patient.merge': method(
    z.object({ keepId: id, otherId: id, choices: mergeChoices }),
    z.object({ patient: patientCard, conversationId: id.nullable() }),
  ),
} satisfies MethodMap;

export const patientsEvents = {
  'patient.updated': z.object({ patientId: id }),
  /** A conversation emptied by a merge: its items now live in `mergedInto`. */
  'conversation.removed': z.object({ conversationId: id, mergedInto: id.nullable() }),
} satisfies EventMap;
