// The app's read-only files on a phone or tablet: fonts, translations, cue sounds, the bundled packs
// and the support lines, staged by stage-bundle.cmake into one folder, "respite/", with an index.
// iOS keeps the folder inside the app bundle, where the program reads it in place. Android keeps it
// inside the APK, which is not a folder the engine's std::filesystem code can read, so the first
// start of each new version copies it into the app's private storage (extract_bundle).
#pragma once

#include <string>
#include <vector>

namespace respite::mobile {

// The bundle's index (respite/index.txt): a first line "respite-bundle 1 STAMP", where STAMP changes
// whenever any file does, then one relative path per line ("assets/fonts/NotoSans-Regular.ttf").
struct BundleIndex {
  std::string stamp;
  std::vector<std::string> files;
};

// Parses index.txt. False with `error` on a bad header, an empty list or an unsafe path (absolute,
// "..", backslashes, empty parts): the index must never write outside the destination.
bool parse_bundle_index(const std::string& text, BundleIndex& index, std::string& error);

// Copies the bundle whose index is `source_prefix` + "index.txt" (read with SDL_RWFromFile: on
// Android a relative name is a file in the APK's assets/, elsewhere a plain path) into `dest_dir`.
// Does nothing when `dest_dir` already holds the same index. The copy is made in a sibling folder
// and renamed into place at the end, so an interrupted copy is never mistaken for a complete one.
bool extract_bundle(const std::string& source_prefix, const std::string& dest_dir, std::string& error);

// Points the engine at a bundle folder (RESPITE_ASSETS_DIR, RESPITE_PACKS_DIR,
// RESPITE_SUPPORT_FILE), as the desktop finds bin/../assets and the web /assets.
void use_bundle(const std::string& bundle_dir);

}  // namespace respite::mobile
