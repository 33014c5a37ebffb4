// See pack_build.h.
#include "core/pack_build.h"

#include <filesystem>
#include <map>

#include "core/archive_writer.h"
#include "core/pack_summary.h"

namespace respite::core {

PackBuildResult build_pack(const std::string& folder, const PackLimits& limits) {
  namespace fs = std::filesystem;
  PackBuildResult result;
  std::error_code ec;
  if (!fs::is_directory(folder, ec)) {
    result.error = "'" + folder + "' is not a pack folder (build takes the folder that holds pack.json)";
    return result;
  }
  result.loaded = load_pack(folder, limits);
  if (!result.loaded.pack) {
    result.error = "the pack has errors; fix them and build again";
    return result;
  }
  const Pack& pack = *result.loaded.pack;
  const FolderFiles files(folder, folder);
  std::map<std::string, std::string> entries;
  for (const std::string& relative : pack.files) {
    if (const Asset* asset = pack.asset(relative); asset && asset->data) {
      entries.emplace(relative, *asset->data);  // exactly the bytes that were checked
      continue;
    }
    FileRead read = files.read(relative, limits.max_manifest_bytes);
    if (read.status != FileRead::Status::Ok) {
      result.error = "'" + relative + "' could not be read again while building; was it changed meanwhile?";
      return result;
    }
    entries.emplace(relative, std::move(read.bytes));
  }
  std::string error;
  std::optional<std::string> archive = write_archive(entries, error);
  if (!archive) {
    result.error = error;
    return result;
  }
  // Read it back: the archive must load, and describe the same pack as its folder.
  const PackLoadResult check = load_pack_archive(*archive, "the built archive", folder, limits);
  if (!check.pack || describe_pack(*check.pack) != describe_pack(pack)) {
    result.error = "the built archive does not load back as the same pack (a file changed during the build?)";
    return result;
  }
  result.archive = std::move(archive);
  return result;
}

}  // namespace respite::core
