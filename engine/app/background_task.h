// Work started on a thread of its own whose result this thread wants later (the packs, read while
// the window opens). If the thread has not begun the work when get() is called (its core was busy
// or asleep: starting a thread took up to 3 ms on the 2-core virtual machine of
// docs/performance.md), get() does the work itself, and the thread, when it runs, finds nothing
// to do. get() returns when the result is in; the thread is joined when the task is destroyed.
// Where no thread can be started (a web build without threads, or the system refuses one), get()
// and wait() do the work the same way.
#pragma once

#include <atomic>
#include <exception>
#include <functional>
#include <future>
#include <system_error>
#include <thread>
#include <utility>

namespace respite::app {

template <typename T>
class BackgroundTask {
 public:
  explicit BackgroundTask(std::function<T()> work) : work_(std::move(work)), future_(promise_.get_future()) {
#if !defined(__EMSCRIPTEN__) || defined(__EMSCRIPTEN_PTHREADS__)
    try {
      thread_ = std::thread([this] { claim_and_run(); });
    } catch (const std::system_error&) {
      // No thread: get() does the work.
    }
#endif
  }
  ~BackgroundTask() {
    if (thread_.joinable()) thread_.join();
  }
  BackgroundTask(const BackgroundTask&) = delete;
  BackgroundTask& operator=(const BackgroundTask&) = delete;

  // Waits for the work (or does it, deferred) and hands over its result; call once.
  T get() {
    wait();
    return future_.get();
  }
  void wait() {
    claim_and_run();
    future_.wait();
  }

 private:
  // Runs the work unless the other side already has (or is doing it).
  void claim_and_run() {
    if (claimed_.exchange(true)) return;
    try {
      promise_.set_value(work_());
    } catch (...) {
      promise_.set_exception(std::current_exception());
    }
  }

  std::function<T()> work_;
  std::promise<T> promise_;
  std::future<T> future_;
  std::atomic<bool> claimed_{false};
  std::thread thread_;  // last: started once everything it uses exists
};

}  // namespace respite::app
