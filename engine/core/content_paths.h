// Where packs are found on disk: the bundled packs folder and the packs inside a folder.
#pragma once

#include <string>
#include <vector>

namespace respite::core {

// The folder of bundled packs: $RESPITE_PACKS_DIR when set and not empty, else the folder the build
// was configured with (RESPITE_DEFAULT_PACKS_DIR: the source tree's content/packs).
std::string default_packs_dir();

// The sub-folders of `dir` that hold a pack.json, sorted by name so load order is stable on every
// file system. A missing or unreadable `dir` gives an empty list.
std::vector<std::string> discover_packs(const std::string& dir);

}  // namespace respite::core
