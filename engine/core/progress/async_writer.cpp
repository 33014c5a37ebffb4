#include "core/progress/async_writer.h"

// WebAssembly without pthreads (the web build) cannot start a thread: there every job runs at
// once, in the caller, in submission order. A commit there writes to memory (IDBFS copies it to
// IndexedDB afterwards, docs/web.md), so it takes well under a frame.
#if defined(__EMSCRIPTEN__) && !defined(__EMSCRIPTEN_PTHREADS__)
#define RESPITE_PROGRESS_INLINE 1
#endif

namespace respite::core {

AsyncProgressWriter::AsyncProgressWriter(Opener opener) {
  std::promise<OpenStatus> opened;
  opened_ = opened.get_future().share();
#ifdef RESPITE_PROGRESS_INLINE
  open_store(opener, opened);
#else
  worker_ = std::thread([this, opener = std::move(opener), opened = std::move(opened)]() mutable {
    loop(std::move(opener), std::move(opened));
  });
#endif
}

AsyncProgressWriter::~AsyncProgressWriter() {
#ifdef RESPITE_PROGRESS_INLINE
  store_.reset();
#else
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  worker_.join();
#endif
}

std::future<RecordOutcome> AsyncProgressWriter::record(CompletionInput input, RecordCallback on_done) {
  return run([input = std::move(input), on_done = std::move(on_done)](ProgressStore* store) {
    RecordOutcome outcome;
    if (store == nullptr) {
      outcome.status = RecordStatus::Failed;
      outcome.message = "the practice history could not be opened";
    } else {
      outcome = store->record(input);
    }
    if (on_done) on_done(outcome);
    return outcome;
  });
}

void AsyncProgressWriter::enqueue(std::function<void()> job) {
#ifdef RESPITE_PROGRESS_INLINE
  ++submitted_;
  job();
  after_job(true);
#else
  {
    std::lock_guard<std::mutex> lock(mutex_);
    queue_.push_back(std::move(job));
    ++submitted_;
  }
  wake_.notify_one();
#endif
}

void AsyncProgressWriter::drain() {
  std::unique_lock<std::mutex> lock(mutex_);
  const std::uint64_t target = submitted_;
  progress_.wait(lock, [&] { return finished_ >= target; });
}

std::vector<sql::Notice> AsyncProgressWriter::take_notices() {
  std::lock_guard<std::mutex> lock(mutex_);
  std::vector<sql::Notice> out;
  out.swap(notices_);
  return out;
}

void AsyncProgressWriter::open_store(Opener& opener, std::promise<OpenStatus>& opened) {
  ProgressStore::OpenResult result = opener();
  OpenStatus status;
  status.ok = result.store != nullptr;
  status.notices = std::move(result.notices);
  status.message = std::move(result.message);
  store_ = std::move(result.store);
  opened.set_value(std::move(status));
}

void AsyncProgressWriter::after_job(bool idle) {
  // Idle: a good moment for a backup. Done before the job counts as finished so that drain()
  // returns with the backup made.
  if (idle && store_) {
    std::string error;
    if (!store_->backup_if_stale(&error)) {
      std::lock_guard<std::mutex> lock(mutex_);
      notices_.push_back({sql::NoticeKind::BackupFailed,
                          "A backup of your practice history could not be made (" + error +
                              "); your data is safe and a backup will be tried again.",
                          {}});
    }
  }
  {
    std::lock_guard<std::mutex> lock(mutex_);
    ++finished_;
  }
  progress_.notify_all();
}

void AsyncProgressWriter::loop(Opener opener, std::promise<OpenStatus> opened) {
  open_store(opener, opened);
  for (;;) {
    std::function<void()> job;
    {
      std::unique_lock<std::mutex> lock(mutex_);
      wake_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) break;  // stopping, and nothing left to do
      job = std::move(queue_.front());
      queue_.pop_front();
    }
    job();
    bool idle = false;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      idle = queue_.empty();
    }
    after_job(idle);
  }
  store_.reset();
}

}  // namespace respite::core
