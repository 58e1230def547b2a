import type { Db } from '../../db/database';
import { receiveInbound, type MessagingDeps } from '../messaging/messagingService';
import type { Random } from '../shared/random';
import { PATIENT_LINES } from './demoPeople';

interface Writer {
  patient_id: number;
  language: string | null;
  preferred_channel: 'whatsapp' | 'sms' | null;
  phone: string;
}

function writers(db: Db): Writer[] {
  return db
    .prepare(
      `SELECT p.id AS patient_id, p.language, p.preferred_channel, i.value AS phone
       FROM patients p JOIN patient_identities i ON i.patient_id = p.id AND i.kind = 'phone'
       GROUP BY p.id ORDER BY p.id`,
    )
    .all() as Writer[];
}

/** Demo patients write in now and then, in their own language, so the inbox feels alive. Returns a stop function. */
export function startDemoSimulation(deps: MessagingDeps, random: Random, everyMs: [number, number] = [40_000, 120_000]): () => void {
  let timer: NodeJS.Timeout | null = null;
  let n = 0;
  const schedule = (): void => {
    const wait = everyMs[0] + random() * (everyMs[1] - everyMs[0]);
    timer = setTimeout(tick, wait);
    timer.unref?.();
  };
  const tick = (): void => {
    const all = writers(deps.db);
    const w = all[Math.floor(random() * all.length)];
    if (w) {
      const lang = (w.language ?? 'it') as keyof typeof PATIENT_LINES;
      const lines = PATIENT_LINES[lang] ?? PATIENT_LINES.it;
      const channel = w.preferred_channel ?? 'sms';
      receiveInbound(deps, {
        channel,
        providerId: `sim-in-${deps.clock.now()}-${n++}`,
        fromPhone: w.phone,
        fromWhatsappJid: channel === 'whatsapp' ? `${w.phone.slice(1)}@s.whatsapp.net` : null,
        body: lines[Math.floor(random() * lines.length)]!,
        at: deps.clock.now(),
      });
    }
    schedule();
  };
  schedule();
  return () => {
    if (timer) clearTimeout(timer);
  };
}
