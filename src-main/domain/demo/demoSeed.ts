import { TZDate } from '@date-fns/tz';
import { insertAppointment, insertPractitioner } from '../../db/repositories/appointments';
import { insertCall } from '../../db/repositories/calls';
import { ensureConversation, getConversation, saveConversationState } from '../../db/repositories/conversations';
import { insertMessage } from '../../db/repositories/messages';
import { addIdentity, insertPatient, setConsent } from '../../db/repositories/patients';
import { getBoardAppointment, saveAppointmentStatus } from '../../db/repositories/schedule';
import { writeSetting } from '../../db/repositories/settings';
import type { Channel } from '../messaging/channelPort';
import { withMessage } from '../messaging/conversationState';
import { receiveInbound, type MessagingDeps } from '../messaging/messagingService';
import { seedFailedReply } from './demoInbox';
import { updateClinicSettings } from '../settings/clinicSettings';
import { seededRandom, type Random } from '../shared/random';
import {
  DEMO_CLINIC, DEMO_PRACTITIONERS, ENGLISH_FIRST, ENGLISH_LAST, ITALIAN_FIRST, ITALIAN_LAST,
  PATIENT_LINES, POLISH_FIRST, POLISH_LAST, STAFF_LINES, VISIT_TYPES,
} from './demoPeople';

export const DEMO_SETTING = 'demo';
const MIN = 60_000;
const HOUR = 60 * MIN;

type Lang = 'it' | 'pl' | 'en';
export interface DemoPatient {
  id: number;
  language: Lang;
  phone: string;
  channel: Channel;
}

