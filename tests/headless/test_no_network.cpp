// No network, ever (DESIGN §5): the real `respite` binary (screenshots, a short run of the app on
// SDL's dummy video driver, and the CLI commands that touch data) runs with a shim that records
// every socket it opens (tests/tools/socket_guard.cpp, LD_PRELOAD), and the test fails on any
// family but AF_UNIX and AF_NETLINK (local). The same commands then run again inside an empty
// network namespace (`unshare -rn`, or `unshare -n` as root) when the machine allows it: there the
// app must work exactly as well, since nothing it does needs a network. docs/privacy.md says how.
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <sstream>

#include "profile_test_support.h"

extern char** environ;

using namespace respite;
using namespace respite::testing;

namespace {

struct Run {
  int code = -1;
  std::string output;
};

// Runs argv with extra environment entries; stdout and stderr go to a file read back.
Run run(const std::vector<std::string>& argv, const std::vector<std::string>& extra_env,
        const fs::path& out_file) {
  // The extra entries replace inherited ones of the same name (getenv takes the first).
  std::vector<std::string> env_strings = extra_env;
  for (char** e = environ; *e != nullptr; ++e) {
    const std::string entry(*e);
    const std::string name = entry.substr(0, entry.find('=') + 1);
    bool replaced = false;
    for (const std::string& x : extra_env) replaced = replaced || x.rfind(name, 0) == 0;
    if (!replaced) env_strings.push_back(entry);
  }
  std::vector<char*> env, args;
  for (std::string& e : env_strings) env.push_back(e.data());
  env.push_back(nullptr);
  std::vector<std::string> argv_copy = argv;
  for (std::string& a : argv_copy) args.push_back(a.data());
  args.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, out_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_adddup2(&actions, 1, 2);
  pid_t pid = 0;
  Run result;
  if (posix_spawnp(&pid, args[0], &actions, nullptr, args.data(), env.data()) == 0) {
    int status = 0;
    waitpid(pid, &status, 0);
    result.code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  }
  posix_spawn_file_actions_destroy(&actions);
  std::ifstream in(out_file);
  std::ostringstream text;
  text << in.rdbuf();
  result.output = text.str();
  return result;
}

// The commands: everything that reads or writes the data folder, and everything that draws.
std::vector<std::vector<std::string>> commands(const std::string& data, const std::string& out) {
  const std::string bin = RESPITE_BINARY;
  const std::string pack = std::string(RESPITE_SOURCE_DIR) + "/content/packs/clinician-essentials";
  return {
      {bin, "unit", "enable", "--admin-pin", "482915", "--data-dir", data},
      {bin, "profile", "add", "Sam", "--pin", "2468", "--data-dir", data},
      {bin, "log", "--data-dir", data, "--profile", "Sam", "--item", "clinician-essentials/two-minute-reset",
       "--at", "2026-03-10T12:00:00Z"},
      {bin, "progress", "--data-dir", data, "--profile", "Sam", "--json"},
      {bin, "export", "--data-dir", data, "--profile", "Sam", "-o", out + "/sam.json"},
      {bin, "import", out + "/sam.json", "--as", "Sam again", "--data-dir", data},
      {bin, "unit", "totals", "--data-dir", data},
      {bin, "unit", "status", "--data-dir", data},
      {bin, "pack", "validate", pack},
      {bin, "shot", "--route", "home", "-o", out + "/home.png"},
      {bin, "shot", "--route", "profiles", "--data-dir", data, "-o", out + "/profiles.png"},
      {bin, "shot", "--route", "progress", "--data-dir", data, "--profile", "Sam", "--now",
       "2026-03-10T18:00:00Z", "-o", out + "/progress.png"},
      {bin, "--data-dir", data, "--exit-after-frames", "5"},
  };
}

std::vector<std::string> base_env(const fs::path& log) {
  return {"LD_PRELOAD=" + std::string(RESPITE_SOCKET_GUARD), "RESPITE_SOCKET_LOG=" + log.string(),
          "SDL_VIDEODRIVER=dummy", "SDL_AUDIODRIVER=dummy",
          // An ASan build would refuse a preloaded library that comes before its runtime.
          "ASAN_OPTIONS=verify_asan_link_order=0:detect_leaks=0"};
}

}  // namespace

TEST_CASE("no network: the app, screenshots and the CLI open no socket but local ones",
          "[headless][app][privacy][network]") {
  ScratchDir dir("no-network");
  const fs::path data = dir.path() / "data";
  const fs::path log = dir.path() / "sockets.log";
  const fs::path out = dir.path() / "out.txt";
  for (const auto& command : commands(data.string(), dir.str())) {
    const Run result = run(command, base_env(log), out);
    INFO(command[1] << " " << (command.size() > 2 ? command[2] : "") << "\n" << result.output);
    CHECK(result.code == 0);
  }
  // The shim works (a process that does open an internet socket is seen)...
  {
    ScratchDir probe("no-network-probe");
    const fs::path probe_log = probe.path() / "sockets.log";
    const Run probe_run = run({"bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/9 2>/dev/null; true"},
                              base_env(probe_log), probe.path() / "out.txt");
    (void)probe_run;
    std::ifstream in(probe_log);
    std::string call;
    int family = -1, type = 0;
    bool saw_inet = false;
    while (in >> call >> family >> type) saw_inet = saw_inet || family == AF_INET;
    CHECK(saw_inet);
  }
  // ...and ours opened none.
  std::ifstream in(log);
  std::string call;
  int family = -1, type = 0;
  int local = 0;
  while (in >> call >> family >> type) {
    INFO(call << " family " << family << " type " << type);
    CHECK((family == AF_UNIX || family == AF_NETLINK));
    ++local;
  }
  WARN("local sockets seen (AF_UNIX / AF_NETLINK): " << local);
}

TEST_CASE("no network: everything works the same inside an empty network namespace",
          "[headless][app][privacy][network]") {
  ScratchDir dir("no-network-ns");
  const fs::path out = dir.path() / "out.txt";
  // Root may make a network namespace directly; others need a user namespace too.
  std::vector<std::string> unshare = {"unshare", getuid() == 0 ? "-n" : "-rn"};
  if (run({unshare[0], unshare[1], "true"}, {}, out).code != 0) {
    WARN("network namespaces are not available here (unshare " << unshare[1] << " failed); skipped");
    return;
  }
  const fs::path log = dir.path() / "sockets.log";
  const fs::path data = dir.path() / "data";
  for (const auto& command : commands(data.string(), dir.str())) {
    std::vector<std::string> wrapped = unshare;
    wrapped.insert(wrapped.end(), command.begin(), command.end());
    const Run result = run(wrapped, base_env(log), out);
    INFO(command[1] << " " << (command.size() > 2 ? command[2] : "") << "\n" << result.output);
    CHECK(result.code == 0);
  }
  CHECK(fs::exists(dir.path() / "progress.png"));
}
