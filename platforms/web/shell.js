// The page side of the web app, loaded before respite.js: creates the emscripten Module (canvas,
// loader text, errors), resumes audio on the first tap, registers the service worker for offline
// use, and publishes a small read-only status (window.respiteWeb) for people debugging and for
// tests/web. Everything that touches the engine's file system lives in pre.js instead.
'use strict';

(function () {
  const canvas = document.getElementById('canvas');
  const statusBox = document.getElementById('status');
  const statusText = document.getElementById('status-text');

  // What a test or a curious person can read; the engine adds to it (see platforms/web/main.cpp).
  const web = {
    startedAt: performance.now(),
    runtimeReadyMs: null, // the wasm is compiled and main() is about to run
    firstFrameMs: null,   // the first frame the engine presented, from navigation start
    frames: 0,
    route: null,          // the screen the engine last drew: "home", "play/PACK/ITEM", "completion", ...
    audioState: 'none',   // the SDL AudioContext's state, once the engine opened audio
    storage: 'pending',   // 'persistent-load-ok', 'memory-only: <why>', set by pre.js
    error: null,
    serviceWorker: 'unsupported',
  };
  window.respiteWeb = web;

  function showStatus(text, isError) {
    statusText.textContent = text;
    statusBox.classList.toggle('error', !!isError);
    statusBox.hidden = false;
  }

  function fail(text) {
    web.error = text;
    showStatus(text, true);
  }

  if (typeof WebAssembly !== 'object') {
    fail('This browser cannot run Respite (WebAssembly is not available).');
    return;
  }

  // The context can be lost when a phone reclaims GPU memory; SDL cannot rebuild its textures.
  canvas.addEventListener('webglcontextlost', function (event) {
    event.preventDefault();
    fail('The display was reset by the browser. Reload the page to continue; your progress is saved.');
  });
  canvas.addEventListener('contextmenu', function (event) { event.preventDefault(); });

  // Browsers start an AudioContext suspended until a user gesture. Emscripten's own helper listens
  // for touchstart, which Chrome and Safari do not count as a gesture; touchend, pointerup, click
  // and keydown do. SDL keeps its context at Module.SDL2.audioContext.
  function resumeAudio() {
    const context = window.Module && Module.SDL2 && Module.SDL2.audioContext;
    if (!context) return;
    if (context.state === 'suspended') {
      context.resume().then(function () { web.audioState = context.state; }, function () {});
    }
    web.audioState = context.state;
  }
  for (const type of ['touchend', 'pointerup', 'click', 'keydown']) {
    document.addEventListener(type, resumeAudio, { capture: true, passive: true });
  }

  window.Module = {
    canvas: canvas,
    print: function (text) { console.log(text); },
    printErr: function (text) { console.warn(text); },
    setStatus: function (text) {
      // emscripten reports download progress as "Downloading data... (x/y)"; keep it short.
      if (text && web.firstFrameMs === null) showStatus(text.replace(/\.\.\./, '…'), false);
    },
    onRuntimeInitialized: function () {
      web.runtimeReadyMs = performance.now();
    },
    onAbort: function (what) {
      fail('Respite stopped because of an internal error (' + what + '). Reload the page to continue; ' +
           'completed sessions are saved.');
    },
    // Called by the engine after each presented frame (see platforms/web/main.cpp).
    respiteFramePresented: function (route) {
      web.frames += 1;
      web.route = route;
      if (web.firstFrameMs === null) {
        web.firstFrameMs = performance.now();
        statusBox.hidden = true;
        canvas.focus();
      }
      const context = Module.SDL2 && Module.SDL2.audioContext;
      if (context) web.audioState = context.state;
    },
  };

  // Offline after the first visit. Service workers exist only on https and on localhost.
  if ('serviceWorker' in navigator && window.isSecureContext) {
    web.serviceWorker = 'registering';
    window.addEventListener('load', function () {
      navigator.serviceWorker.register('sw.js').then(function (registration) {
        web.serviceWorker = registration.active ? 'active' : 'installing';
        navigator.serviceWorker.ready.then(function () { web.serviceWorker = 'active'; });
      }, function (error) {
        web.serviceWorker = 'failed: ' + error;
      });
    });
  }
})();
