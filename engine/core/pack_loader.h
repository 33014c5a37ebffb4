// Reads packs written by people: a folder with a pack.json manifest (and, later, .respack
// archives). Parsing uses RapidJSON so every problem can be reported with line and column; all
// problems are collected in one run. The same code runs in the CLI, the app and the tests.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/content.h"
#include "core/diagnostics.h"

namespace respite::core {

// Hard limits that keep hostile input from exhausting memory or time (docs/pack-format.md).
struct PackLimits {
  std::size_t max_manifest_bytes = 4 * 1024 * 1024;
  int max_nesting_depth = 32;
  std::size_t max_items = 500;
  std::size_t max_phases = 16;
  int max_cycles = 500;
  Millis max_phase{60'000};          // one breath phase: at most a minute
  Millis max_hold{30'000};           // a breath hold: at most 30 s
  Millis max_session{60 * 60'000};   // a session: at most an hour
};

struct PackLoadResult {
  std::optional<Pack> pack;  // set only when there are no errors
  Diagnostics diagnostics;
};

// `display_path` is the name used in diagnostics (the file the person edits).
PackLoadResult parse_pack_manifest(std::string_view json, const std::string& display_path,
                                   const std::string& source, const PackLimits& limits = {});

// `path` is a pack folder (containing pack.json) or a pack.json file.
PackLoadResult load_pack(const std::string& path, const PackLimits& limits = {});

struct CatalogLoadResult {
  Catalog catalog;          // the packs that loaded without errors
  Diagnostics diagnostics;  // every pack's diagnostics
};

// Loads packs in order; a broken pack is reported and left out, the others still load. A pack
// whose id is already in the catalog is reported and left out.
CatalogLoadResult load_catalog(const std::vector<std::string>& paths, const PackLimits& limits = {});

}  // namespace respite::core
