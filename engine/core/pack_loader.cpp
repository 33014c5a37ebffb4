// TEMPORARY: replaced by the real loader.
#include "core/pack_loader.h"
namespace respite::core {
PackLoadResult parse_pack_manifest(std::string_view, const std::string&, const std::string&, const PackLimits&) {
  return {};
}
PackLoadResult load_pack(const std::string&, const PackLimits&) { return {}; }
CatalogLoadResult load_catalog(const std::vector<std::string>&, const PackLimits&) { return {}; }
}  // namespace respite::core
