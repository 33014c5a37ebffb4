#include "core/progress/profiles.h"

#include <sqlite3.h>

#include <algorithm>
#include <set>

#include "core/progress/ids.h"
#include "core/progress/pin.h"

namespace respite::core {

namespace fs = std::filesystem;
using sql::Connection;
using sql::Statement;
using sql::Transaction;

namespace {

// 'RSPI': Respite profile index.
constexpr std::uint32_t kIndexApplicationId = 0x52535049;
constexpr const char* kDeletedSuffix = ".deleted";

sql::Schema make_index_schema() {
  sql::Schema schema;
  schema.application_id = kIndexApplicationId;
  schema.label = "profile list";
  schema.migrations.push_back(
      {1, "profile index", [](Connection& c, std::string& error) {
         return c.exec(
             "CREATE TABLE profiles(profile_id TEXT PRIMARY KEY, alias TEXT NOT NULL, "
             "alias_key TEXT NOT NULL UNIQUE, has_pin INTEGER NOT NULL DEFAULT 0, "
             "created_utc_ms INTEGER NOT NULL) WITHOUT ROWID",
             &error);
       }});
  return schema;
}

// Well-formed UTF-8 without overlong forms or surrogates.
bool valid_utf8(const std::string& text) {
  std::size_t i = 0;
  while (i < text.size()) {
    const auto c = static_cast<unsigned char>(text[i]);
    std::size_t extra = 0;
    std::uint32_t cp = 0;
    if (c < 0x80) {
      ++i;
      continue;
    } else if (c >= 0xC2 && c <= 0xDF) {
      extra = 1;
      cp = c & 0x1FU;
    } else if (c >= 0xE0 && c <= 0xEF) {
      extra = 2;
      cp = c & 0x0FU;
    } else if (c >= 0xF0 && c <= 0xF4) {
      extra = 3;
      cp = c & 0x07U;
    } else {
      return false;
    }
    if (i + extra >= text.size()) return false;
    for (std::size_t k = 1; k <= extra; ++k) {
      const auto cc = static_cast<unsigned char>(text[i + k]);
      if ((cc & 0xC0U) != 0x80U) return false;
      cp = (cp << 6) | (cc & 0x3FU);
    }
    if ((extra == 2 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) ||
        (extra == 3 && (cp < 0x10000 || cp > 0x10FFFF)))
      return false;
    i += extra + 1;
  }
  return true;
}

ProfileInfo read_info(const Statement& row) {
  return ProfileInfo{row.text(0), row.text(1), row.int64(2) != 0, UtcInstant{row.int64(3)}};
}

}  // namespace

std::string validate_alias(const std::string& alias) {
  if (alias.empty()) return "a profile name cannot be empty";
  if (alias.size() > 64) return "a profile name is at most 64 bytes";
  if (!valid_utf8(alias)) return "a profile name must be valid UTF-8";
  if (std::any_of(alias.begin(), alias.end(), [](char c) {
        const auto b = static_cast<unsigned char>(c);
        return b < 0x20 || b == 0x7F;
      }))
    return "a profile name cannot contain control characters";
  if (alias.front() == ' ' || alias.back() == ' ') return "a profile name cannot start or end with a space";
  if (alias.front() == '-') return "a profile name cannot start with '-'";
  return {};
}

std::string alias_key(const std::string& alias) {
  std::string key = alias;
  std::transform(key.begin(), key.end(), key.begin(),
                 [](char c) { return static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c); });
  return key;
}

const sql::Schema& ProfileRegistry::schema() {
  static const sql::Schema kSchema = make_index_schema();
  return kSchema;
}

ProfileRegistry::~ProfileRegistry() = default;

fs::path ProfileRegistry::profile_dir(const std::string& profile_id) const {
  return profile_dir_in(data_dir_, profile_id);
}

ProfileRegistry::OpenResult ProfileRegistry::open(const fs::path& data_dir, const Clock& clock,
                                                  bool create_if_missing) {
  OpenResult result;
  std::unique_ptr<ProfileRegistry> registry(new ProfileRegistry());
  registry->data_dir_ = data_dir;
  registry->clock_ = &clock;
  std::error_code ec;
  if (!fs::exists(data_dir, ec)) {
    if (!create_if_missing) {
      result.registry = std::move(registry);
      return result;
    }
    fs::create_directories(data_dir, ec);
    if (ec) {
      result.error = "cannot create " + data_dir.string() + ": " + ec.message();
      return result;
    }
  } else if (!fs::is_directory(data_dir, ec)) {
    result.error = data_dir.string() + " is not a folder";
    return result;
  }
  auto opened = sql::DurableDb::open(data_dir / "profiles.db", schema(), clock);
  result.notices = std::move(opened.notices);
  if (!opened.db) {
    result.error = opened.message;
    return result;
  }
  registry->index_ = std::move(opened.db);
  registry->reconcile(result.notices);
  result.registry = std::move(registry);
  return result;
}

