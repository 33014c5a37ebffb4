// The asynchronous writer the app uses so that SQLite never runs on the render thread.
#include <catch2/catch.hpp>

#include <atomic>
#include <thread>

#include "backends/null/manual_clock.h"
#include "core/progress/async_writer.h"
#include "test_progress_support.h"

using namespace respite;
using core::AsyncProgressWriter;
using core::ProgressStore;
using test::TempDir;

namespace {

core::CompletionInput nth_input(int i) {
  return test::input_at(core::CivilDate::from_days(core::CivilDate{2026, 1, 1}.to_days() + i).to_string() +
                        "T12:00:00Z");
}

}  // namespace

TEST_CASE("async writer: records in order off the caller's thread, backs up when idle", "[progress][async]") {
  TempDir dir("async");
  null_backend::ManualClock clock;
  const auto path = dir.path() / "progress.db";
  const core::ProfileIdentity who{core::make_uuid_v4(), "Alex", "", clock.utc_now()};
  const auto caller = std::this_thread::get_id();
  std::atomic<int> callbacks{0};
  std::atomic<bool> callback_on_caller{false};
  {
    AsyncProgressWriter writer([&] { return ProgressStore::open(path, clock, who); });
    const auto status = writer.opened().get();
    REQUIRE(status.ok);
    CHECK(status.notices.empty());
    std::vector<std::future<core::RecordOutcome>> futures;
    for (int i = 0; i < 40; ++i) {
      futures.push_back(writer.record(nth_input(i), [&](const core::RecordOutcome& outcome) {
        if (outcome.ok()) ++callbacks;
        if (std::this_thread::get_id() == caller) callback_on_caller = true;
      }));
    }
    for (auto& f : futures) CHECK(f.get().status == core::RecordStatus::Recorded);
    writer.drain();
    CHECK(callbacks == 40);
    CHECK_FALSE(callback_on_caller);
    const auto count = writer.run([](ProgressStore* store) { return store->completion_count(); }).get();
    CHECK(count == 40);
    const bool backed_up = writer
                               .run([](ProgressStore* store) {
                                 return store->db().newest_backup_revision() == store->db().revision();
                               })
                               .get();
    CHECK(backed_up);
    // Jobs still queued when the writer is destroyed are finished, not dropped.
    for (int i = 40; i < 60; ++i) writer.record(nth_input(i));
  }
  auto reopened = ProgressStore::open(path, clock);
  REQUIRE(reopened.store);
  CHECK(reopened.store->completion_count() == 60);
  const auto log = reopened.store->completions();
  for (std::size_t i = 1; i < log.size(); ++i) CHECK(log[i - 1].at < log[i].at);  // submission order
}

TEST_CASE("async writer: many producers, one durable sequence", "[progress][async]") {
  TempDir dir("async-many");
  null_backend::ManualClock clock;
  const auto path = dir.path() / "progress.db";
  const core::ProfileIdentity who{core::make_uuid_v4(), "Alex", "", clock.utc_now()};
  AsyncProgressWriter writer([&] { return ProgressStore::open(path, clock, who); });
  std::vector<std::thread> producers;
  std::atomic<int> ok{0};
  for (int t = 0; t < 4; ++t) {
    producers.emplace_back([&, t] {
      for (int i = 0; i < 25; ++i) {
        auto in = nth_input(t * 100 + i);
        if (writer.record(in).get().ok()) ++ok;
        if (writer.record(in).get().status == core::RecordStatus::AlreadyRecorded) ++ok;  // retry: idempotent
      }
    });
  }
  for (auto& p : producers) p.join();
  CHECK(ok == 200);
  CHECK(writer.run([](ProgressStore* store) { return store->completion_count(); }).get() == 100);
}

TEST_CASE("async writer: a store that cannot be opened fails each record, never crashes",
          "[progress][async]") {
  AsyncProgressWriter writer([] {
    ProgressStore::OpenResult failed;
    failed.error = core::sql::OpenError::Io;
    failed.message = "disk unavailable";
    return failed;
  });
  const auto status = writer.opened().get();
  CHECK_FALSE(status.ok);
  CHECK(status.message == "disk unavailable");
  const auto outcome = writer.record(nth_input(0)).get();
  CHECK(outcome.status == core::RecordStatus::Failed);
  CHECK(writer.run([](ProgressStore* store) { return store == nullptr; }).get());
}
