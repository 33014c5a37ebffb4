#include "bundle.h"

#include <SDL.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>

namespace respite::mobile {
namespace {

namespace fs = std::filesystem;

constexpr const char* kHeader = "respite-bundle 1 ";
constexpr const char* kIndexName = "index.txt";
constexpr Sint64 kMaxFileBytes = 64 * 1024 * 1024;  // far above the largest font

// Reads a whole file through SDL (APK assets on Android). False with `error` when it cannot.
bool read_all(const std::string& path, std::string& bytes, std::string& error) {
  SDL_RWops* file = SDL_RWFromFile(path.c_str(), "rb");
  if (file == nullptr) {
    error = "cannot open " + path + ": " + SDL_GetError();
    return false;
  }
  const Sint64 size = SDL_RWsize(file);
  if (size < 0 || size > kMaxFileBytes) {
    SDL_RWclose(file);
    error = "cannot tell the size of " + path;
    return false;
  }
  bytes.assign(static_cast<std::size_t>(size), '\0');
  const std::size_t read = size == 0 ? 0 : SDL_RWread(file, bytes.data(), 1, bytes.size());
  SDL_RWclose(file);
  if (read != bytes.size()) {
    error = "cannot read " + path + " (" + std::to_string(read) + " of " + std::to_string(size) + " bytes)";
    return false;
  }
  return true;
}

bool write_all(const fs::path& path, const std::string& bytes, std::string& error) {
  std::error_code ec;
  fs::create_directories(path.parent_path(), ec);
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.close();
  if (!out) {
    error = "cannot write " + path.string();
    return false;
  }
  return true;
}

bool safe_relative_path(const std::string& path) {
  if (path.empty() || path.front() == '/' || path.find('\\') != std::string::npos) return false;
  std::size_t start = 0;
  while (start <= path.size()) {
    const std::size_t slash = path.find('/', start);
    const std::string part =
        path.substr(start, slash == std::string::npos ? std::string::npos : slash - start);
    if (part.empty() || part == "." || part == "..") return false;
    if (slash == std::string::npos) break;
    start = slash + 1;
  }
  return true;
}

std::string without_slash(std::string dir) {
  while (dir.size() > 1 && dir.back() == '/') dir.pop_back();
  return dir;
}

}  // namespace

bool parse_bundle_index(const std::string& text, BundleIndex& index, std::string& error) {
  std::istringstream lines(text);
  std::string line;
  if (!std::getline(lines, line) || line.rfind(kHeader, 0) != 0 ||
      line.size() == std::string(kHeader).size()) {
    error = "the bundle index does not start with '" + std::string(kHeader) + "STAMP'";
    return false;
  }
  index = BundleIndex{};
  index.stamp = line.substr(std::string(kHeader).size());
  while (std::getline(lines, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) continue;
    if (!safe_relative_path(line) || line == kIndexName) {
      error = "the bundle index lists an unsafe path '" + line + "'";
      return false;
    }
    index.files.push_back(line);
  }
  if (index.files.empty()) {
    error = "the bundle index lists no files";
    return false;
  }
  return true;
}

bool extract_bundle(const std::string& source_prefix, const std::string& dest_dir, std::string& error) {
  std::string index_text;
  if (!read_all(source_prefix + kIndexName, index_text, error)) return false;
  BundleIndex index;
  if (!parse_bundle_index(index_text, index, error)) return false;

  const fs::path dest(without_slash(dest_dir));
  {
    // Already extracted from this very bundle: the usual start, which must stay cheap.
    std::ifstream existing(dest / kIndexName, std::ios::binary);
    std::ostringstream current;
    current << existing.rdbuf();
    if (existing && current.str() == index_text) return true;
  }

  std::error_code ec;
  const fs::path partial = dest.string() + ".partial";
  fs::remove_all(partial, ec);
  std::string bytes;
  for (const std::string& file : index.files) {
    if (!read_all(source_prefix + file, bytes, error)) return false;
    if (!write_all(partial / file, bytes, error)) return false;
  }
  // The index goes in last: its presence marks a complete copy.
  if (!write_all(partial / kIndexName, index_text, error)) return false;
  fs::remove_all(dest, ec);
  fs::rename(partial, dest, ec);
  if (ec) {
    error = "cannot move " + partial.string() + " to " + dest.string() + ": " + ec.message();
    return false;
  }
  return true;
}

void use_bundle(const std::string& bundle_dir) {
  const std::string dir = without_slash(bundle_dir);
  setenv("RESPITE_ASSETS_DIR", (dir + "/assets").c_str(), 1);
  setenv("RESPITE_PACKS_DIR", (dir + "/content/packs").c_str(), 1);
  setenv("RESPITE_SUPPORT_FILE", (dir + "/content/support/resources.json").c_str(), 1);
}

}  // namespace respite::mobile