void ProfileRegistry::reconcile(std::vector<sql::Notice>& notices) {
  const fs::path root = data_dir_ / "profiles";
  std::set<std::string> folders, deleting;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(root, ec)) {
    const std::string name = entry.path().filename().string();
    if (!entry.is_directory(ec)) continue;
    if (name.size() > std::string(kDeletedSuffix).size() &&
        name.compare(name.size() - std::string(kDeletedSuffix).size(), std::string::npos, kDeletedSuffix) ==
            0) {
      // A removal that was interrupted: finish it.
      deleting.insert(name.substr(0, name.size() - std::string(kDeletedSuffix).size()));
      fs::remove_all(entry.path(), ec);
      continue;
    }
    if (!is_uuid(name)) continue;
    // A folder with no database and no backup is an add that never got as far as writing.
    bool has_data = false;
    for (const auto& file : fs::directory_iterator(entry.path(), ec)) {
      const std::string f = file.path().filename().string();
      if (f == "progress.db" || f.rfind("progress.db.backup-", 0) == 0 ||
          f.rfind("progress.db.corrupt-", 0) == 0)
        has_data = true;
    }
    if (!has_data) {
      fs::remove_all(entry.path(), ec);
      continue;
    }
    folders.insert(name);
  }
  Connection& c = index_->connection();
  std::vector<ProfileInfo> rows;
  {
    Statement all(c, "SELECT profile_id, alias, has_pin, created_utc_ms FROM profiles");
    while (all.ok() && all.step() == SQLITE_ROW) rows.push_back(read_info(all));
  }
  for (const ProfileInfo& row : rows) {
    if (folders.count(row.profile_id) != 0) continue;
    Transaction tx(c);
    Statement erase(c, "DELETE FROM profiles WHERE profile_id = ?1");
    erase.bind(1, row.profile_id);
    if (tx.begun() && erase.run() && index_->bump_revision() && tx.commit() &&
        deleting.count(row.profile_id) == 0) {
      notices.push_back(
          {sql::NoticeKind::Recreated,
           "The data folder of profile '" + row.alias + "' is missing; it was removed from the list.",
           {}});
    }
  }
  for (const std::string& id : folders) {
    if (std::any_of(rows.begin(), rows.end(), [&](const ProfileInfo& r) { return r.profile_id == id; }))
      continue;
    auto store = ProgressStore::open(profile_dir(id) / "progress.db", *clock_);
    notices.insert(notices.end(), store.notices.begin(), store.notices.end());
    if (!store.store) continue;
    const ProfileIdentity& identity = store.store->identity();
    ProfileInfo info{identity.profile_id, identity.alias, !identity.pin_hash.empty(), identity.created};
    if (info.profile_id != id || !validate_alias(info.alias).empty()) continue;
    const std::string original = info.alias;
    for (int n = 2; find(info.alias) && n < 100; ++n) info.alias = original + " (" + std::to_string(n) + ")";
    if (insert_index_row(info).empty()) {
      notices.push_back({sql::NoticeKind::Restored,
                         "Profile '" + info.alias + "' was missing from the profile list and was added back.",
                         {}});
    }
  }
  index_->backup_if_stale();
}

std::string ProfileRegistry::insert_index_row(const ProfileInfo& info) {
  Connection& c = index_->connection();
  Transaction tx(c);
  Statement insert(c, "INSERT INTO profiles VALUES(?1, ?2, ?3, ?4, ?5)");
  insert.bind(1, info.profile_id).bind(2, info.alias).bind(3, alias_key(info.alias));
  insert.bind(4, static_cast<std::int64_t>(info.has_pin ? 1 : 0)).bind(5, info.created.ms);
  std::string error;
  if (!tx.begun() || !insert.run() || !index_->bump_revision() || !tx.commit(&error))
    return error.empty() ? c.last_error() : error;
  return {};
}

std::vector<ProfileInfo> ProfileRegistry::list() {
  std::vector<ProfileInfo> out;
  if (!index_) return out;
  Statement all(index_->connection(),
                "SELECT profile_id, alias, has_pin, created_utc_ms FROM profiles ORDER BY alias_key");
  while (all.ok() && all.step() == SQLITE_ROW) out.push_back(read_info(all));
  return out;
}

std::optional<ProfileInfo> ProfileRegistry::find(const std::string& alias) {
  if (!index_) return std::nullopt;
  Statement row(index_->connection(),
                "SELECT profile_id, alias, has_pin, created_utc_ms FROM profiles WHERE alias_key = ?1");
  row.bind(1, alias_key(alias));
  if (!row.ok() || row.step() != SQLITE_ROW) return std::nullopt;
  return read_info(row);
}

std::optional<ProfileInfo> ProfileRegistry::find_by_id(const std::string& profile_id) {
  if (!index_) return std::nullopt;
  Statement row(index_->connection(),
                "SELECT profile_id, alias, has_pin, created_utc_ms FROM profiles WHERE profile_id = ?1");
  row.bind(1, profile_id);
  if (!row.ok() || row.step() != SQLITE_ROW) return std::nullopt;
  return read_info(row);
}

