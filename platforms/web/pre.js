// Runs inside respite.js (emscripten --pre-js): keeps the engine's data folder in IndexedDB.
// Before main() starts, /data is mounted as IDBFS and filled from IndexedDB; afterwards
// Module.respiteSyncData(reason) writes the in-memory files back. The engine calls it after
// every committed completion; the page also calls it when it is hidden or closed. Writes are
// serialized (IDBFS must not run two syncs at once) and a request during a sync queues one more.
// If IndexedDB cannot be read at start (private mode, blocked storage), the app still runs on
// memory only and never writes back, so a transient failure can never overwrite stored progress.

var RESPITE_DATA_DIR = '/data';

(function () {
  var web = (typeof window !== 'undefined' && window.respiteWeb) || {};
  var sync = { enabled: false, running: false, queued: false, persistAsked: false };
  web.syncs = 0;
  web.syncPending = false;

  function finished(error) {
    sync.running = false;
    if (error) {
      web.storage = 'write failed: ' + error;
      console.warn('respite: could not save to IndexedDB: ' + error);
    } else {
      web.syncs += 1;
      web.lastSyncMs = performance.now();
    }
    if (sync.queued) {
      sync.queued = false;
      startSync();
    } else {
      web.syncPending = false;
    }
  }

  function startSync() {
    sync.running = true;
    web.syncPending = true;
    FS.syncfs(false, finished);
  }

  Module['respiteSyncData'] = function (reason) {
    if (!sync.enabled) return;
    // Progress that matters exists now: ask the browser not to evict it under storage pressure.
    // Chrome decides silently; Firefox may ask the person once.
    if (reason === 'completion' && !sync.persistAsked && navigator.storage && navigator.storage.persist) {
      sync.persistAsked = true;
      navigator.storage.persist().then(function (granted) { web.storagePersisted = granted; },
                                       function () { web.storagePersisted = false; });
    }
    if (sync.running) {
      sync.queued = true;
      return;
    }
    startSync();
  };

  if (typeof document !== 'undefined') {
    document.addEventListener('visibilitychange', function () {
      if (document.visibilityState === 'hidden') Module['respiteSyncData']('hidden');
    });
    window.addEventListener('pagehide', function () { Module['respiteSyncData']('pagehide'); });
  }

  Module['preRun'] = Module['preRun'] || [];
  if (typeof Module['preRun'] === 'function') Module['preRun'] = [Module['preRun']];
  Module['preRun'].push(function () {
    FS.mkdir(RESPITE_DATA_DIR);
    if (typeof indexedDB === 'undefined') {
      web.storage = 'memory-only: IndexedDB is not available';
      return;
    }
    FS.mount(IDBFS, {}, RESPITE_DATA_DIR);
    addRunDependency('respite-data');
    FS.syncfs(true, function (error) {
      if (error) {
        web.storage = 'memory-only: ' + error;
        console.warn('respite: progress will not be kept, IndexedDB could not be read: ' + error);
      } else {
        sync.enabled = true;
        web.storage = 'persistent';
      }
      removeRunDependency('respite-data');
    });
  });
})();
