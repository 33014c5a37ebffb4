#include "app/catalog_source.h"

#include <ostream>

#include <algorithm>
#include <filesystem>

#include "core/content_paths.h"
#include "core/unit_packs.h"

namespace respite::app {

std::vector<std::string> pack_paths(const std::vector<std::string>& explicit_packs) {
  if (!explicit_packs.empty()) return explicit_packs;
  return core::discover_packs(core::default_packs_dir());
}

std::vector<std::string> installed_pack_paths(const std::string& data_dir) {
  namespace fs = std::filesystem;
  std::vector<std::string> paths;
  std::error_code ec;
  for (fs::directory_iterator it(core::unit_packs_dir(data_dir), ec), end; !ec && it != end;
       it.increment(ec)) {
    std::error_code entry_ec;
    if (it->is_directory(entry_ec) ? fs::is_regular_file(it->path() / "pack.json", entry_ec)
                                   : core::is_archive_path(it->path().string()))
      paths.push_back(it->path().string());
  }
  std::sort(paths.begin(), paths.end());
  return paths;
}

core::CatalogLoadResult load_catalog_reporting(const std::vector<std::string>& explicit_packs,
                                               std::ostream& err) {
  core::CatalogLoadResult result = core::load_catalog(pack_paths(explicit_packs));
  for (const core::Diagnostic& diagnostic : result.diagnostics.items()) err << diagnostic.format() << '\n';
  return result;
}

core::CatalogLoadResult load_catalog_reporting(const std::vector<std::string>& explicit_packs,
                                               const std::string& data_dir, std::ostream& err) {
  std::vector<std::string> paths = pack_paths(explicit_packs);
  if (explicit_packs.empty() && !data_dir.empty()) {
    const core::UnitPackFacts unit = core::read_unit_pack_facts(data_dir);
    if (!unit.error.empty() || !unit.unit_mode) {
      // A personal device: every pack installed from the Packs screen loads, signed or not (a
      // broken one is reported and left out by load_catalog, the others still load).
      for (std::string& path : installed_pack_paths(data_dir)) paths.push_back(std::move(path));
    } else {
      std::vector<std::string> skipped;
      for (std::string& path : core::verified_unit_packs(data_dir, unit.trusted_keys, skipped))
        paths.push_back(std::move(path));
      for (const std::string& why : skipped)
        err << "respite: notice: installed pack left out: " << why << '\n';
    }
  }
  core::CatalogLoadResult result = core::load_catalog(paths);
  for (const core::Diagnostic& diagnostic : result.diagnostics.items()) err << diagnostic.format() << '\n';
  return result;
}

}  // namespace respite::app
