// A person's first session on a phone, with the browser's clock under the test's control: tap the
// home screen's "Breathe — 2 min", see the pacer move, let the two minutes pass, see the
// completion screen, reload, and find the completed session remembered.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import {
  changedShare, findBlock, screenshot, startBrowser, startServer, status, waitForFirstFrame, waitForRoute,
} from './harness.mjs';

const PRIMARY = [0x2c, 0x6e, 0x70]; // engine/ui/theme.cpp, light palette
const ITEM = 'clinician-essentials/two-minute-reset';

let server;
let browser;
before(async () => {
  server = await startServer();
  browser = await startBrowser();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

test('the two-minute session runs on a tap, completes, and is remembered after a reload', async () => {
  const { page, context, logs } = browser;
  // Fake timers (Date, performance.now, requestAnimationFrame): time runs normally until the
  // test takes over, and then moves only when the test says so.
  await context.clock.install();
  await page.goto(server.url);
  await waitForFirstFrame(page);
  await waitForRoute(page, 'home');
  await page.waitForFunction(() => window.respiteWeb.frames >= 3);
  const home = await screenshot(page, 'session-1-home');

  const button = await findBlock(page, home.png, PRIMARY);
  assert.ok(button, 'no primary-coloured button on the home screen');
  assert.ok(button.height >= 48, `the Breathe button is ${button.height} px high, less than a touch target`);
  await page.touchscreen.tap(button.x, button.y);
  await page.clock.runFor(300);
  await waitForRoute(page, `play/${ITEM}`);

  // The pacer moves with the clock: two moments of the first inhale look different.
  await page.clock.runFor(500);
  const early = await screenshot(page, 'session-2-pacer-early');
  await page.clock.runFor(2000);
  const later = await screenshot(page, 'session-3-pacer-later');
  const moved = await changedShare(page, early.png, later.png);
  assert.ok(moved > 0.005, `the pacer did not move: ${(moved * 100).toFixed(3)} % of pixels changed in 2 s`);

  // Jump past the end of the session; the app then shows its completion screen.
  await page.clock.fastForward(125_000);
  await page.clock.runFor(1000);
  await waitForRoute(page, 'completion');
  await screenshot(page, 'session-4-completion');

  // The completion was committed and copied to IndexedDB before the reload.
  await page.waitForFunction(() => window.respiteWeb.syncs >= 1 && !window.respiteWeb.syncPending,
    null, { timeout: 20_000, polling: 100 });

  await page.reload();
  await waitForFirstFrame(page);
  await waitForRoute(page, 'home');
  await page.clock.runFor(500);
  const again = await screenshot(page, 'session-5-home-after-reload');
  const state = await status(page);
  assert.equal(state.storage, 'persistent');
  const difference = await changedShare(page, home.png, again.png);
  assert.ok(difference > 0.002, 'the home screen shows nothing new after a completed session and a reload');
  assert.deepEqual(logs.filter((line) => line.startsWith('[pageerror]')), []);
});
