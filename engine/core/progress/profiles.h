// The profiles on one device (DESIGN §5). Layout under the data folder the caller gives (the app
// passes SDL's pref path, the CLI --data-dir):
//
//   profiles.db                      index: profile id, alias, has-PIN hint (rebuildable)
//   profiles/<profile-id>/progress.db         the profile's identity, PIN hash, settings, events
//   profiles/<profile-id>/progress.db.backup-NNNNNN   verified backups (newest two)
//
// One folder per profile keeps people apart and makes "delete my data" one folder removal. The
// profile's own file is the source of truth; the index is a cache that is reconciled with the
// folders at every open (a folder missing from it is adopted, an entry without a folder dropped).
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/progress/durable_db.h"
#include "core/progress/progress_store.h"

namespace respite::core {

struct ProfileInfo {
  std::string profile_id;
  std::string alias;
  bool has_pin = false;
  UtcInstant created;
};

// Empty when `alias` can name a profile: 1 to 64 bytes of UTF-8, no control characters, no leading
// or trailing space, not starting with '-'.
std::string validate_alias(const std::string& alias);
// Case-insensitive (ASCII) key under which aliases must be unique.
std::string alias_key(const std::string& alias);

class ProfileRegistry {
 public:
  struct OpenResult {
    std::unique_ptr<ProfileRegistry> registry;
    std::vector<sql::Notice> notices;
    std::string error;
  };
  // With create_if_missing false, a missing data folder is an empty registry and nothing is
  // created on disk (read-only commands must not litter).
  static OpenResult open(const std::filesystem::path& data_dir, const Clock& clock, bool create_if_missing);
  ~ProfileRegistry();

  static const sql::Schema& schema();

  std::vector<ProfileInfo> list();  // by alias
  std::optional<ProfileInfo> find(const std::string& alias);
  std::optional<ProfileInfo> find_by_id(const std::string& profile_id);

  struct AddResult {
    std::optional<ProfileInfo> profile;
    std::vector<sql::Notice> notices;
    std::string error;
  };
  // `profile_id` empty: a new random id (import passes the id from the bundle).
  AddResult add(const std::string& alias, const std::optional<std::string>& pin,
                const ProfileSettings& settings = {}, const std::string& profile_id = {});
  // Deletes the profile's folder (all its data and backups) and its index entry.
  std::string remove(const std::string& alias);

  ProgressStore::OpenResult open_store(const ProfileInfo& profile);
  // nullopt clears the PIN. Empty on success.
  std::string set_pin(const ProfileInfo& profile, const std::optional<std::string>& pin);
  // False for a wrong PIN; true when the profile has no PIN.
  bool check_pin(const ProfileInfo& profile, const std::string& pin);

  const std::filesystem::path& data_dir() const { return data_dir_; }
  std::filesystem::path profile_dir(const std::string& profile_id) const;
  // The same layout without a registry (the app's writer thread opens the store by path).
  static std::filesystem::path profile_dir_in(const std::filesystem::path& data_dir,
                                              const std::string& profile_id) {
    return data_dir / "profiles" / profile_id;
  }

 private:
  ProfileRegistry() = default;
  void reconcile(std::vector<sql::Notice>& notices);
  std::string insert_index_row(const ProfileInfo& info);

  std::filesystem::path data_dir_;
  const Clock* clock_ = nullptr;
  std::unique_ptr<sql::DurableDb> index_;  // null when the data folder does not exist
};

}  // namespace respite::core
