// Export and import of one profile (DESIGN §5: self-service, local, portable). The file is JSON
// written by cereal with a class version on every type (docs/progress.md shows an example).
// Import is all-or-nothing and idempotent: the whole file is checked first (shape, every field,
// every event's practice day against its instant, offset and day start), conflicting event ids
// abort it, and events already present are skipped, so importing the same file twice changes
// nothing the second time. The PIN hash is never exported.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/progress/profiles.h"
#include "core/progress/progress_store.h"

namespace respite::core {

// The bundle's own version: 2 added the private journal (reflections, check-ins). Files of
// version 1 (no journal) are still read. Every other type is at version 1.
constexpr int kExportBundleVersion = 2;
constexpr std::size_t kMaxExportBytes = 64 * 1024 * 1024;

struct ExportData {
  std::string profile_id;
  std::string alias;
  UtcInstant created;
  ProfileSettings settings;
  std::vector<CompletionRecord> completions;  // in recording order
  std::vector<ReflectionEntry> reflections;   // the private journal, in recording order
  std::vector<CheckinEntry> checkins;
  UtcInstant exported_at;
};

ExportData collect_export(ProgressStore& store, UtcInstant now);
std::string export_to_json(const ExportData& data);

struct ExportReadResult {
  std::optional<ExportData> data;
  std::vector<std::string> errors;  // each names the JSON path and what is wrong
};
// `display_name` (the file name) prefixes every error.
ExportReadResult export_from_json(const std::string& json, const std::string& display_name);

struct ImportOutcome {
  std::string error;  // empty on success; on error nothing was changed
  ProfileInfo profile;
  bool created = false;
  int added = 0;
  int already_present = 0;
  int journal_added = 0;  // reflections and check-ins
  std::vector<sql::Notice> notices;
};
// Into the profile with the bundle's alias (or `as_alias`). A different profile that already uses
// the alias is never merged into silently: that needs `as_alias` naming it explicitly.
ImportOutcome import_export(ProfileRegistry& registry, const ExportData& data,
                            const std::optional<std::string>& as_alias);

}  // namespace respite::core
