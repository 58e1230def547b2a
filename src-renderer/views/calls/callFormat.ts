import { formatPhone } from '../../../src-main/domain/patients/phone';

/** "2:05" for durations; numbers in international format ("+48 601 234 567"), PBX digits as they came. */
export function formatDuration(seconds: number): string {
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return `${m}:${String(s).padStart(2, '0')}`;
}

export function formatNumber(n: string | null): string {
  if (!n) return '';
  return n.startsWith('+') ? formatPhone(n) : n;
}
