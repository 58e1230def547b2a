import http from 'node:http';
import zlib from 'node:zlib';
import { expect, test } from './fixtures';

/** The response headers of a raw GET (fetch would decompress and hide the encoding). */
function rawHeaders(url: string, acceptEncoding: string): Promise<http.IncomingHttpHeaders> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: { 'Accept-Encoding': acceptEncoding } }, (res) => {
        res.resume();
        resolve(res.headers);
      })
      .on('error', reject);
  });
}

/** Scripts the first page load runs: the entry and what index.html preloads (lazy screens come later). */
async function initialScripts(url: string): Promise<string[]> {
  const html = await (await fetch(`${url}/`)).text();
  return [...html.matchAll(/(?:src|href)="\.?\/?(assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
}

test('the renderer is minified, split per screen, sent compressed with long cache headers; initial JS < 250 kB gzip', async ({ host }) => {
  const scripts = await initialScripts(host.url);
  expect(scripts.length).toBeGreaterThan(0);
  let gzipTotal = 0;
  for (const s of scripts) {
    const plain = Buffer.from(await (await fetch(`${host.url}/${s}`, { headers: { 'Accept-Encoding': 'identity' } })).arrayBuffer());
    gzipTotal += zlib.gzipSync(plain, { level: 9 }).length;
    const headers = await rawHeaders(`${host.url}/${s}`, 'gzip, deflate, br');
    // Files under 1 kB go as they are (compressing them saves nothing).
    expect(headers['content-encoding']).toBe(plain.length >= 1024 ? 'br' : undefined);
    expect(headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(headers.vary).toBe('Accept-Encoding');
  }
  expect((await rawHeaders(`${host.url}/${scripts[0]}`, 'gzip'))['content-encoding']).toBe('gzip');
  expect((await rawHeaders(`${host.url}/${scripts[0]}`, 'identity'))['content-encoding']).toBeUndefined();
  console.warn(`initial JavaScript: ${scripts.length} files, ${(gzipTotal / 1024).toFixed(1)} kB gzip`);
  expect(gzipTotal).toBeLessThan(250 * 1024);
  // Minified: no long runs of indentation left.
  const entry = await (await fetch(`${host.url}/${scripts[0]}`)).text();
  expect(entry.split('\n').length).toBeLessThan(200);
});

test('the inbox is usable quickly on the demo database (time to the first conversation row)', async ({ page, host }) => {
  // The page notes the moment the first row is on screen itself (Playwright's own polling would add its delay).
  await page.addInitScript(() => {
    const w = window as unknown as { firstRowAt?: number };
    new MutationObserver((_, observer) => {
      if (w.firstRowAt === undefined && document.querySelector('[data-testid="conversation-item"]')) {
        w.firstRowAt = performance.now();
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  });
  const times: number[] = [];
  await page.goto(`${host.url}/#/inbox`);
  for (let i = 0; i < 3; i++) {
    if (i > 0) await page.reload();
    await expect(page.getByTestId('conversation-item').first()).toBeVisible();
    times.push(await page.evaluate(() => (window as unknown as { firstRowAt: number }).firstRowAt));
  }
  // The first load warms the compression cache and the database; the desk reloads rarely.
  const best = Math.min(...times.slice(1));
  console.warn(`inbox usable after ${times.map((t) => t.toFixed(0)).join(' / ')} ms (cold / warm / warm)`);
  // The goal is 300 ms on a desk PC; the CI box is shared by many test runs, so fail only far beyond it.
  expect(best).toBeLessThan(4000);
});
