import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { updateError } from '../../../../src-main/app/updates/updateErrors';

const req = createRequire(__filename);
const real = JSON.parse(fs.readFileSync(path.join(__dirname, '../../../fixtures/real/updates/electron-updater-errors.json'), 'utf8')) as {
  origin: string;
  code: string | null;
  message: string;
  reason: string;
}[];
/** An Error as electron-updater hands it over: builder-util-runtime's newError sets `code`; Electron's net and Squirrel.Mac do not. */
const asThrown = (code: string | null, message: string): Error => Object.assign(new Error(message), code ? { code } : {});

describe('an update failure becomes a translated reason (errors-updates)', () => {
  it.each(real)('$origin → $reason', ({ code, message, reason }) => {
    const e = updateError(asThrown(code, message));
    expect(e).toEqual({ code: 'update_failed', reason: `errors-updates:${reason}`, params: {}, message });
  });

  it('the same real messages without their code still land on the same reason (a wrapped error loses it)', () => {
    for (const r of real.filter((x) => x.reason !== 'notPublished')) expect(updateError(new Error(r.message)).reason).toBe(`errors-updates:${r.reason}`);
  });

  it("builder-util-runtime's own errors: HttpError by status, newError codes, a real checksum mismatch from DigestTransform", async () => {
    const { HttpError, newError, DigestTransform } = req('builder-util-runtime') as {
      HttpError: new (status: number) => Error;
      newError(message: string, code: string): Error;
      DigestTransform: new (expected: string, algorithm?: string, encoding?: string) => NodeJS.WritableStream & { validate(): null };
    };
    expect(updateError(new HttpError(404)).reason).toBe('errors-updates:notPublished');
    expect(updateError(new HttpError(403))).toMatchObject({ reason: 'errors-updates:refused', params: { status: 403 } });
    expect(updateError(new HttpError(502))).toMatchObject({ reason: 'errors-updates:refused', params: { status: 502 } });
    expect(updateError(newError('No published versions on GitHub', 'ERR_UPDATER_NO_PUBLISHED_VERSIONS')).reason).toBe('errors-updates:notPublished');
    expect(updateError(newError('New version 1.2.0 is not signed by the application owner: publisherNames: Clinic Desk', 'ERR_UPDATER_INVALID_SIGNATURE')).reason).toBe('errors-updates:signature');
    const digest = new DigestTransform('AAAA', 'sha512', 'base64');
    const failure = await new Promise<unknown>((resolve) => {
      digest.on('error', resolve);
      digest.end(Buffer.from('not the release'));
    });
    expect(failure).toMatchObject({ code: 'ERR_CHECKSUM_MISMATCH' });
    expect(updateError(failure).reason).toBe('errors-updates:corrupt');
  });

  it("Node's own system errors: a refused connection is offline, a full disk and a locked folder have their own reasons, the rest is unknown", async () => {
    const refused = await new Promise<Error>((resolve) => {
      const server = net.createServer().listen(0, '127.0.0.1', () => {
        const { port } = server.address() as net.AddressInfo;
        server.close(() => net.connect(port, '127.0.0.1').on('error', resolve));
      });
    });
    expect((refused as NodeJS.ErrnoException).code).toBe('ECONNREFUSED');
    expect(updateError(refused).reason).toBe('errors-updates:offline');
    expect(updateError(Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' })).reason).toBe('errors-updates:disk');
    expect(updateError(Object.assign(new Error("EACCES: permission denied, open 'C:\\ProgramData\\clinic-desk-updater\\pending\\update.zip'"), { code: 'EACCES' })).reason).toBe('errors-updates:permission');
    expect(updateError('something odd')).toEqual({ code: 'update_failed', reason: 'errors-updates:unknown', params: {}, message: 'something odd' });
  });
});
