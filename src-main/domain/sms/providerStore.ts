/**
 * Provider configurations: plain fields as JSON, secrets sealed with the SecretBox (never stored or
 * returned in clear). A save without a secret keeps the stored one, so the settings screen never reads
 * secrets back; the SMSAPI callback secret is generated here, not typed by anyone.
 */
import { randomBytes } from 'node:crypto';
import type { SmsProviderInput, SmsProviderView } from '../../contract/sms';
import type { Db } from '../../db/database';
import { deleteSmsProvider, getSmsProviderRow, listSmsProviderRows, upsertSmsProvider, type SmsProviderRow } from '../../db/repositories/sms';
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

/** The last configuration opened per box and provider, with the stored bytes it came from. */
const opened = new WeakMap<SecretBox, Map<string, { config: string; secrets: Buffer; value: SmsProviderConfig }>>();

/**
 * A provider's configuration with its secrets opened. Every webhook reads it: the decryption is done
 * once per stored value (a save changes the stored bytes, and then it is opened again).
 */
export function loadProviderConfig(db: Db, box: SecretBox, provider: SmsProviderName): SmsProviderConfig | null {
  const row = getSmsProviderRow(db, provider);
  if (!row) return null;
  let perBox = opened.get(box);
  if (!perBox) opened.set(box, (perBox = new Map()));
  const hit = perBox.get(provider);
  if (hit && hit.config === row.config && hit.secrets.equals(row.secrets)) return { ...hit.value };
  const value = toConfig(row, openSecrets(box, row));
  perBox.set(provider, { config: row.config, secrets: Buffer.from(row.secrets), value });
  return { ...value };
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
