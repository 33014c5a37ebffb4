// Reads a .respack archive (a zip file) entirely in memory: the archive's bytes are handed to
// libzip as a buffer, each entry is read with a size cap, and nothing is ever written to disk.
// Hostile archives are refused with one diagnostic per problem: path traversal, absolute paths,
// symbolic links and other special entries, duplicate names, too many or too large entries,
// suspicious compression ratios (zip bombs), encrypted entries, unsupported compression and damaged
// data. The caps are documented in docs/pack-format.md ("Limits").
#pragma once

#include <map>
#include <string>
#include <string_view>

#include "core/diagnostics.h"

namespace respite::core {

struct ArchiveLimits {
  std::size_t max_archive_bytes = 64 * 1024 * 1024;  // the .respack file itself
  std::size_t max_entries = 1000;
  std::size_t max_entry_bytes = 16 * 1024 * 1024;  // one entry, uncompressed
  std::size_t max_total_bytes = 64 * 1024 * 1024;  // all entries, uncompressed
  // An entry larger than ratio_floor_bytes may expand at most max_ratio times its compressed size.
  std::size_t max_ratio = 100;
  std::size_t ratio_floor_bytes = 64 * 1024;
};

struct ArchiveReadResult {
  std::map<std::string, std::string> files;  // every regular entry, by name; empty on errors
  Diagnostics diagnostics;                   // named `display`, line and column 0
  bool ok() const { return !diagnostics.has_errors(); }
};

// True when libzip is part of this build (the web build reads pack folders only).
bool archives_supported();

ArchiveReadResult read_archive(std::string_view bytes, const std::string& display,
                               const ArchiveLimits& limits = {});

}  // namespace respite::core
