// A person's first session on a phone, with the browser's clock under the test's control: choose
// "Just me" on the first-run screen, tap the home screen's "Breathe — 2 min", see the pacer move, let the two minutes pass, see the
// completion screen, reload, and find the completed session remembered. Also checks the storage
// underneath on its own: a file written to /data is there again after a reload.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';

import {
  changedShare, findBlock, screenshot, startBrowser, startServer, status, waitForFirstFrame, waitForRoute,
} from './harness.mjs';

const PRIMARY = [0x2c, 0x6e, 0x70]; // engine/ui/theme.cpp, light palette
const ITEM = 'clinician-essentials/two-minute-reset';

let server;
before(async () => { server = await startServer(); });
after(async () => { await server?.close(); });

test('files in /data survive a reload (IDBFS on IndexedDB)', async () => {
  const browser = await startBrowser();
  try {
    const { page } = browser;
    await page.goto(server.url);
    const first = await waitForFirstFrame(page);
    assert.equal(first.storage, 'persistent');
    const token = randomUUID();
    await page.evaluate((text) => {
      Module.FS.writeFile('/data/web-test-probe.txt', text);
      Module.respiteSyncData('test');
    }, token);
    await page.waitForFunction(() => window.respiteWeb.syncs >= 1 && !window.respiteWeb.syncPending);

    await page.reload();
    await waitForFirstFrame(page);
    const read = await page.evaluate(() => {
      try {
        return Module.FS.readFile('/data/web-test-probe.txt', { encoding: 'utf8' });
      } catch (error) {
        return `missing: ${error}`;
      }
    });
    assert.equal(read, token);
  } finally {
    await browser.close();
  }
});

test('the two-minute session on a phone', async (t) => {
  const browser = await startBrowser();
  t.after(() => browser.close());
  const { page, context, logs } = browser;
  let home;

  await t.test('starts with one tap and the pacer follows the clock', async () => {
    // Fake timers (Date, performance.now, requestAnimationFrame): time runs normally until the
    // test moves it on.
    await context.clock.install();
    await page.goto(server.url);
    await waitForFirstFrame(page);
    await page.waitForFunction(() => window.respiteWeb.frames >= 3);
    // A new device first asks who will use it; "Just me" is its primary button.
    if ((await status(page)).route === 'welcome') {
      const welcome = await screenshot(page, 'session-0-welcome');
      const justMe = await findBlock(page, welcome.png, PRIMARY);
      assert.ok(justMe, 'no primary-coloured button on the welcome screen');
      await page.touchscreen.tap(justMe.x, justMe.y);
      await page.clock.runFor(500);
    }
    await waitForRoute(page, 'home');
    await page.clock.runFor(500);
    home = await screenshot(page, 'session-1-home');

    const button = await findBlock(page, home.png, PRIMARY);
    assert.ok(button, 'no primary-coloured button on the home screen');
    assert.ok(button.height >= 48, `the Breathe button is ${button.height} px high, less than a touch target`);
    await page.touchscreen.tap(button.x, button.y);
    await page.clock.runFor(300);
    await waitForRoute(page, `play/${ITEM}`);
    // SDL opened audio and the browser lets it play. (Whether the tap itself unlocked it cannot be
    // seen here: Playwright runs page.evaluate as a user gesture, which unlocks audio already.)
    await page.waitForFunction(() => window.respiteWeb.audioState === 'running', null, { timeout: 5_000 });

    // Two moments two seconds apart look different: the pacer moves.
    await page.clock.runFor(500);
    const early = await screenshot(page, 'session-2-pacer-early');
    await page.clock.runFor(2000);
    const later = await screenshot(page, 'session-3-pacer-later');
    const moved = await changedShare(page, early.png, later.png);
    assert.ok(moved > 0.005, `the pacer did not move: ${(moved * 100).toFixed(3)} % of pixels changed in 2 s`);
  });

  await t.test('ends on the completion screen when the two minutes are up', async () => {
    await page.clock.fastForward(125_000);
    await page.clock.runFor(1000);
    await waitForRoute(page, 'completion');
    await screenshot(page, 'session-4-completion');
    assert.deepEqual(logs.filter((line) => line.startsWith('[pageerror]')), []);
  });

  await t.test('is remembered after a reload', async () => {
    // The completion was committed, and the engine asked the page to copy /data to IndexedDB.
    await page.waitForFunction(() => window.respiteWeb.syncs >= 1 && !window.respiteWeb.syncPending,
      null, { timeout: 10_000, polling: 100 });
    await page.reload();
    await waitForFirstFrame(page);
    // The profile chosen on the first run is still there (no welcome screen), and the home screen
    // now shows the practice (the streak line).
    await waitForRoute(page, 'home');
    await page.clock.runFor(500);
    const again = await screenshot(page, 'session-5-home-after-reload');
    assert.equal((await status(page)).storage, 'persistent');
    const difference = await changedShare(page, home.png, again.png);
    assert.ok(difference > 0.002, 'the home screen shows nothing new after a completed session and a reload');
  });
});
