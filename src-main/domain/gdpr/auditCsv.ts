import type { AuditRow } from '../../db/repositories/auditLog';

/**
 * The audit log as CSV (RFC 4180 quoting) for a data-protection officer's spreadsheet. A cell that starts with
 * = + - @ is prefixed with ' so a spreadsheet does not run it as a formula (CSV injection).
 */
export function auditCsv(rows: AuditRow[]): string {
  const header = ['time (UTC)', 'actor', 'action', 'entity', 'entity id', 'details'];
  const lines = [header, ...rows.map((r) => [new Date(r.at).toISOString(), r.actor, r.action, r.entity, r.entity_id ?? '', r.details ?? ''])];
  return lines.map((cells) => cells.map(cell).join(',')).join('\r\n') + '\r\n';
}

function cell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
