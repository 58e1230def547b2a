import type { CallDirection } from '../callTypes';
import { looksLikeExtension } from './fieldParsers';

/** A direction word as PBXs and spreadsheets write it (EN/IT/PL); 'internal' for desk-to-desk calls. */
export function directionWord(raw: string): CallDirection | 'internal' | null {
  const text = raw.trim().toLowerCase();
  if (text === '') return null;
  if (/^(out\b|outbound|outgoing|uscent|in uscita|effettuat|wychodz)/.test(text)) return 'out';
  if (/^(internal|intern[ao]|wewn)/.test(text)) return 'internal';
  if (/^(in\b|inbound|incoming|entrant|in entrata|ricevut|przychodz)/.test(text)) return 'in';
  return null;
}

/** Without a direction column: an outside number calling a desk is incoming, a desk calling out is outgoing. */
export function inferDirection(from: string, to: string): CallDirection | 'internal' | null {
  const fromDesk = looksLikeExtension(from);
  const toDesk = to === '' || looksLikeExtension(to);
  if (fromDesk && toDesk) return 'internal';
  if (!fromDesk && toDesk) return from === '' ? null : 'in';
  if (fromDesk && !toDesk) return 'out';
  return null;
}