const pick = <T>(r: Random, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const digits = (r: Random, n: number): string => Array.from({ length: n }, () => Math.floor(r() * 10)).join('');

function demoPhone(r: Random, lang: Lang): string {
  if (lang === 'pl') return `+48${pick(r, ['5', '6', '7'])}${digits(r, 8)}`;
  if (lang === 'en') return `+447${pick(r, ['4', '5', '7', '8'])}${digits(r, 8)}`;
  return `+393${pick(r, ['20', '28', '33', '35', '39', '47'])}${digits(r, 7)}`;
}

/** Fills an empty database with the demo clinic as of `deps.clock.now()`. Deterministic for a seed. */
export function seedDemoClinic(deps: MessagingDeps, seed = 20261123): { patients: DemoPatient[] } {
  const { db, clock } = deps;
  const r = seededRandom(seed);
  const now = clock.now();
  return db.transaction(() => {
    updateClinicSettings(db, DEMO_CLINIC);
    const zoned = new TZDate(now, DEMO_CLINIC.timeZone);
    const dayStart = new TZDate(zoned.getFullYear(), zoned.getMonth(), zoned.getDate(), 0, 0, DEMO_CLINIC.timeZone).getTime();
    writeSetting(db, DEMO_SETTING, { seededDay: zoned.toISOString().slice(0, 10), seed });

    const practitionerIds = DEMO_PRACTITIONERS.map((p) => insertPractitioner(db, p));
    const patients: DemoPatient[] = [];
    const addPatient = (first: string, last: string, language: Lang, phone: string, channel: Channel, birthYear: number): DemoPatient => {
      const id = insertPatient(db, { firstName: first, lastName: last, language, preferredChannel: channel, birthDate: `${birthYear}-0${1 + Math.floor(r() * 9)}-1${Math.floor(r() * 9)}`, sex: /a$/.test(first) ? 'f' : 'm' }, now - 400 * 24 * HOUR);
      addIdentity(db, id, 'phone', phone, now, 'cellulare');
      if (channel === 'whatsapp') addIdentity(db, id, 'whatsapp', `${phone.slice(1)}@s.whatsapp.net`, now);
      setConsent(db, id, 'sms', true, now - 300 * 24 * HOUR, 'form');
      if (channel === 'whatsapp') setConsent(db, id, 'whatsapp', true, now - 300 * 24 * HOUR, 'form');
      if (r() < 0.5) setConsent(db, id, 'marketing', r() < 0.8, now - 200 * 24 * HOUR, 'form');
      const p = { id, language, phone, channel };
      patients.push(p);
      return p;
    };

    // The patient every channel knows: WhatsApp, SMS and a missed call on one timeline.
    const kasia = addPatient('Katarzyna', 'Kowalska', 'pl', '+48601234567', 'whatsapp', 1986);
    const usedNames = new Set<string>();
    const cast: [Lang, readonly string[], readonly string[], number][] = [['it', ITALIAN_FIRST, ITALIAN_LAST, 44], ['pl', POLISH_FIRST, POLISH_LAST, 9], ['en', ENGLISH_FIRST, ENGLISH_LAST, 6]];
    for (const [lang, firsts, lasts, count] of cast) {
      for (let i = 0; i < count; i++) {
        let first: string, last: string;
        do {
          first = pick(r, firsts);
          last = pick(r, lasts);
        } while (usedNames.has(first + last));
        usedNames.add(first + last);
        // Polish surnames agree in gender: Nowak stays, -ska/-ski follow the first name.
        if (lang === 'pl' && /a$/.test(first) === false) last = last.replace(/ska$/, 'ski');
        if (lang === 'pl' && /a$/.test(first)) last = last.replace(/ski$/, 'ska');
        addPatient(first, last, lang, demoPhone(r, lang), r() < 0.7 ? 'whatsapp' : 'sms', 1940 + Math.floor(r() * 70));
      }
    }

    seedAppointments(deps, r, practitionerIds, patients, dayStart, now);
    // The demo is opened at any hour, evenings included: no quiet hours here (a real clinic keeps 21:00–07:00).
    writeSetting(db, 'delays.policy', { quietHours: null });
    seedConversations(deps, r, patients.slice(1), now);

    // Katarzyna's story across channels.
    inbound(deps, kasia, 'whatsapp', 'Dzień dobry, czy mogę przełożyć wizytę z piątku na poniedziałek?', now - 26 * HOUR, 'kasia-1');
    staffReply(deps, kasia, 'whatsapp', 'Dzień dobry! Poniedziałek o 10:30 jest wolny — pasuje?', now - 25 * HOUR, 'read');
    inbound(deps, kasia, 'sms', 'Tak, poniedziałek 10:30 pasuje. Dziękuję! Katarzyna', now - 3 * HOUR, 'kasia-2');
    const conv = ensureConversation(db, kasia.id, now);
    insertCall(db, { patient_id: kasia.id, conversation_id: conv.id, direction: 'in', from_number: kasia.phone, to_number: '+390612345678', started_at: now - 95 * MIN, ring_seconds: 32, talk_seconds: 0, result: 'missed', extension: '201', source: 'demo', source_id: 'kasia-call', note: '' }, now);
    seedFailedReply(deps, patients.find((p) => p.language === 'it' && p.channel === 'sms')!, now - 40 * MIN);
    return { patients };
  })();
}

function inbound(deps: MessagingDeps, p: DemoPatient, channel: Channel, body: string, at: number, id: string): void {
  receiveInbound(deps, {
    channel,
    providerId: `demo-${id}`,
    fromPhone: p.phone,
    fromWhatsappJid: channel === 'whatsapp' ? `${p.phone.slice(1)}@s.whatsapp.net` : null,
    body,
    at,
  });
}

function staffReply(deps: MessagingDeps, p: DemoPatient, channel: Channel, body: string, at: number, status: 'delivered' | 'read'): void {
  const conv = ensureConversation(deps.db, p.id, at);
  insertMessage(deps.db, { conversationId: conv.id, channel, direction: 'out', body, status, author: 'Reception', providerId: `demo-out-${conv.id}-${at}`, at });
  const fresh = getConversation(deps.db, conv.id)!;
  saveConversationState(deps.db, conv.id, withMessage(fresh, { type: 'outbound', at }, channel, body));
}

function seedConversations(deps: MessagingDeps, r: Random, patients: DemoPatient[], now: number): void {
  let n = 0;
  for (const p of patients) {
    if (r() < 0.25) continue; // not everybody has written
    const lines = PATIENT_LINES[p.language];
    const replies = STAFF_LINES[p.language];
    const exchanges = 1 + Math.floor(r() * 3);
    let t = now - Math.floor((2 + r() * 70) * HOUR);
    for (let i = 0; i < exchanges && t < now; i++) {
      inbound(deps, p, p.channel, pick(r, lines), t, `${p.id}-${n++}`);
      t += Math.floor((5 + r() * 90) * MIN);
      const answered = i < exchanges - 1 || r() < 0.45;
      if (answered && t < now) staffReply(deps, p, p.channel, pick(r, replies), t, r() < 0.7 ? 'read' : 'delivered');
      t += Math.floor((1 + r() * 20) * HOUR);
    }
    if (r() < 0.18) {
      const conv = ensureConversation(deps.db, p.id, now);
      const missed = r() < 0.6;
      insertCall(deps.db, { patient_id: p.id, conversation_id: conv.id, direction: 'in', from_number: p.phone, to_number: '+390612345678', started_at: now - Math.floor(r() * 48 * HOUR), ring_seconds: 5 + Math.floor(r() * 30), talk_seconds: missed ? 0 : 40 + Math.floor(r() * 300), result: missed ? 'missed' : 'answered', extension: pick(r, ['201', '202']), source: 'demo', source_id: `call-${p.id}`, note: '' }, now);
    }
  }
}

function seedAppointments(deps: MessagingDeps, r: Random, practitionerIds: number[], patients: DemoPatient[], dayStart: number, now: number): void {
  const free = [...patients].sort(() => r() - 0.5);
  // "Today" is built around the real current time so the delay demo works whenever it is opened:
  // a 9-hour session starting 2½ h ago (kept inside the clinic day), with a 30-minute break 3 h from now.
  const quarter = 15 * MIN;
  const sessionStart = Math.min(Math.max(Math.floor(now / quarter) * quarter - 150 * MIN, dayStart + quarter), dayStart + 24 * HOUR - 9 * HOUR - quarter);
  const breakFrom = sessionStart + 5 * HOUR + 30 * MIN;
  DEMO_PRACTITIONERS.forEach((pr, i) => {
    let t = sessionStart + i * quarter;
    const end = sessionStart + 9 * HOUR;
    let firstUpcoming = true;
    while (t + pr.visitMinutes * MIN <= end) {
      if (t >= breakFrom && t < breakFrom + 30 * MIN) {
        t = breakFrom + 30 * MIN;
        continue;
      }
      const p = free.pop();
      if (!p) return;
      const endsAt = t + pr.visitMinutes * MIN;
      let status: 'no_show' | 'done' | 'in_visit' | 'checked_in' | 'confirmed' | 'booked' =
        endsAt < now ? (r() < 0.08 ? 'no_show' : 'done') : t < now ? 'in_visit' : r() < 0.5 ? 'confirmed' : 'booked';
      // The next patient of each practitioner is already in the waiting room: no notice for them.
      if (t >= now && firstUpcoming) {
        status = 'checked_in';
        firstUpcoming = false;
      }
      const id = insertAppointment(deps.db, { patientId: p.id, practitionerId: practitionerIds[i]!, startsAt: t, endsAt, type: pick(r, VISIT_TYPES.it), status, source: 'demo', externalUid: `demo-${i}-${t}` });
      if (status !== 'booked' && status !== 'confirmed' && status !== 'no_show') {
        markProgress(deps, id, status === 'checked_in' ? now - 5 * MIN : t - 5 * MIN, status === 'checked_in' ? null : t, status === 'done' ? endsAt : null);
      }
      // A full book for the next two hours (where a delay hurts), then some gaps that absorb delays.
      t = endsAt + (t > now + 2 * HOUR && r() < 0.25 ? pr.visitMinutes * MIN : 0);
    }
  });
}

function markProgress(deps: MessagingDeps, appointmentId: number, checkedInAt: number, startedAt: number | null, finishedAt: number | null): void {
  const row = getBoardAppointment(deps.db, appointmentId)!;
  saveAppointmentStatus(deps.db, appointmentId, { status: row.status, checkedInAt, startedAt, finishedAt });
}
