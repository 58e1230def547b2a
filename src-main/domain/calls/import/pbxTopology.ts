/**
 * Which channels of a PBX are the clinic's desks and which are trunks to the outside world. Asterisk names
 * a channel `Tech/peer-suffix` (chan_sip/chan_pjsip: "SIP/211553-0000001c", "PJSIP/101-00000002"); the
 * peer is a desk's extension or a trunk's name, and providers often name trunks with numbers (the account
 * or the DID), so a number alone says nothing: IT names the trunks and the desks' range in settings.
 */
export interface PbxTopology {
  /** Trunk peers or channel prefixes, `*` as wildcard: "SIP/211553", "PJSIP/eolo*", "211474". */
  trunkPatterns: readonly string[];
  /** Desk extensions: "100-399, 500"; '' = any number of 2 to 4 digits. */
  deskExtensions: string;
}

export const DEFAULT_TOPOLOGY: PbxTopology = { trunkPatterns: [], deskExtensions: '' };

type Range = [number, number];

/** "100-399, 500" → [[100,399],[500,500]]; null when the text is not a list of numbers and ranges. */
export function parseExtensionRanges(text: string): Range[] | null {
  const parts = text.split(/[,;\s]+/).filter((p) => p !== '');
  const ranges: Range[] = [];
  for (const part of parts) {
    const m = /^(\d{1,8})(?:-(\d{1,8}))?$/.exec(part);
    if (!m) return null;
    const lo = Number(m[1]);
    const hi = m[2] !== undefined ? Number(m[2]) : lo;
    if (hi < lo) return null;
    ranges.push([lo, hi]);
  }
  return ranges;
}

/** Is this number one of the clinic's desks? */
export function isDeskNumber(number: string, topo: PbxTopology): boolean {
  if (!/^\d+$/.test(number)) return false;
  const ranges = topo.deskExtensions.trim() === '' ? null : parseExtensionRanges(topo.deskExtensions);
  // Default: 2–4 digits. Five and six digits are the local numbers and trunk accounts of many providers.
  if (!ranges || ranges.length === 0) return /^\d{2,4}$/.test(number);
  const n = Number(number);
  return ranges.some(([lo, hi]) => n >= lo && n <= hi);
}

/** "SIP/211553-0000001c" → { tech: 'SIP', peer: '211553' }; "Local/ch1@TimeDelay-00000000;2" → { tech: 'Local', peer: 'ch1' }. */
export function peerOfChannel(channel: string): { tech: string; peer: string } | null {
  const m = /^([A-Za-z0-9_]+)\/([^@;]+?)(?:-[0-9a-f]{4,}|@[^;]*)?(?:;\d)?$/.exec(channel.trim());
  return m ? { tech: m[1] as string, peer: m[2] as string } : null;
}

function globMatch(pattern: string, text: string): boolean {
  const re = new RegExp(`^${pattern.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`, 'i');
  return re.test(text);
}

export function isTrunkChannel(channel: string, topo: PbxTopology): boolean {
  const p = peerOfChannel(channel);
  if (!p) return false;
  return topo.trunkPatterns.some((pat) => globMatch(pat.trim(), `${p.tech}/${p.peer}`) || globMatch(pat.trim(), p.peer));
}

/**
 * The desk extension a channel belongs to, or null (a trunk, another PBX, a helper named otherwise). FreePBX
 * ring groups dial `Local/101@from-internal`: that helper names the desk it reaches.
 */
export function deskOfChannel(channel: string, topo: PbxTopology): string | null {
  const p = peerOfChannel(channel);
  if (!p || isTrunkChannel(channel, topo)) return null;
  return isDeskNumber(p.peer, topo) ? p.peer : null;
}

/** Asterisk's Local/ channels are dialplan helpers (ring groups, follow-me): never a person nor a trunk. */
export function isLocalChannel(channel: string): boolean {
  return /^local\//i.test(channel.trim());
}
