// See content_paths.h.
#include "core/content_paths.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <system_error>

#ifndef RESPITE_DEFAULT_PACKS_DIR
#error "RESPITE_DEFAULT_PACKS_DIR must be defined by the build (engine/core/CMakeLists.txt)"
#endif

namespace respite::core {

std::string default_packs_dir() {
  if (const char* dir = std::getenv("RESPITE_PACKS_DIR"); dir != nullptr && *dir != '\0') return dir;
  return RESPITE_DEFAULT_PACKS_DIR;
}

std::vector<std::string> discover_packs(const std::string& dir) {
  namespace fs = std::filesystem;
  std::vector<std::string> packs;
  std::error_code ec;
  // The non-throwing forms throughout: a folder that vanishes or cannot be read is just empty.
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    std::error_code entry_ec;
    if (!it->is_directory(entry_ec)) continue;
    if (fs::is_regular_file(it->path() / "pack.json", entry_ec)) packs.push_back(it->path().string());
  }
  std::sort(packs.begin(), packs.end());
  return packs;
}

}  // namespace respite::core
