// `respite pack build`: validates a pack folder and packs exactly the files the pack is made of
// (the manifest, its item files and the assets its items use; nothing else in the folder) into a
// deterministic .respack (core/archive_writer.h). The archive is then read back with the same
// loader, so a build that succeeds is a pack that loads, with the same catalog as its folder.
#pragma once

#include <optional>
#include <string>

#include "core/pack_loader.h"

namespace respite::core {

struct PackBuildResult {
  std::optional<std::string> archive;  // the .respack bytes; nullopt when the pack has errors
  PackLoadResult loaded;               // the folder's validation
  std::string error;                   // why there is no archive, when it is not in the diagnostics
};

PackBuildResult build_pack(const std::string& folder, const PackLimits& limits = {});

}  // namespace respite::core
