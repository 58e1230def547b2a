import type { AuthenticationCreds, AuthenticationState, SignalDataSet, SignalDataTypeMap } from '@whiskeysockets/baileys';
import type { BaileysLib } from '../baileys';
import type { AuthKeyValueStore, AuthRecord } from '../../../domain/whatsapp/whatsappPort';
import type { SecretBox } from '../../../domain/shared/secretBox';

/**
 * Baileys' AuthenticationState (credentials + signal keys) over a key-value table instead of
 * loose JSON files. Values are serialised with Baileys' BufferJSON, sealed by a SecretBox, and a
 * `keys.set` batch is written in one transaction, so a crash never leaves half a key update.
 */

export type { AuthKeyValueStore, AuthRecord } from '../../../domain/whatsapp/whatsappPort';

const CREDS = { category: 'creds', id: 'creds' } as const;

/** The stored credentials cannot be read: the only way out is to pair again. */
export class CorruptAuthStateError extends Error {
  constructor(cause: unknown) {
    super(`WhatsApp credentials cannot be read (${(cause as Error)?.message ?? String(cause)}); pair the phone again`);
    this.name = 'CorruptAuthStateError';
  }
}

export interface DbAuthState {
  state: AuthenticationState;
  /** Call on every `creds.update` (Baileys mutates `state.creds` in place before emitting it). */
  saveCreds(): void;
  /** True when the credentials belong to a linked account (not a fresh, unscanned pairing). */
  isPaired(): boolean;
}

export interface AuthStateOptions {
  store: AuthKeyValueStore;
  box: SecretBox;
  lib: Pick<BaileysLib, 'initAuthCreds' | 'BufferJSON' | 'proto'>;
  /** A single key that fails to decrypt is treated as missing (WhatsApp re-negotiates it); the adapter logs it. */
  onKeyError?: (category: string, id: string, err: unknown) => void;
}

export function loadAuthState(o: AuthStateOptions): DbAuthState {
  const { store, box, lib } = o;
  const encode = (value: unknown): Buffer => box.seal(JSON.stringify(value, lib.BufferJSON.replacer));
  const decode = (sealed: Buffer): unknown => JSON.parse(box.open(sealed), lib.BufferJSON.reviver);

  const storedCreds = store.read(CREDS.category, [CREDS.id]).get(CREDS.id);
  let creds: AuthenticationCreds;
  if (storedCreds) {
    try {
      creds = decode(storedCreds) as AuthenticationCreds;
    } catch (err) {
      throw new CorruptAuthStateError(err);
    }
    if (!creds || typeof creds !== 'object' || !creds.noiseKey || !creds.signedIdentityKey) {
      throw new CorruptAuthStateError(new Error('credentials are incomplete'));
    }
  } else {
    creds = lib.initAuthCreds();
  }

  const state: AuthenticationState = {
    creds,
    keys: {
      get<T extends keyof SignalDataTypeMap>(type: T, ids: string[]): { [id: string]: SignalDataTypeMap[T] } {
        const rows = store.read(type, ids);
        const out: { [id: string]: SignalDataTypeMap[T] } = {};
        for (const [id, sealed] of rows) {
          try {
            let value = decode(sealed);
            if (type === 'app-state-sync-key' && value) value = lib.proto.Message.AppStateSyncKeyData.fromObject(value as object);
            out[id] = value as SignalDataTypeMap[T];
          } catch (err) {
            o.onKeyError?.(type, id, err);
          }
        }
        return out;
      },
      set(data: SignalDataSet): void {
        const records: AuthRecord[] = [];
        for (const [category, entries] of Object.entries(data)) {
          for (const [id, value] of Object.entries(entries ?? {})) {
            records.push({ category, id, value: value ? encode(value) : null });
          }
        }
        if (records.length > 0) store.write(records);
      },
      clear(): void {
        store.clear();
      },
    },
  };

  return {
    state,
    saveCreds: () => store.write([{ ...CREDS, value: encode(state.creds) }]),
    isPaired: () => Boolean(state.creds.me?.id),
  };
}
