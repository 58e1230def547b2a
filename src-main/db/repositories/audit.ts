import type { Db } from '../database';

export interface AuditEntry {
  actor: string;
  action: string;
  entity: string;
  entityId?: string | number | null;
  details?: unknown;
}

export function writeAudit(db: Db, at: number, e: AuditEntry): void {
  db.prepare('INSERT INTO audit_log (at, actor, action, entity, entity_id, details) VALUES (?, ?, ?, ?, ?, ?)').run(
    at,
    e.actor,
    e.action,
    e.entity,
    e.entityId == null ? null : String(e.entityId),
    e.details === undefined ? null : JSON.stringify(e.details),
  );
}

export function auditFor(db: Db, entity: string, entityId: string | number) {
  return db
    .prepare('SELECT at, actor, action, details FROM audit_log WHERE entity = ? AND entity_id = ? ORDER BY id')
    .all(entity, String(entityId)) as { at: number; actor: string; action: string; details: string | null }[];
}
