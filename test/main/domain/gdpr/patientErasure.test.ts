import fs from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { databaseFile } from '../../../../src-main/app/createApp';
import { insertCall } from '../../../../src-main/db/repositories/calls';
import { recordMedia } from '../../../../src-main/db/repositories/media';
import { insertPatient } from '../../../../src-main/db/repositories/patients';
import { gdprDeps } from '../../../../src-main/domain/gdpr/gdprArea';
import { findPatientForRequest } from '../../../../src-main/domain/gdpr/findPatient';
import { erasePatient } from '../../../../src-main/domain/gdpr/patientErasure';
import { exportPatient } from '../../../../src-main/domain/gdpr/patientExport';
import { MediaStore } from '../../../../src-main/domain/media/mediaStore';
import { queueOutgoing, receiveInbound } from '../../../../src-main/domain/messaging/messagingService';
import { setPatientConsent } from '../../../../src-main/domain/patients/patientService';
import { T0, tempApp } from '../../../helpers/tempApp';

const PHONE = '+48601234567';
const NAME = 'Xanthippe';
const SURNAME = 'Quarantotto';
const SECRET = 'pierogi ruskie ze skwarkami numer 7781';
const OTHER_TEXT = 'Buongiorno vorrei spostare la visita di ortodonzia';

/** Every occurrence of `needle` in the file, as UTF-8 and as UTF-16 (SQLite stores text as UTF-8; belt and braces). */
function occurrences(file: string, needle: string): number {
  if (!fs.existsSync(file)) return 0;
  const hay = fs.readFileSync(file);
  let n = 0;
  for (const enc of ['utf8', 'utf16le'] as const) {
    const pat = Buffer.from(needle, enc);
    for (let i = hay.indexOf(pat); i !== -1; i = hay.indexOf(pat, i + 1)) n++;
  }
  return n;
}

let cleanup: (() => Promise<void>) | null = null;
afterEach(async () => {
  await cleanup?.();
  cleanup = null;
});

async function clinicWithPatient() {
  const app = await tempApp();
  cleanup = app.cleanup;
  const { db } = app.ctx;
  const m = app.ctx.messaging;
  receiveInbound(m, { channel: 'whatsapp', providerId: 'w-1', fromPhone: PHONE, fromWhatsappJid: '48601234567@s.whatsapp.net', pushName: `${NAME} ${SURNAME}`, body: SECRET, at: T0 });
  const patientId = findPatientForRequest(db, PHONE, 'PL');
  db.prepare('UPDATE patients SET first_name = ?, last_name = ?, birth_date = ?, notes = ? WHERE id = ?').run(NAME, SURNAME, '1980-02-03', `${NAME} prefers mornings`, patientId);
  setPatientConsent({ db, region: m.region }, patientId, 'marketing', true, 'form', { actor: 'anna', at: T0 });
  const conv = db.prepare('SELECT id FROM conversations WHERE patient_id = ?').get(patientId) as { id: number };
  // A photo the patient sent: its bytes must leave the disk with the erasure.
  const store = new MediaStore(app.ctx.dataDir);
  const png = Buffer.concat([Buffer.from('\x89PNG\r\n\x1a\n', 'latin1'), Buffer.from(`photo of ${SURNAME}'s x-ray`)]);
  const stored = await store.put(png, { mime: 'image/png', fileName: `${SURNAME}-xray.png` });
  recordMedia(db, { sha256: stored.sha256, mime: stored.mime, kind: 'image', size: stored.size, file_name: `${SURNAME}-xray.png` }, T0);
  receiveInbound(m, { channel: 'whatsapp', providerId: 'w-2', fromPhone: PHONE, body: '', kind: 'image', media: stored, at: T0 + 1000 });
  queueOutgoing(m, { conversationId: conv.id, body: `Gentile ${NAME}, a domani`, channel: 'sms', author: 'anna' });
  insertCall(db, { patient_id: patientId, conversation_id: conv.id, direction: 'in', from_number: PHONE, to_number: '+390612345', started_at: T0 + 5000, ring_seconds: 4, talk_seconds: 60, result: 'answered', extension: '201', source: 'manual', source_id: null, note: `${SURNAME} asked about prices` }, T0 + 5000);
  // Someone else, who must stay as they are.
  receiveInbound(m, { channel: 'sms', providerId: 's-9', fromPhone: '+393331112222', body: OTHER_TEXT, at: T0 + 9000 });
  return { app, patientId, conversationId: conv.id, sha: stored.sha256 };
}

