#include "app/catalog_source.h"

#include <ostream>

#include "core/content_paths.h"

namespace respite::app {

std::vector<std::string> pack_paths(const std::vector<std::string>& explicit_packs) {
  if (!explicit_packs.empty()) return explicit_packs;
  return core::discover_packs(core::default_packs_dir());
}

core::CatalogLoadResult load_catalog_reporting(const std::vector<std::string>& explicit_packs,
                                               std::ostream& err) {
  core::CatalogLoadResult result = core::load_catalog(pack_paths(explicit_packs));
  for (const core::Diagnostic& diagnostic : result.diagnostics.items()) err << diagnostic.format() << '\n';
  return result;
}

}  // namespace respite::app
