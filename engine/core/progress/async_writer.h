// Keeps SQLite off the render thread: one worker thread owns the ProgressStore (opening included,
// since quick_check and a restore take time) and runs jobs from a queue in order. The app calls
// record() at the end of a session and polls the future (or gets the callback, on the worker
// thread); reads for the progress screen go through run(). When the queue drains the worker makes
// a backup if the data changed, so backups never sit in a commit's latency.
// The CLI does not use this: it calls ProgressStore directly.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <thread>
#include <type_traits>
#include <vector>

#include "core/progress/progress_store.h"

namespace respite::core {

class AsyncProgressWriter {
 public:
  using Opener = std::function<ProgressStore::OpenResult()>;
  using RecordCallback = std::function<void(const RecordOutcome&)>;

  struct OpenStatus {
    bool ok = false;
    std::vector<sql::Notice> notices;  // show these (e.g. "restored from backup")
    std::string message;               // why opening failed
  };

  // `opener` runs on the worker thread, first.
  explicit AsyncProgressWriter(Opener opener);
  // Finishes every queued job (nothing submitted is dropped), makes a final backup, joins.
  ~AsyncProgressWriter();
  AsyncProgressWriter(const AsyncProgressWriter&) = delete;
  AsyncProgressWriter& operator=(const AsyncProgressWriter&) = delete;

  std::shared_future<OpenStatus> opened() const { return opened_; }

  // Queues one completion. The future is ready once the transaction committed (or failed: then the
  // caller still holds `input` and may submit it again; the event id makes that idempotent).
  std::future<RecordOutcome> record(CompletionInput input, RecordCallback on_done = {});

  // Runs `job(ProgressStore*)` on the worker (the pointer is null if opening failed).
  template <class F>
  auto run(F job) -> std::future<std::invoke_result_t<F, ProgressStore*>> {
    using Result = std::invoke_result_t<F, ProgressStore*>;
    auto task = std::make_shared<std::packaged_task<Result()>>(
        [this, job = std::move(job)]() mutable { return job(store_.get()); });
    std::future<Result> future = task->get_future();
    enqueue([task] { (*task)(); });
    return future;
  }

  // Blocks until every job submitted before the call has finished (shutdown paths and tests).
  void drain();
  // Notices raised after opening (a backup that failed); cleared by the call.
  std::vector<sql::Notice> take_notices();

 private:
  void enqueue(std::function<void()> job);
  void loop(Opener opener, std::promise<OpenStatus> opened);
  void open_store(Opener& opener, std::promise<OpenStatus>& opened);
  // Counts a job as finished; when the queue is `idle`, first makes a backup if one is due.
  void after_job(bool idle);

  std::mutex mutex_;
  std::condition_variable wake_;
  std::condition_variable progress_;
  std::deque<std::function<void()>> queue_;
  std::uint64_t submitted_ = 0;
  std::uint64_t finished_ = 0;
  bool stopping_ = false;
  std::vector<sql::Notice> notices_;
  std::unique_ptr<ProgressStore> store_;  // touched only by the worker thread
  std::shared_future<OpenStatus> opened_;
  std::thread worker_;
};

}  // namespace respite::core