describe('GDPR export', () => {
  it('puts the record, messages, calls, consents, audit entries and media in one zip', async () => {
    const { app, patientId, sha } = await clinicWithPatient();
    const out = await exportPatient(gdprDeps(app.ctx), patientId, 'admin');
    const files = unzipSync(out.zip);
    const doc = JSON.parse(strFromU8(files['patient.json']!)) as { tables: Record<string, Record<string, unknown>[]> };
    expect(doc.tables.patients![0]).toMatchObject({ first_name: NAME, last_name: SURNAME });
    expect(doc.tables.patient_identities!.map((r) => r.value)).toContain(PHONE);
    expect(doc.tables.messages!.map((r) => r.body)).toEqual(expect.arrayContaining([SECRET, `Gentile ${NAME}, a domani`]));
    expect(doc.tables.messages!.map((r) => r.body)).not.toContain(OTHER_TEXT);
    expect(doc.tables.calls).toHaveLength(1);
    expect(doc.tables.patient_consents!.map((r) => r.kind)).toEqual(['marketing']);
    expect(doc.tables.audit_log!.map((r) => r.action)).toContain('patient.consent');
    expect(doc.tables.outbox).toHaveLength(1);
    const mediaName = Object.keys(files).find((f) => f.startsWith('media/'))!;
    expect(mediaName).toContain(sha.slice(0, 12));
    expect(Buffer.from(files[mediaName]!).toString()).toContain('x-ray');
    // The export itself is in the audit log, with who.
    const audit = app.ctx.db.prepare(`SELECT actor FROM audit_log WHERE action = 'patient.export' AND entity_id = ?`).all(String(patientId));
    expect(audit).toEqual([{ actor: 'admin' }]);
  });

  it('refuses an unknown number and a number two records share', async () => {
    const { app } = await clinicWithPatient();
    expect(() => findPatientForRequest(app.ctx.db, '+48 500 000 000', 'PL')).toThrow(/no patient has the number/);
    const twin = insertPatient(app.ctx.db, { firstName: 'Twin' }, T0);
    // The same person's WhatsApp filed under a second record: the number is ambiguous.
    app.ctx.db.prepare(`DELETE FROM patient_identities WHERE kind = 'whatsapp' AND patient_id <> ?`).run(twin);
    app.ctx.db.prepare(`INSERT INTO patient_identities (patient_id, kind, value, created_at) VALUES (?, 'whatsapp', '48601234567@s.whatsapp.net', ?)`).run(twin, T0);
    expect(() => findPatientForRequest(app.ctx.db, '601 234 567', 'PL')).toThrow(/2 patients share the number/);
  });
});

describe('GDPR erasure', () => {
  it('leaves no number, name or message text in the database file or its WAL, and keeps the counts', async () => {
    const { app, patientId, sha } = await clinicWithPatient();
    const { db } = app.ctx;
    const file = databaseFile(app.ctx.dataDir);
    const wal = `${file}-wal`;
    db.pragma('wal_checkpoint(PASSIVE)');
    // The search finds what is there: before the erasure, every needle is in the file or its WAL.
    for (const needle of [PHONE, SURNAME, 'skwarkami', OTHER_TEXT]) expect(occurrences(file, needle) + occurrences(wal, needle), needle).toBeGreaterThan(0);
    const messagesBefore = (db.prepare('SELECT count(*) AS n FROM messages').get() as { n: number }).n;

    const out = await erasePatient(gdprDeps(app.ctx), patientId, 'admin');
    expect(out.scrub).toEqual({ walFramesLeft: 0, vacuumed: true });
    expect(out.mediaFilesRemoved).toBe(1);
    expect(fs.existsSync(path.join(app.ctx.dataDir, 'media', sha.slice(0, 2), sha.slice(2)))).toBe(false);

    for (const needle of [PHONE, PHONE.slice(1), SURNAME, NAME, SECRET, 'skwarkami', 'x-ray', '1980-02-03']) {
      expect(occurrences(file, needle), `${needle} in the database file`).toBe(0);
      expect(occurrences(wal, needle), `${needle} in the WAL`).toBe(0);
    }
    // Full-text search no longer finds the words; the other patient's still does.
    expect(db.prepare(`SELECT count(*) AS n FROM messages_fts WHERE messages_fts MATCH 'skwarkami'`).get()).toEqual({ n: 0 });
    expect(db.prepare(`SELECT count(*) AS n FROM patients_fts WHERE patients_fts MATCH ?`).get(SURNAME)).toEqual({ n: 0 });
    expect(db.prepare(`SELECT count(*) AS n FROM messages_fts WHERE messages_fts MATCH 'ortodonzia'`).get()).toEqual({ n: 1 });
    expect(occurrences(file, OTHER_TEXT)).toBeGreaterThan(0);
    // Aggregate statistics keep adding up: the rows stay, empty.
    expect((db.prepare('SELECT count(*) AS n FROM messages').get() as { n: number }).n).toBe(messagesBefore);
    expect(db.prepare('SELECT result, talk_seconds FROM calls').all()).toEqual([{ result: 'answered', talk_seconds: 60 }]);
    expect(db.prepare('SELECT erased_at FROM patients WHERE id = ?').get(patientId)).toEqual({ erased_at: T0 });
    // Who and when, and nothing about the person.
    const audit = db.prepare(`SELECT actor, at, details FROM audit_log WHERE action = 'patient.erase'`).all() as { actor: string; at: number; details: string }[];
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor: 'admin', at: T0 });
    expect(audit[0]!.details).not.toContain(SURNAME);
    // The file stays clean after the desk closes it too.
    await app.stop();
    for (const needle of [PHONE, SURNAME, 'skwarkami']) expect(occurrences(file, needle) + occurrences(wal, needle), needle).toBe(0);
    cleanup = () => Promise.resolve(fs.rmSync(app.ctx.dataDir, { recursive: true, force: true }));
  });
});
