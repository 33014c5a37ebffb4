// Which packs the app and `respite shot` load: the --pack paths when given (like the CLI, they
// replace the bundled packs), else every pack in the bundled packs folder.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "core/pack_loader.h"

namespace respite::app {

std::vector<std::string> pack_paths(const std::vector<std::string>& explicit_packs);

// Loads the catalog and writes every diagnostic to `err` (broken packs are left out, the others
// still load; the app shows what did load).
core::CatalogLoadResult load_catalog_reporting(const std::vector<std::string>& explicit_packs,
                                               std::ostream& err);
// As above; without --pack paths it adds the packs a unit admin installed in DATA_DIR/packs whose
// signature still verifies with a key the unit trusts (core/unit_packs.h). Others are reported.
core::CatalogLoadResult load_catalog_reporting(const std::vector<std::string>& explicit_packs,
                                               const std::string& data_dir, std::ostream& err);

}  // namespace respite::app
