// The victim of the SIGKILL crash test (tests/unit/test_progress_crash.cpp): records completions
// START, START+1, ... into one profile's store as fast as it can, and after each COMMIT returns
// prints "ack N" with a raw write(2), so every acknowledged event is one the store promised to
// keep. It also makes backups along the way, so kills land inside backups too.
//   usage: respite_progress_writer DB_PATH START COUNT
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <string>

#include "core/clock.h"
#include "core/progress/progress_store.h"

using namespace respite;

namespace {

// Deterministic ids, so the parent knows which event each "ack N" stands for.
std::string event_id(long n) {
  char id[40];
  std::snprintf(id, sizeof id, "00000000-0000-4000-8000-%012ld", n);
  return id;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 4) {
    std::fprintf(stderr, "usage: respite_progress_writer DB_PATH START COUNT\n");
    return 2;
  }
  const std::string path = argv[1];
  const long start = std::strtol(argv[2], nullptr, 10);
  const long count = std::strtol(argv[3], nullptr, 10);
  const core::SystemClock clock;
  const core::ProfileIdentity who{"11111111-1111-4111-8111-111111111111", "Crash test", "",
                                  core::UtcInstant{0}};
  auto opened = core::ProgressStore::open(path, clock, who);
  for (const auto& notice : opened.notices)
    std::fprintf(stderr, "writer notice: %s\n", notice.message.c_str());
  if (!opened.store) {
    std::fprintf(stderr, "writer: %s\n", opened.message.c_str());
    return 1;
  }
  for (long n = start; n < start + count; ++n) {
    core::CompletionInput in;
    in.event_id = event_id(n);
    in.pack_id = "crash";
    in.item_id = "test";
    in.at = core::UtcInstant{1'767'225'600'000 + n * 60'000};
    in.active = in.planned = in.required = core::Millis(60'000);
    const auto outcome = opened.store->record(in);
    if (!outcome.ok()) {
      std::fprintf(stderr, "writer: %s\n", outcome.message.c_str());
      return 1;
    }
    const std::string ack = "ack " + std::to_string(n) + "\n";
    if (::write(STDOUT_FILENO, ack.data(), ack.size()) != static_cast<ssize_t>(ack.size())) return 1;
    if (n % 3 == 0) opened.store->backup_if_stale();
  }
  return 0;
}
