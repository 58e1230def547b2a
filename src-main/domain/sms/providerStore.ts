/**
 * Provider configurations: plain fields as JSON, secrets sealed with the SecretBox (never stored or
 * returned in clear). A save without a secret keeps the stored one, so the settings screen never reads
 * secrets back; the SMSAPI callback secret is generated here, not typed by anyone.
 */
import { randomBytes } from 'node:crypto';
import type { SmsProviderInput, SmsProviderView } from '../../contract/sms';
import type { Db } from '../../db/database';
import { deleteSmsProvider, getSmsProviderRow, listSmsProviderRows, smsProvidersVersion, upsertSmsProvider, type SmsProviderRow } from '../../db/repositories/sms';
import { DeskError } from '../shared/errors';
import type { SecretBox } from '../shared/secretBox';
import { androidInboundMode, checkAndroidInbound } from './androidInboundMode';
import { webhookPath, webhookUrl, type SmsProviderConfig, type SmsProviderName } from './smsPorts';

/** Which fields of each provider are secrets. */
const SECRET_FIELDS: Readonly<Record<SmsProviderName, readonly string[]>> = {
  smsapi: ['token', 'webhookSecret'],
  android: ['password', 'signingKey'],
  twilio: ['authToken'],
};

/** Secrets the provider cannot work without (the others may be added later). */
const REQUIRED_SECRETS: Readonly<Record<SmsProviderName, readonly string[]>> = {
  smsapi: ['token'],
  android: ['password'],
  twilio: ['authToken'],
};

function openSecrets(box: SecretBox, row: SmsProviderRow): Record<string, string> {
  try {
    return JSON.parse(box.open(row.secrets)) as Record<string, string>;
  } catch (err) {
    const why = err instanceof Error ? err.message : 'unreadable';
    throw new DeskError('conflict', `The stored ${row.provider} credentials cannot be decrypted (${why}): enter them again in Settings → SMS`, {
      reason: 'sms.credentialsUnreadable',
      params: { provider: row.provider },
    });
  }
}

function toConfig(row: SmsProviderRow, secrets: Record<string, string>): SmsProviderConfig {
  return { ...(JSON.parse(row.config) as object), ...secrets, provider: row.provider } as SmsProviderConfig;
}

/**
 * What each provider's configuration was last opened to, per connection: the version of the table it was
 * read at (smsProvidersVersion), the box and stored bytes it came from, and the result (null: not
 * configured).
 */
interface Opened {
  version: string;
  box: SecretBox;
  row: { config: string; secrets: Buffer } | null;
  value: SmsProviderConfig | null;
}
const opened = new WeakMap<Db, Map<SmsProviderName, Opened>>();

/**
 * A provider's configuration with its secrets opened (frozen: it is shared by every caller). Every webhook
 * needs it: while nothing wrote to sms_providers (a save through this connection, or any commit of another
 * one) it comes from memory without a read; after that the row is read again, and decrypted again only if
 * its stored bytes changed. A value read inside a transaction is not kept, since that transaction may still
 * roll back. Unreadable secrets throw (sms.credentialsUnreadable) every time until they are entered again.
 */
export function loadProviderConfig(db: Db, box: SecretBox, provider: SmsProviderName): Readonly<SmsProviderConfig> | null {
  const version = smsProvidersVersion(db);
  let perDb = opened.get(db);
  if (!perDb) opened.set(db, (perDb = new Map()));
  const hit = perDb.get(provider);
  if (hit && hit.box === box && hit.version === version) return hit.value;
  const row = getSmsProviderRow(db, provider);
  let value: SmsProviderConfig | null = null;
  if (row) {
    const same = hit?.box === box && hit.row !== null && hit.row.config === row.config && hit.row.secrets.equals(row.secrets);
    value = same ? hit.value : Object.freeze(toConfig(row, openSecrets(box, row)));
  }
  if (!db.inTransaction) perDb.set(provider, { version, box, row: row ? { config: row.config, secrets: Buffer.from(row.secrets) } : null, value });
  return value;
}

/** The callback secret guards the clinic's inbox, so it comes from the OS CSPRNG, not the seeded Random. */
const newWebhookSecret = (): string => randomBytes(24).toString('base64url');

export function saveProviderConfig(db: Db, box: SecretBox, input: SmsProviderInput, now: number): void {
  const row = getSmsProviderRow(db, input.provider);
  let stored: Record<string, string> = {};
  try {
    if (row) stored = openSecrets(box, row);
  } catch {
    // Unreadable old secrets are replaced by what is typed now (the required ones are checked below).
  }
  const plain: Record<string, unknown> = {};
  const secrets: Record<string, string> = { ...stored };
  for (const [key, value] of Object.entries(input)) {
    if (key === 'provider') continue;
    if (SECRET_FIELDS[input.provider].includes(key)) {
      if (typeof value === 'string' && value !== '') secrets[key] = value;
    } else {
      plain[key] = value;
    }
  }
  if (input.provider === 'android') checkAndroidInbound(androidInboundMode(input), input.publicUrl);
  for (const key of REQUIRED_SECRETS[input.provider]) {
    if (!secrets[key]) throw new DeskError('invalid_input', `${key}: required to use ${input.provider}`, { field: key, reason: 'sms.credentialRequired', params: { provider: input.provider } });
  }
  if (input.provider === 'smsapi' && !secrets.webhookSecret) secrets.webhookSecret = newWebhookSecret();
  upsertSmsProvider(db, input.provider, plain, box.seal(JSON.stringify(secrets)), now);
}

export function removeProviderConfig(db: Db, provider: SmsProviderName): void {
  deleteSmsProvider(db, provider);
}

export function providerViews(db: Db, box: SecretBox): SmsProviderView[] {
  return listSmsProviderRows(db).map((row) => {
    let secrets: Record<string, string>;
    try {
      secrets = openSecrets(box, row);
    } catch {
      // Unreadable (key file replaced): show the provider with no secret set, so the clinic can type them again.
      secrets = {};
    }
    const config = toConfig(row, secrets);
    const plain = JSON.parse(row.config) as Record<string, unknown>;
    return {
      ...plain,
      ...(config.provider === 'android' ? { inboundMode: androidInboundMode(config) } : {}),
      provider: row.provider,
      secretsSet: SECRET_FIELDS[row.provider].filter((k) => Boolean(secrets[k])),
      webhookPath: webhookPath(config),
      webhookUrl: webhookUrl(config),
      updatedAt: row.updated_at,
    } as SmsProviderView;
  });
}
