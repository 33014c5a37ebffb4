// The packs installed on a device: a folder of .respack files (and pack folders), each validated on
// its own so that a broken pack shows its diagnostics without affecting the others. Installing
// copies a validated archive in (atomically, never extracting it), updating replaces an installed
// pack only with a higher version, removing deletes it. `respite --pack DIR --watch` uses
// PackWatcher to reload a pack being edited. The app's library screen is built on these.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/pack_loader.h"
#include "core/signing.h"

namespace respite::core {

struct LibraryEntry {
  std::string path;          // the .respack file or pack folder
  PackLoadResult result;     // its validation; result.pack is set when it loaded without errors
  SignatureCheck signature;  // archives only: PATH.sig checked against the trusted keys
};

// Every pack in `dir` (files ending in .respack, and sub-folders holding a pack.json), in name order.
std::vector<LibraryEntry> list_library(const std::string& dir,
                                       const std::vector<std::string>& trusted_keys = {},
                                       const PackLimits& limits = {});

enum class InstallAction { Installed, Updated, Refused };

struct InstallResult {
  InstallAction action = InstallAction::Refused;
  PackLoadResult loaded;  // the archive's validation
  SignatureCheck signature;
  std::string installed_path;  // where it now is
  std::string message;         // one sentence for people
};

struct InstallPolicy {
  std::vector<std::string> trusted_keys;   // raw 32-byte public keys
  bool require_trusted_signature = false;  // unit mode: only packs signed by a trusted key
};

// Validates the .respack at `archive` and installs it into `dir` as PACK_ID.respack (with its .sig).
// Refused: an archive with errors; an untrusted or invalid signature when the policy requires a
// trusted one; a pack whose version is not higher than the installed one's.
InstallResult install_pack(const std::string& dir, const std::string& archive,
                           const InstallPolicy& policy = {}, const PackLimits& limits = {});

// Removes the installed pack `pack_id` (its .respack and .sig, or its folder) from `dir`.
bool remove_pack(const std::string& dir, const std::string& pack_id, std::string& error);

// Watches the files of a pack (a folder: every file below it; an archive: the file) for changes in
// size or modification time, polling at most once per `interval` of `clock`. A change is reported
// once; saving a file in an editor is seen within one interval.
class PackWatcher {
 public:
  PackWatcher(std::string path, const Clock& clock, MonoTime interval = std::chrono::milliseconds(400));
  // True when the pack changed since the last call that returned true (or since construction).
  bool poll();

 private:
  using Stamp = std::vector<std::pair<std::string, std::pair<std::uintmax_t, std::int64_t>>>;
  Stamp stamp() const;

  std::string path_;
  const Clock& clock_;
  MonoTime interval_;
  std::optional<MonoTime> last_poll_;
  Stamp last_;
};

}  // namespace respite::core