ProfileRegistry::AddResult ProfileRegistry::add(const std::string& alias,
                                                const std::optional<std::string>& pin,
                                                const ProfileSettings& settings,
                                                const std::string& profile_id) {
  AddResult result;
  if (!index_) {
    result.error = "the data folder " + data_dir_.string() + " does not exist";
    return result;
  }
  if (auto invalid = validate_alias(alias); !invalid.empty()) {
    result.error = invalid;
    return result;
  }
  if (pin) {
    if (auto invalid = validate_pin(*pin); !invalid.empty()) {
      result.error = invalid;
      return result;
    }
  }
  if (auto invalid = settings.validate(); !invalid.empty()) {
    result.error = invalid;
    return result;
  }
  if (find(alias)) {
    result.error = "a profile named '" + alias + "' already exists";
    return result;
  }
  const std::string id = profile_id.empty() ? make_uuid_v4() : profile_id;
  std::error_code ec;
  if (!is_uuid(id) || find_by_id(id) || fs::exists(profile_dir(id), ec)) {
    result.error = "profile id " + id + " is not a UUID or is already in use";
    return result;
  }
  ProfileIdentity identity{id, alias, {}, clock_->utc_now()};
  if (pin) {
    auto hashed = hash_pin(*pin);
    if (!hashed) {
      result.error = "could not hash the PIN (out of memory?)";
      return result;
    }
    identity.pin_hash = *hashed;
  }
  auto store = ProgressStore::open(profile_dir(id) / "progress.db", *clock_, identity, settings);
  result.notices = std::move(store.notices);
  if (!store.store) {
    fs::remove_all(profile_dir(id), ec);
    result.error = store.message;
    return result;
  }
  store.store.reset();
  ProfileInfo info{id, alias, pin.has_value(), identity.created};
  if (auto error = insert_index_row(info); !error.empty()) {
    fs::remove_all(profile_dir(id), ec);
    result.error = "cannot add '" + alias + "' to the profile list: " + error;
    return result;
  }
  index_->backup_if_stale();
  result.profile = info;
  return result;
}

std::string ProfileRegistry::remove(const std::string& alias) {
  const auto profile = find(alias);
  if (!profile) return "no profile named '" + alias + "'";
  const fs::path dir = profile_dir(profile->profile_id);
  const fs::path doomed = fs::path(dir.string() + kDeletedSuffix);
  std::error_code ec;
  // Renaming first makes the removal atomic: an interrupted one is finished at the next open.
  if (fs::exists(dir, ec)) {
    fs::rename(dir, doomed, ec);
    if (ec) return "cannot remove " + dir.string() + ": " + ec.message();
    sql::fsync_path(dir.parent_path(), true);
  }
  Connection& c = index_->connection();
  Transaction tx(c);
  Statement erase(c, "DELETE FROM profiles WHERE profile_id = ?1");
  erase.bind(1, profile->profile_id);
  std::string error;
  if (!tx.begun() || !erase.run() || !index_->bump_revision() || !tx.commit(&error))
    return "cannot update the profile list: " + (error.empty() ? c.last_error() : error);
  fs::remove_all(doomed, ec);
  // "Delete my data" means gone: no older copy of the index may still name the profile.
  if (!index_->purge_history(true)) index_->backup_if_stale();
  return {};
}

ProgressStore::OpenResult ProfileRegistry::open_store(const ProfileInfo& profile) {
  // The identity is passed so that a file restored empty (damage without a usable backup) gets its
  // profile back from the index instead of becoming an orphan.
  ProfileIdentity identity{profile.profile_id, profile.alias, {}, profile.created};
  return ProgressStore::open(profile_dir(profile.profile_id) / "progress.db", *clock_, identity);
}

std::string ProfileRegistry::set_pin(const ProfileInfo& profile, const std::optional<std::string>& pin) {
  std::string hashed;
  if (pin) {
    if (auto invalid = validate_pin(*pin); !invalid.empty()) return invalid;
    auto h = hash_pin(*pin);
    if (!h) return "could not hash the PIN (out of memory?)";
    hashed = *h;
  }
  auto store = open_store(profile);
  if (!store.store) return store.message;
  if (auto error = store.store->set_pin_hash(hashed); !error.empty()) return error;
  store.store->backup_if_stale();
  Connection& c = index_->connection();
  Transaction tx(c);
  Statement update(c, "UPDATE profiles SET has_pin = ?1 WHERE profile_id = ?2");
  update.bind(1, static_cast<std::int64_t>(pin ? 1 : 0)).bind(2, profile.profile_id);
  std::string error;
  if (!tx.begun() || !update.run() || !index_->bump_revision() || !tx.commit(&error))
    return "cannot update the profile list: " + (error.empty() ? c.last_error() : error);
  return {};
}

bool ProfileRegistry::check_pin(const ProfileInfo& profile, const std::string& pin) {
  auto store = open_store(profile);
  if (!store.store) return false;
  const std::string& hash = store.store->identity().pin_hash;
  return hash.empty() || verify_pin(hash, pin);
}

}  // namespace respite::core
