// Shared helpers of the web tests: serve build/web/site on 127.0.0.1, start Debian's Chromium
// headless through playwright-core with a fresh profile and a phone's viewport (390x844 CSS px,
// touch, devicePixelRatio 2), read the page's status object, save screenshots, compare pixels.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { serve } from '../../scripts/web/serve.mjs';

const here = dirname(fileURLToPath(import.meta.url));
export const repoRoot = resolve(here, '../..');
export const siteDir = process.env.RESPITE_WEB_SITE ?? join(repoRoot, 'build/web/site');
export const screensDir = process.env.RESPITE_WEB_SCREENS ?? join(repoRoot, 'build/web/screens');
// scripts/test-web installs playwright-core outside the source tree (build/web/npm).
const npmDir = process.env.RESPITE_WEB_NPM ?? join(repoRoot, 'build/web/npm');
const { chromium } = createRequire(join(npmDir, 'package.json'))('playwright-core');

export const PHONE = { width: 390, height: 844, deviceScaleFactor: 2 };

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // WebGL on the CPU (SwiftShader) without the deprecation warning; what a GPU-less CI has.
  '--enable-unsafe-swiftshader',
];

// Starts the static server; returns { url, close }.
export async function startServer() {
  const server = await serve(siteDir, 0);
  const url = `http://127.0.0.1:${server.address().port}/`;
  return {
    url,
    close: () => new Promise((done) => {
      server.closeAllConnections?.();
      server.close(() => done());
    }),
  };
}

// A browser with a fresh profile (its own --user-data-dir), closed and deleted by close().
export async function startBrowser() {
  const profile = await mkdtemp(join(tmpdir(), 'respite-web-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.RESPITE_CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: PHONE.width, height: PHONE.height },
    deviceScaleFactor: PHONE.deviceScaleFactor,
    hasTouch: true,
    isMobile: true,
    serviceWorkers: 'allow',
  });
  const logs = [];
  const watch = (page) => {
    page.on('console', (message) => logs.push(`[${message.type()}] ${message.text()}`));
    page.on('pageerror', (error) => logs.push(`[pageerror] ${error.message}`));
  };
  context.pages().forEach(watch);
  context.on('page', watch);
  return {
    context,
    logs,
    page: context.pages()[0] ?? (await context.newPage()),
    close: async () => {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

export function status(page) {
  return page.evaluate(() => JSON.parse(JSON.stringify(window.respiteWeb ?? null)));
}

// Waits until the engine has presented its first frame (or the page reports an error).
export async function waitForFirstFrame(page, timeout = 60_000) {
  await page.waitForFunction(
    () => window.respiteWeb && (window.respiteWeb.firstFrameMs !== null || window.respiteWeb.error),
    null, { timeout, polling: 100 });
  const state = await status(page);
  if (state.error) throw new Error(`the page reported: ${state.error}`);
  return state;
}

export async function screenshot(page, name) {
  await mkdir(screensDir, { recursive: true });
  const file = join(screensDir, `${name}.png`);
  const png = await page.screenshot({ path: file });
  return { file, png };
}

// Share of pixels (0..1) of a PNG screenshot that differ visibly from `reference`: another PNG
// of the same size, or an [r, g, b] colour. Computed in the page (Node has no PNG decoder).
export async function changedShare(page, png, reference) {
  const other = Buffer.isBuffer(reference) ? reference.toString('base64') : null;
  return page.evaluate(async ([a, b, colour]) => {
    const pixels = async (base64) => {
      const image = new Image();
      image.src = `data:image/png;base64,${base64}`;
      await image.decode();
      const canvas = new OffscreenCanvas(image.width, image.height);
      const context = canvas.getContext('2d');
      context.drawImage(image, 0, 0);
      return context.getImageData(0, 0, image.width, image.height);
    };
    const x = await pixels(a);
    const y = b ? await pixels(b) : null;
    if (y && (x.width !== y.width || x.height !== y.height)) return 1;
    let changed = 0;
    for (let i = 0; i < x.data.length; i += 4) {
      const r = y ? y.data[i] : colour[0];
      const g = y ? y.data[i + 1] : colour[1];
      const bl = y ? y.data[i + 2] : colour[2];
      if (Math.abs(x.data[i] - r) + Math.abs(x.data[i + 1] - g) + Math.abs(x.data[i + 2] - bl) > 24) changed += 1;
    }
    return changed / (x.width * x.height);
  }, [png.toString('base64'), other, other ? null : reference]);
}

export async function writeMetrics(name, values) {
  await mkdir(screensDir, { recursive: true });
  await writeFile(join(screensDir, `${name}.json`), `${JSON.stringify(values, null, 2)}\n`);
}

// The box (in CSS pixels) of the widest block of `colour` in a PNG screenshot: the rows where the
// colour covers more than `minShare` of the width, and the columns it covers in those rows. Finds
// a filled button by its colour without knowing the layout; null when there is none.
export async function findBlock(page, png, colour, minShare = 0.4) {
  const box = await page.evaluate(async ([base64, rgb, share]) => {
    const image = new Image();
    image.src = `data:image/png;base64,${base64}`;
    await image.decode();
    const canvas = new OffscreenCanvas(image.width, image.height);
    const context = canvas.getContext('2d');
    context.drawImage(image, 0, 0);
    const { data, width, height } = context.getImageData(0, 0, image.width, image.height);
    const near = (i) => Math.abs(data[i] - rgb[0]) + Math.abs(data[i + 1] - rgb[1]) + Math.abs(data[i + 2] - rgb[2]) < 12;
    let top = -1, bottom = -1, left = width, right = -1;
    for (let y = 0; y < height; y += 1) {
      let count = 0, first = -1, last = -1;
      for (let x = 0; x < width; x += 1) {
        if (near((y * width + x) * 4)) { count += 1; if (first < 0) first = x; last = x; }
      }
      if (count > share * width) {
        if (top < 0) top = y;
        else if (y !== bottom + 1) break; // the first block only
        bottom = y;
        left = Math.min(left, first);
        right = Math.max(right, last);
      }
    }
    return top < 0 ? null : { top, bottom, left, right };
  }, [png.toString('base64'), colour, minShare]);
  if (!box) return null;
  const dpr = PHONE.deviceScaleFactor;
  return {
    x: (box.left + box.right) / 2 / dpr,
    y: (box.top + box.bottom) / 2 / dpr,
    width: (box.right - box.left + 1) / dpr,
    height: (box.bottom - box.top + 1) / dpr,
  };
}

// Waits until the engine reports `route` (see platforms/web/shell.js).
export async function waitForRoute(page, route, timeout = 20_000) {
  await page.waitForFunction((wanted) => window.respiteWeb && window.respiteWeb.route === wanted, route,
    { timeout, polling: 50 });
}
