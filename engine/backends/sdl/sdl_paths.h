// Where the app finds its files at run time: the program's folder, the bundled assets next to it
// (bin/../assets, as laid out by the build and by installs) and the per-user data folder.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace respite::sdl {

// The folder holding the running program, with a trailing '/'; empty when the platform cannot say.
std::string executable_dir();

// Places an assets folder may be, in the order they are tried: $RESPITE_ASSETS_DIR when set,
// <program>/../assets (build trees and installs), <program>/assets (flat bundles).
std::vector<std::string> asset_dir_candidates();

// The first <candidate>/<subdir>/ holding <marker_file>. On failure `error` lists every place
// that was tried, so a broken install says exactly what is missing.
std::optional<std::string> find_asset_subdir(const std::string& subdir, const std::string& marker_file,
                                             std::string& error);

// The per-user folder for Respite's data (SDL_GetPrefPath), with a trailing '/'; empty on failure.
std::string user_data_dir();

}  // namespace respite::sdl
