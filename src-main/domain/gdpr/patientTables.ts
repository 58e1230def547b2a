/**
 * Every table that holds something about a patient, and what the GDPR answers do with it. A table that gains a
 * foreign key to patients, conversations or messages (or a phone column) must be added here: the completeness
 * test (test/main/domain/gdpr/patientTables.test.ts) reads the live schema and fails until it is.
 *
 * - export: the rows go into the patient's export (the query is in db/repositories/gdpr.ts PERSON_QUERIES);
 * - erase: 'delete' (rows only about the person), 'anonymise' (rows the statistics count stay without what names
 *   or reaches the person), 'keep' (nothing personal in them: ids, times, counts).
 */
export type ErasePolicy = 'delete' | 'anonymise' | 'keep';

export interface TablePolicy {
  export: boolean;
  erase: ErasePolicy;
  why: string;
}

export const PATIENT_TABLES: Record<string, TablePolicy> = {
  patients: { export: true, erase: 'anonymise', why: 'names, birth date, notes and tags emptied; the row stays for visit and message counts' },
  patient_identities: { export: true, erase: 'delete', why: 'phone numbers and WhatsApp ids' },
  patient_consents: { export: true, erase: 'delete', why: 'consents of a person who is no longer reachable' },
  conversations: { export: true, erase: 'anonymise', why: 'last preview emptied; status and times stay for response-time statistics' },
  messages: { export: true, erase: 'anonymise', why: 'bodies and media links emptied; channel, direction, status and times stay' },
  calls: { export: true, erase: 'anonymise', why: 'numbers and notes emptied; result and durations stay' },
  appointments: { export: true, erase: 'anonymise', why: 'notes emptied; visits stay for the agenda statistics' },
  outbox: { export: true, erase: 'anonymise', why: 'body and address emptied; anything not yet sent is cancelled' },
  sms_opt_outs: { export: true, erase: 'delete', why: 'opt-out keywords the person sent' },
  callback_tasks: { export: true, erase: 'anonymise', why: 'number replaced; callback times stay for the statistics' },
  text_backs: { export: true, erase: 'anonymise', why: 'number replaced; the per-day count stays' },
  delay_notices: { export: true, erase: 'keep', why: 'ids, times and ETAs only' },
  auto_replies: { export: true, erase: 'keep', why: 'ids, kind and language only' },
  audit_log: { export: true, erase: 'anonymise', why: 'who did what and when stays; details quoting the person are emptied' },
  media: { export: true, erase: 'delete', why: 'files only this person sent or received (the zip holds their bytes)' },
  campaign_recipients: { export: true, erase: 'keep', why: 'which campaign reached the person and why one was refused (ids and codes): campaign reports still add up' },
  automation_sends: { export: true, erase: 'keep', why: 'birthday and recall sends (ids and periods)' },
  drafts: { export: true, erase: 'delete', why: 'a reply the desk had begun to write to the person' },
  visit_messages: { export: true, erase: 'keep', why: 'which visit messages went, their answers and scores (ids, kinds, codes): reminder and feedback statistics stay' },
  whatsapp_auth: { export: false, erase: 'delete', why: "WhatsApp's encryption session with the person's number (sealed keys, rebuilt on the next message)" },
  whatsapp_sent_content: { export: false, erase: 'delete', why: 'the sealed content of messages sent to the person, kept a week to answer WhatsApp retry requests' },
  whatsapp_retry_counts: { export: false, erase: 'delete', why: "how often a message was re-sent to the person's devices (keyed by their WhatsApp id), kept an hour" },
};

/** Tables that reach a patient without a foreign key (by phone number or by an entity id). */
export const LINKED_WITHOUT_FOREIGN_KEY = ['audit_log', 'media', 'whatsapp_auth', 'whatsapp_sent_content', 'whatsapp_retry_counts', 'text_backs', 'callback_tasks', 'outbox'];

/** The tables a foreign key to any of these makes personal. */
export const PERSONAL_ROOTS = ['patients', 'conversations', 'messages'];
