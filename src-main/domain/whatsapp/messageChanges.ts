import type { WhatsAppEdit, WhatsAppReaction, WhatsAppRevoke } from './whatsappPort';

/**
 * What an edit, a "deleted for everyone" or a reaction does to a stored message: plain functions over
 * its body and meta. The clinic's record keeps every earlier text; a deletion only marks the message.
 * Each returns null when nothing changes (a repeat), so the service writes and notifies only on change.
 */
export interface StoredContent {
  body: string;
  meta: Record<string, unknown>;
}

export interface EditEntry {
  body: string;
  at: number;
}

export interface ReactionEntry {
  by: 'clinic' | 'patient';
  emoji: string;
  at: number;
}

export function applyEdit(c: StoredContent, e: WhatsAppEdit): StoredContent | null {
  if (e.body === c.body) return null;
  const edits = Array.isArray(c.meta.edits) ? (c.meta.edits as EditEntry[]) : [];
  // An edit older than the last one applied arrived late: keep it in the history only.
  const lastAt = typeof c.meta.editedAt === 'number' ? c.meta.editedAt : -Infinity;
  if (e.at < lastAt) {
    if (edits.some((x) => x.body === e.body)) return null;
    return { body: c.body, meta: { ...c.meta, edits: [...edits, { body: e.body, at: e.at }].sort((a, b) => a.at - b.at) } };
  }
  return { body: e.body, meta: { ...c.meta, edits: [...edits, { body: c.body, at: e.at }], editedAt: e.at } };
}

export function applyRevoke(c: StoredContent, r: WhatsAppRevoke): StoredContent | null {
  if (typeof c.meta.deletedAt === 'number') return null;
  return { body: c.body, meta: { ...c.meta, deletedAt: r.at, deletedBy: r.fromClinic ? 'clinic' : 'patient' } };
}

/** One reaction per side of a one-to-one chat: a new emoji replaces the previous one, an empty one removes it. */
export function applyReaction(c: StoredContent, r: WhatsAppReaction): StoredContent | null {
  const by: ReactionEntry['by'] = r.fromClinic ? 'clinic' : 'patient';
  const list = Array.isArray(c.meta.reactions) ? (c.meta.reactions as ReactionEntry[]) : [];
  const mine = list.find((x) => x.by === by);
  if (mine && mine.at > r.at) return null;
  if (r.emoji === null ? !mine : mine?.emoji === r.emoji) return null;
  const others = list.filter((x) => x.by !== by);
  const reactions = r.emoji === null ? others : [...others, { by, emoji: r.emoji, at: r.at }];
  return { body: c.body, meta: { ...c.meta, reactions } };
}
