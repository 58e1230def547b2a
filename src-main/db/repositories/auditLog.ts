import type { Db } from '../database';

/** The admins' audit log view: newest first, by time range, action prefix and actor. */
export interface AuditFilter {
  from?: number | null;
  to?: number | null;
  /** 'patient.' matches every patient action; 'patient.erase' one. */
  action?: string | null;
  actor?: string | null;
  limit: number;
  offset: number;
}

export interface AuditRow {
  id: number;
  at: number;
  actor: string;
  action: string;
  entity: string;
  entity_id: string | null;
  details: string | null;
}

function where(f: AuditFilter): { sql: string; args: unknown[] } {
  const parts: string[] = [];
  const args: unknown[] = [];
  if (f.from != null) {
    parts.push('at >= ?');
    args.push(f.from);
  }
  if (f.to != null) {
    parts.push('at < ?');
    args.push(f.to);
  }
  if (f.action) {
    // A prefix range on the (action, at) index instead of LIKE, which would not use it.
    parts.push('action >= ? AND action < ?');
    args.push(f.action, f.action + '\uffff');
  }
  if (f.actor) {
    parts.push('actor = ?');
    args.push(f.actor);
  }
  return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', args };
}

export function listAudit(db: Db, f: AuditFilter): { rows: AuditRow[]; total: number } {
  const w = where(f);
  const rows = db.prepare(`SELECT * FROM audit_log ${w.sql} ORDER BY at DESC, id DESC LIMIT ? OFFSET ?`).all(...w.args, f.limit, f.offset) as AuditRow[];
  const total = (db.prepare(`SELECT count(*) AS n FROM audit_log ${w.sql}`).get(...w.args) as { n: number }).n;
  return { rows, total };
}

export function auditActors(db: Db): string[] {
  return (db.prepare('SELECT DISTINCT actor FROM audit_log ORDER BY actor').all() as { actor: string }[]).map((r) => r.actor);
}
