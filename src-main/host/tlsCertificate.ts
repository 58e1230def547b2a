import { X509Certificate } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { generate } from 'selfsigned';

/**
 * The certificate `serve --tls` uses: IT's own (`--tls-cert`, `--tls-key`), or one made once for this desk
 * and kept in `<data>/tls/` (its key readable by the owner only). Its SHA-256 fingerprint is printed so IT
 * can check it when a browser asks to trust it (README: "Serving over TLS").
 */
export interface DeskTls {
  key: Buffer;
  cert: Buffer;
  fingerprint: string;
  certFile: string;
  created: boolean;
}

/** Names and addresses the made certificate covers: loopback, this PC, and what IT allowed. */
export function certificateNames(bindHost: string, allowHosts: string[]): string[] {
  const names = new Set(['localhost', '127.0.0.1', '::1', os.hostname(), ...allowHosts]);
  if (bindHost === '0.0.0.0' || bindHost === '::') {
    for (const list of Object.values(os.networkInterfaces())) for (const a of list ?? []) if (!a.internal) names.add(a.address);
  } else names.add(bindHost);
  return [...names].filter(Boolean);
}

export async function deskTls(dataDir: string, o: { certFile?: string; keyFile?: string; names: string[]; now?: Date }): Promise<DeskTls> {
  if (o.certFile || o.keyFile) {
    if (!o.certFile || !o.keyFile) throw new Error('--tls-cert and --tls-key go together');
    const cert = fs.readFileSync(o.certFile);
    return { key: fs.readFileSync(o.keyFile), cert, fingerprint: new X509Certificate(cert).fingerprint256, certFile: path.resolve(o.certFile), created: false };
  }
  const dir = path.join(dataDir, 'tls');
  const certFile = path.join(dir, 'desk-cert.pem');
  const keyFile = path.join(dir, 'desk-key.pem');
  let created = false;
  if (!fs.existsSync(certFile) || !fs.existsSync(keyFile)) {
    const now = o.now ?? new Date();
    const pems = await generate([{ name: 'commonName', value: `Clinic Desk on ${os.hostname()}` }], {
      keyType: 'ec',
      curve: 'P-256',
      algorithm: 'sha256',
      notBeforeDate: now,
      // 825 days: the longest validity browsers accept for a server certificate.
      notAfterDate: new Date(now.getTime() + 825 * 24 * 3600_000),
      extensions: [
        { name: 'basicConstraints', cA: false },
        { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
        { name: 'extKeyUsage', serverAuth: true },
        { name: 'subjectAltName', altNames: o.names.map((n) => (net.isIP(n) ? { type: 7, ip: n } : { type: 2, value: n })) },
      ],
    });
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(keyFile, pems.private, { mode: 0o600 });
    fs.writeFileSync(certFile, pems.cert);
    created = true;
  }
  const cert = fs.readFileSync(certFile);
  return { key: fs.readFileSync(keyFile), cert, fingerprint: new X509Certificate(cert).fingerprint256, certFile, created };
}
