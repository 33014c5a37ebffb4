// Which packs the app and `respite shot` load: the --pack paths when given (like the CLI, they
// replace the bundled packs), else every pack in the bundled packs folder.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "core/pack_loader.h"

namespace respite::app {

std::vector<std::string> pack_paths(const std::vector<std::string>& explicit_packs);

// The packs in DATA_DIR/packs (.respack archives and pack folders), in name order.
std::vector<std::string> installed_pack_paths(const std::string& data_dir);

// Loads the catalog and writes every diagnostic to `err` (broken packs are left out, the others
// still load; the app shows what did load).
core::CatalogLoadResult load_catalog_reporting(const std::vector<std::string>& explicit_packs,
                                               std::ostream& err);
// As above; without --pack paths it adds the packs installed in DATA_DIR/packs (the Packs screen,
// app/pack_flow.h): on a personal device every one of them, on a unit tablet only those whose
// signature still verifies with a key the unit trusts (core/unit_packs.h). Others are reported.
core::CatalogLoadResult load_catalog_reporting(const std::vector<std::string>& explicit_packs,
                                               const std::string& data_dir, std::ostream& err);

}  // namespace respite::app
