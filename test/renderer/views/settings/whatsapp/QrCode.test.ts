import fs from 'node:fs';
import { create } from 'qrcode';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { QrCode } from '../../../../../src-renderer/views/settings/whatsapp/QrCode';

// The shape of Baileys' `connection.update` qr: ref, noise key, identity key, adv secret (base64, comma-separated).
const PAYLOAD = '2@Xk3fQ9tRmB7sYw2pL0Qz5nV8cJ1Hf4dG6aK2,Uv1M0kQ3s9bK2yT8rD5wN7eA4hJ6cF0gL1pX3zR5qW8=,Pq2L7dF9sK1mB4vT6yR3wN8cJ0hG5aE2zX1uI9oQ7tY=,Hf4dG6aK2Qz5nV8cJ1mB7sYw2pL0Xk3fQ9tR=';

describe('QrCode', () => {
  it('draws every dark module of the QR matrix, with a quiet zone, as one SVG path', () => {
    const html = renderToStaticMarkup(createElement(QrCode, { value: PAYLOAD, label: 'QR' }));
    const m = create(PAYLOAD, { errorCorrectionLevel: 'L' }).modules;
    let dark = 0;
    for (let y = 0; y < m.size; y++) for (let x = 0; x < m.size; x++) if (m.get(y, x)) dark++;
    expect(html).toContain(`viewBox="0 0 ${m.size + 8} ${m.size + 8}"`);
    expect(html.match(/M\d+ \d+h1v1h-1z/g)).toHaveLength(dark);
    // The top-left finder pattern starts at the quiet zone's edge.
    expect(html).toContain('M4 4h1v1h-1z');
    if (process.env.WA_QR_OUT) fs.writeFileSync(process.env.WA_QR_OUT, `<!doctype html><body style="margin:20px">${html}</body>`);
  });
});
