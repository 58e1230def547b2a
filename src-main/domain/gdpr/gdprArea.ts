import type { AppContext, Area } from '../../app/area';
import { auditActors, listAudit, type AuditRow } from '../../db/repositories/auditLog';
import { MediaStore } from '../media/mediaStore';
import { auditCsv } from './auditCsv';
import { clinicDate } from '../settings/clinicSettings';
import { exportPatient, type GdprDeps } from './patientExport';
import { erasePatient } from './patientErasure';
import { getRetentionYears, runRetention, setRetentionYears } from './retention';

const DAY_MS = 24 * 3600 * 1000;

const toDto = (r: AuditRow) => ({
  id: r.id,
  at: r.at,
  actor: r.actor,
  action: r.action,
  entity: r.entity,
  entityId: r.entity_id,
  details: r.details ? (JSON.parse(r.details) as unknown) : null,
});

export function gdprDeps(ctx: Pick<AppContext, 'db' | 'dataDir' | 'clock'>): GdprDeps {
  return { db: ctx.db, media: new MediaStore(ctx.dataDir), clock: ctx.clock };
}

/** GDPR answers and the audit log view; the daily retention purge. */
export const gdprArea: Area = {
  name: 'gdpr',
  handlers: (ctx) => {
    const deps = gdprDeps(ctx);
    return {
      'gdpr.exportPatient': async ({ patientId }, call) => {
        const out = await exportPatient(deps, patientId, call.user);
        return { fileName: out.fileName, zipBase64: Buffer.from(out.zip).toString('base64'), tables: out.tables, missingMedia: out.missingMedia };
      },
      'gdpr.erasePatient': async ({ patientId }, call) => {
        const out = await erasePatient(deps, patientId, call.user);
        ctx.events.emit('patient.updated', { patientId });
        return { patientId, rows: out.rows, mediaFilesRemoved: out.mediaFilesRemoved };
      },
      'gdpr.getRetention': () => ({ years: getRetentionYears(deps) }),
      'gdpr.setRetention': ({ years }, call) => {
        setRetentionYears(deps, years, call.user);
        return { ok: true as const };
      },
      'audit.list': (f) => {
        const { rows, total } = listAudit(ctx.db, f);
        return { entries: rows.map(toDto), total, actors: auditActors(ctx.db) };
      },
      'audit.exportCsv': (f) => {
        const { rows } = listAudit(ctx.db, { ...f, limit: 1_000_000, offset: 0 });
        return { fileName: `audit-${clinicDate(ctx.db, ctx.clock.now())}.csv`, csv: auditCsv(rows) };
      },
    };
  },
  start(ctx) {
    if (ctx.oneShot) return;
    const deps = gdprDeps(ctx);
    const tick = () => void runRetention(deps).catch(() => undefined);
    const first = setTimeout(tick, 60_000);
    const timer = setInterval(tick, DAY_MS);
    first.unref?.();
    timer.unref?.();
    ctx.onStop.push(() => {
      clearTimeout(first);
      clearInterval(timer);
    });
  },
};
