import { z } from 'zod';
import { epochMs, id, ok } from './common';
import { method, type MethodMap } from './define';

/** GDPR / RODO answers (admin only): a patient's export and erasure, retention, and the audit log view. */
export const auditEntry = z.object({
  id,
  at: epochMs,
  actor: z.string(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  details: z.unknown(),
});
export type AuditEntryDto = z.infer<typeof auditEntry>;

const auditFilter = z.object({
  from: epochMs.nullable().default(null),
  to: epochMs.nullable().default(null),
  action: z.string().trim().max(60).nullable().default(null),
  actor: z.string().trim().max(80).nullable().default(null),
});

export const gdprApi = {
  'gdpr.exportPatient': method(
    z.object({ patientId: id }),
    z.object({ fileName: z.string(), zipBase64: z.string(), tables: z.record(z.string(), z.number().int()), missingMedia: z.array(z.string()) }),
    { role: 'admin' },
  ),
  'gdpr.erasePatient': method(
    z.object({ patientId: id, confirm: z.literal(true, 'confirm the erasure') }),
    z.object({ patientId: id, rows: z.record(z.string(), z.number().int()), mediaFilesRemoved: z.number().int() }),
    { role: 'admin' },
  ),
  'gdpr.getRetention': method(z.object({}), z.object({ years: z.number().int().positive().nullable() }), { role: 'admin' }),
  'gdpr.setRetention': method(z.object({ years: z.number().int().min(1).max(30).nullable() }), ok, { role: 'admin' }),
  'audit.list': method(
    auditFilter.extend({ limit: z.number().int().min(1).max(500).default(100), offset: z.number().int().nonnegative().default(0) }),
    z.object({ entries: z.array(auditEntry), total: z.number().int().nonnegative(), actors: z.array(z.string()) }),
    { role: 'admin' },
  ),
  'audit.exportCsv': method(auditFilter, z.object({ fileName: z.string(), csv: z.string() }), { role: 'admin' }),
} satisfies MethodMap;
