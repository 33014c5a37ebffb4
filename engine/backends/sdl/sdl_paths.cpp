#include "backends/sdl/sdl_paths.h"

#include <SDL.h>

#include <cstdlib>
#include <fstream>

namespace respite::sdl {
namespace {

std::string with_slash(std::string dir) {
  if (!dir.empty() && dir.back() != '/') dir += '/';
  return dir;
}

bool file_exists(const std::string& path) {
  return static_cast<bool>(std::ifstream(path, std::ios::binary));
}

}  // namespace

std::string executable_dir() {
  char* base = SDL_GetBasePath();
  if (base == nullptr) return {};
  std::string dir = with_slash(base);
  SDL_free(base);
  return dir;
}

std::vector<std::string> asset_dir_candidates() {
  std::vector<std::string> dirs;
  if (const char* env = std::getenv("RESPITE_ASSETS_DIR"); env != nullptr && *env != '\0') {
    dirs.push_back(with_slash(env));
  }
  const std::string exe = executable_dir();
  if (!exe.empty()) {
    dirs.push_back(exe + "../assets/");
    dirs.push_back(exe + "assets/");
  }
  return dirs;
}

std::optional<std::string> find_asset_subdir(const std::string& subdir, const std::string& marker_file,
                                             std::string& error) {
  const std::vector<std::string> candidates = asset_dir_candidates();
  std::string tried;
  for (const std::string& base : candidates) {
    const std::string dir = base + with_slash(subdir);
    if (file_exists(dir + marker_file)) return dir;
    tried += (tried.empty() ? "" : ", ") + dir + marker_file;
  }
  error = "cannot find " + with_slash(subdir) + marker_file +
          " (tried: " + (tried.empty() ? "nothing" : tried) +
          "); set RESPITE_ASSETS_DIR to the folder that holds " + subdir + "/";
  return std::nullopt;
}

std::string user_data_dir() {
  char* path = SDL_GetPrefPath("Respite", "respite");
  if (path == nullptr) return {};
  std::string dir = with_slash(path);
  SDL_free(path);
  return dir;
}

}  // namespace respite::sdl
