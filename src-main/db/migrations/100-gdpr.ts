import type { Migration } from '../migrate';

/**
 * GDPR / RODO answers and the admins' audit log view:
 * - `patients.erased_at`: a record erased on request keeps its row (visits, message counts and response times
 *   still add up in the statistics) but nothing that names the person; the desk shows it as "erased".
 * - the audit log is read newest first, optionally by action or actor: `audit_log_at` and `audit_log_action`.
 */
export const migration: Migration = {
  version: 100,
  name: 'gdpr',
  up(db) {
    db.exec(`
      ALTER TABLE patients ADD COLUMN erased_at INTEGER;
      CREATE INDEX audit_log_at ON audit_log(at);
      CREATE INDEX audit_log_action ON audit_log(action, at);
    `);
  },
};
