import { create } from 'qrcode';
import { useMemo } from 'react';

/** Draws WhatsApp's pairing payload as a QR code, locally (nothing leaves the desk to render it). */
export function QrCode({ value, size = 264, label }: { value: string; size?: number; label: string }) {
  const { cells, count } = useMemo(() => {
    const m = create(value, { errorCorrectionLevel: 'L' }).modules;
    const dark: [number, number][] = [];
    for (let y = 0; y < m.size; y++) for (let x = 0; x < m.size; x++) if (m.get(y, x)) dark.push([x, y]);
    return { cells: dark, count: m.size };
  }, [value]);
  const quiet = 4;
  const full = count + quiet * 2;
  return (
    <svg className="wa-qr" width={size} height={size} viewBox={`0 0 ${full} ${full}`} role="img" aria-label={label} data-testid="whatsapp-qr" shapeRendering="crispEdges">
      <rect width={full} height={full} fill="#fff" />
      <path d={cells.map(([x, y]) => `M${x + quiet} ${y + quiet}h1v1h-1z`).join('')} fill="#111" />
    </svg>
  );
}
