// Reads packs written by people: a folder with a pack.json manifest (plus the item files and the
// images and sounds it names), or the same files packed in a .respack archive. Parsing uses
// RapidJSON so every problem can be reported with file, line and column; all problems are
// collected in one run. The same code runs in the CLI, the app and the tests. The format is
// documented for authors in docs/pack-format.md.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/archive_reader.h"
#include "core/asset_probe.h"
#include "core/content.h"
#include "core/diagnostics.h"
#include "core/pack_files.h"

namespace respite::core {

// Hard limits that keep hostile input from exhausting memory or time (docs/pack-format.md).
struct PackLimits {
  std::size_t max_manifest_bytes = 4 * 1024 * 1024;  // pack.json, and each item file
  int max_nesting_depth = 32;
  std::size_t max_json_values = 250'000;  // values of any kind in one file
  std::size_t max_diagnostics = 500;      // reported per pack; the rest are counted in one line
  std::size_t max_items = 500;            // in the whole pack
  std::size_t max_item_files = 64;
  std::size_t max_pack_bytes = 64 * 1024 * 1024;  // every file of the pack together
  std::size_t max_text_bytes = 20'000;            // one text in one language (a page's body)
  std::size_t max_phases = 16;
  int max_cycles = 500;
  int max_rounds = 20;
  Millis min_phase{100};            // one breath phase: at least a tenth of a second
  Millis max_phase{60'000};         // one breath phase: at most a minute
  Millis max_hold{30'000};          // a breath hold: at most 30 s
  Millis max_session{60 * 60'000};  // a session: at most an hour
  std::size_t max_steps = 30;       // micro-break steps
  Millis min_step{1000};
  Millis min_micro_break{30'000};  // a micro-break lasts 30 s to 3 min in all
  Millis max_micro_break{180'000};
  std::size_t max_pages = 50;
  std::size_t max_prompts = 20;    // per page
  std::size_t max_questions = 30;  // per check-in
  std::size_t max_options = 10;    // per choice question
  std::size_t max_bands = 20;
  int max_score = 100;  // a scale end or an option's score: 0 to this
  std::size_t max_days = 366;
  std::size_t max_day_items = 20;
  AssetLimits assets;
  ArchiveLimits archive;
};

// The pack format versions this build reads (format_version in pack.json).
constexpr int kPackFormatVersion = 2;  // the newest
constexpr int kOldestPackFormatVersion = 1;

struct PackLoadResult {
  std::optional<Pack> pack;  // set only when there are no errors
  Diagnostics diagnostics;
  std::string manifest;  // the manifest's name as used in diagnostics
  // The pack id as written (even when the pack has errors, if it could be read), and where.
  std::string pack_id;
  int id_line = 0;
  int id_column = 0;
  // The pack's version and format as written, when they could be read (for `pack info` and
  // installs, even of a broken pack).
  std::string version;
  int format_version = 0;
  bool archive = false;     // loaded from a .respack
  std::uint64_t bytes = 0;  // the size of what was read: the archive, or every file of a folder
};

// Parses a manifest given as text. It can name no other file (item files and assets are reported
// missing). `display_path` is the name used in diagnostics (the file the person edits).
PackLoadResult parse_pack_manifest(std::string_view json, const std::string& display_path,
                                   const std::string& source, const PackLimits& limits = {});

// `path` is a pack folder (containing pack.json), a manifest file, or a .respack archive. Every file
// is read with a size cap (at most the cap + 1 bytes are ever read).
PackLoadResult load_pack(const std::string& path, const PackLimits& limits = {});
// As load_pack, but diagnostics name the manifest `display_path` (and the other files relative to
// its folder), so that expected diagnostics do not depend on where a checkout lives. For an
// archive, `display_path` names the archive.
PackLoadResult load_pack_named(const std::string& path, const std::string& display_path,
                               const PackLimits& limits = {});
// The general form: the manifest `manifest` of a pack whose files come from `files`.
PackLoadResult load_pack_files(const PackFiles& files, const std::string& manifest, const std::string& source,
                               const PackLimits& limits = {});
// A .respack held in memory (e.g. a file being installed); `display` names it in diagnostics.
PackLoadResult load_pack_archive(std::string_view bytes, const std::string& display,
                                 const std::string& source, const PackLimits& limits = {});

// True when `path` names a .respack archive (by its extension; its content is checked on reading).
bool is_archive_path(const std::string& path);

struct CatalogLoadResult {
  Catalog catalog;          // the packs that loaded without errors
  Diagnostics diagnostics;  // every pack's diagnostics
};

// Loads packs in order; a broken pack is reported and left out, the others still load. A pack
// whose id is already in the catalog is reported and left out. References between packs are
// checked last: a reference to a pack that is not installed is a warning; a program that includes
// itself through another pack is an error, and the pack that closes the loop is left out.
CatalogLoadResult load_catalog(const std::vector<std::string>& paths, const PackLimits& limits = {});
// The same checks for packs already loaded (e.g. by the app's library).
void check_catalog_references(Catalog& catalog, Diagnostics& diagnostics);

}  // namespace respite::core
