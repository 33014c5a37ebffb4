// app::BackgroundTask (engine/app/background_task.h): the result arrives once, whichever side ran
// the work, and an exception thrown by the work reaches the caller of get().
#include <catch2/catch.hpp>

#include <atomic>
#include <stdexcept>
#include <string>
#include <thread>

#include "app/background_task.h"

using respite::app::BackgroundTask;

TEST_CASE("a background task's work runs exactly once, on whichever side claims it first",
          "[headless][task]") {
  // Many tasks, each asked for at once: some threads will not have started yet, and then get()
  // does the work itself; either way it runs once and the value is the work's.
  for (int i = 0; i < 200; ++i) {
    std::atomic<int> runs{0};
    {
      BackgroundTask<int> task([&runs, i] {
        ++runs;
        return i * 3;
      });
      CHECK(task.get() == i * 3);
    }  // the thread is joined: it can run nothing any more
    CHECK(runs == 1);
  }
}

TEST_CASE("a background task hands over the work's exception", "[headless][task]") {
  BackgroundTask<int> task([]() -> int { throw std::runtime_error("the packs folder vanished"); });
  CHECK_THROWS_WITH(task.get(), "the packs folder vanished");
}

TEST_CASE("waiting for a background task leaves its result for get()", "[headless][task]") {
  BackgroundTask<std::string> task([] { return std::string("catalog"); });
  task.wait();
  CHECK(task.get() == "catalog");
}
