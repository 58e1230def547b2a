import type { Migration } from '../migrate';

/**
 * The WhatsApp health panel reads the last message in and the last one delivered out on every start
 * (lastWhatsAppTraffic). Without an index both max() walked the messages table (290 ms at 1M messages,
 * and growing); these partial indexes hold only WhatsApp rows, so each max() is one index seek.
 */
export const migration: Migration = {
  version: 53,
  name: 'whatsapp-traffic-indexes',
  up(db) {
    db.exec(`
      CREATE INDEX messages_whatsapp_in ON messages (created_at) WHERE channel = 'whatsapp' AND direction = 'in';
      CREATE INDEX messages_whatsapp_out ON messages (status_at) WHERE channel = 'whatsapp' AND direction = 'out' AND status IN ('sent','delivered','read');
    `);
  },
};
