// The web build as a site: complete and installable (manifest, icons, service worker), draws the
// engine's first frame in a phone-sized headless Chromium at devicePixelRatio 2, and opens again
// with the network off once the service worker has cached it.
import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, test } from 'node:test';

import {
  PHONE, changedShare, screenshot, siteDir, startBrowser, startServer, status, waitForFirstFrame,
  writeMetrics,
} from './harness.mjs';

// Width and height from a PNG's IHDR chunk.
function pngSize(bytes) {
  assert.equal(bytes.subarray(1, 4).toString('latin1'), 'PNG', 'not a PNG file');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

let server;
before(async () => { server = await startServer(); });
after(async () => { await server?.close(); });

test('the site has every file an installable offline app needs', async () => {
  const manifest = JSON.parse(await readFile(join(siteDir, 'manifest.webmanifest'), 'utf8'));
  assert.equal(manifest.short_name, 'Respite');
  assert.equal(manifest.display, 'standalone');
  assert.match(manifest.theme_color, /^#[0-9A-Fa-f]{6}$/);
  assert.match(manifest.background_color, /^#[0-9A-Fa-f]{6}$/);
  const sizes = new Set();
  for (const icon of manifest.icons) {
    const { width, height } = pngSize(await readFile(join(siteDir, icon.src)));
    assert.equal(`${width}x${height}`, icon.sizes, `${icon.src} is not ${icon.sizes}`);
    sizes.add(`${icon.sizes} ${icon.purpose}`);
  }
  for (const needed of ['192x192 any', '512x512 any', '512x512 maskable']) {
    assert.ok(sizes.has(needed), `the manifest has no ${needed} icon`);
  }

  const worker = await readFile(join(siteDir, 'sw.js'), 'utf8');
  assert.doesNotMatch(worker, /@RESPITE_/, 'sw.js still has a placeholder');
  const files = (await readdir(siteDir, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath ?? entry.path, entry.name).slice(siteDir.length + 1))
    .filter((file) => file !== 'sw.js');
  for (const file of files) assert.ok(worker.includes(`'${file}'`), `sw.js does not precache ${file}`);
  for (const file of ['index.html', 'shell.js', 'respite.js', 'respite.wasm', 'respite.data']) {
    assert.ok(files.includes(file), `${file} is missing from the site`);
  }
});

test('loads in a phone viewport and draws the engine at the device pixel ratio', async () => {
  const browser = await startBrowser();
  try {
    const { page, logs } = browser;
    await page.goto(server.url);
    const state = await waitForFirstFrame(page);
    const canvas = await page.evaluate(() => {
      const element = document.getElementById('canvas');
      const box = element.getBoundingClientRect();
      return { width: element.width, height: element.height, cssWidth: box.width, cssHeight: box.height };
    });
    // The canvas fills the viewport and its drawing buffer has one pixel per device pixel.
    assert.equal(canvas.cssWidth, PHONE.width);
    assert.equal(canvas.cssHeight, PHONE.height);
    assert.equal(canvas.width, PHONE.width * PHONE.deviceScaleFactor);
    assert.equal(canvas.height, PHONE.height * PHONE.deviceScaleFactor);

    // The app renders a few frames after start and then only when something changes; once those
    // are done, check that it drew something (not one flat colour).
    await page.waitForFunction(() => window.respiteWeb.frames >= 3);
    const { png } = await screenshot(page, 'first-frame');
    const background = await page.evaluate(() =>
      getComputedStyle(document.body).backgroundColor.match(/\d+/g).slice(0, 3).map(Number));
    const drawn = await changedShare(page, png, background);
    assert.ok(drawn > 0.01, `only ${(drawn * 100).toFixed(2)} % of the screen differs from the page background`);

    assert.deepEqual(logs.filter((line) => line.startsWith('[pageerror]')), []);
    await writeMetrics('first-load', {
      first_frame_ms: Math.round(state.firstFrameMs),
      runtime_ready_ms: Math.round(state.runtimeReadyMs),
      storage: state.storage,
      note: 'headless Chromium, SwiftShader WebGL, site on 127.0.0.1, cold profile',
    });
  } finally {
    await browser.close();
  }
});

test('opens offline once the service worker has cached the app', async () => {
  const browser = await startBrowser();
  try {
    const { page, context } = browser;
    await page.goto(server.url);
    await waitForFirstFrame(page);
    await page.evaluate(() => navigator.serviceWorker.ready);
    // The worker takes control of pages opened after it activated.
    await page.reload();
    await waitForFirstFrame(page);
    assert.ok(await page.evaluate(() => navigator.serviceWorker.controller !== null),
      'the service worker does not control the page');

    await context.setOffline(true);
    // Really offline: anything the worker has not cached fails.
    const uncached = await page.evaluate(() => fetch('manifest.webmanifest?uncached').then(() => 'fetched', () => 'failed'));
    assert.equal(uncached, 'failed', 'the network is still reachable, so this test proves nothing');
    await page.reload();
    const state = await waitForFirstFrame(page);
    assert.equal(state.error, null);
    await screenshot(page, 'offline');
    await writeMetrics('offline-load', {
      first_frame_ms: Math.round(state.firstFrameMs),
      runtime_ready_ms: Math.round(state.runtimeReadyMs),
      note: 'headless Chromium, network off, every file from the service worker cache',
    });
    await context.setOffline(false);
  } finally {
    await browser.close();
  }
});
