import type { Db } from '../db/database';
import { seededRandom } from '../domain/shared/random';

export interface BenchSize {
  patients: number;
  messages: number;
}

/**
 * Fills an empty database with `patients` patients (one phone each, one conversation each) and
 * `messages` messages spread over them and over 18 months, through the same tables, indexes and
 * FTS triggers as production. Deterministic.
 */
export function fillBenchDatabase(db: Db, size: BenchSize, now: number): void {
  const r = seededRandom(7);
  const first = ['Giulia', 'Marco', 'Anna', 'Luca', 'Katarzyna', 'Piotr', 'Emily', 'James', 'Sara', 'Paolo'];
  const last = ['Rossi', 'Bianchi', 'Esposito', 'Kowalska', 'Nowak', 'Walker', 'Romano', 'Colombo', 'Ricci', 'Greco'];
  const words = 'buongiorno vorrei spostare appuntamento domani pomeriggio grazie dente dolore pulizia controllo prezzo orari sabato ricetta dzień dobry wizyta hello appointment friday invoice'.split(' ');
  const span = 540 * 24 * 3600_000;
  const insertPatient = db.prepare('INSERT INTO patients (id, first_name, last_name, language, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)');
  const insertIdentity = db.prepare("INSERT INTO patient_identities (patient_id, kind, value, created_at) VALUES (?, 'phone', ?, ?)");
  const insertConversation = db.prepare('INSERT INTO conversations (id, patient_id, status, created_at) VALUES (?, ?, ?, ?)');
  const insertMessage = db.prepare(
    "INSERT INTO messages (conversation_id, channel, direction, body, status, provider_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
  );
  const finish = db.prepare(
    'UPDATE conversations SET last_message_at = ?, last_channel = ?, last_preview = ?, last_direction = ?, waiting_since = ?, unread_count = ? WHERE id = ?',
  );
  db.transaction(() => {
    for (let id = 1; id <= size.patients; id++) {
      insertPatient.run(id, first[id % 10]!, `${last[(id * 7) % 10]!}${id}`, ['it', 'pl', 'en'][id % 3]!, now - span, now - span);
      insertIdentity.run(id, `+39${String(3200000000 + id)}`, now - span);
      insertConversation.run(id, id, r() < 0.05 ? 'open' : 'done', now - span);
    }
  })();
  const perBatch = 50_000;
  const last_: { at: number; channel: string; body: string; dir: string }[] = new Array(size.patients + 1);
  for (let done = 0; done < size.messages; done += perBatch) {
    db.transaction(() => {
      for (let i = done; i < Math.min(size.messages, done + perBatch); i++) {
        const conv = 1 + Math.floor(r() * size.patients);
        const at = now - Math.floor(r() * span);
        const channel = r() < 0.6 ? 'whatsapp' : 'sms';
        const dir = r() < 0.55 ? 'in' : 'out';
        const body = Array.from({ length: 4 + Math.floor(r() * 10) }, () => words[Math.floor(r() * words.length)]).join(' ');
        insertMessage.run(conv, channel, dir, body, dir === 'in' ? 'received' : 'read', `bench-${i}`, at);
        const prev = last_[conv];
        if (!prev || prev.at < at) last_[conv] = { at, channel, body, dir };
      }
    })();
  }
  db.transaction(() => {
    for (let id = 1; id <= size.patients; id++) {
      const l = last_[id];
      if (l) finish.run(l.at, l.channel, l.body.slice(0, 140), l.dir, l.dir === 'in' ? l.at : null, l.dir === 'in' ? 1 : 0, id);
    }
  })();
  db.pragma('optimize');
}
