#include "core/progress/unit_store.h"

#include <sqlite3.h>

#include <algorithm>
#include <array>

#include "core/progress/pin.h"
#include "core/signing.h"

namespace respite::core {

namespace fs = std::filesystem;
using sql::Connection;
using sql::Statement;
using sql::Transaction;

namespace {

// 'RSPU': Respite unit (device) settings.
constexpr std::uint32_t kUnitApplicationId = 0x52535055;

constexpr const char* kSchemaV1 = R"sql(
CREATE TABLE unit(
  singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
  enabled INTEGER NOT NULL CHECK (enabled IN (0, 1)),
  admin_pin_hash TEXT NOT NULL,
  idle_timeout_s INTEGER NOT NULL CHECK (idle_timeout_s BETWEEN 30 AND 1800));
INSERT INTO unit VALUES(1, 0, '', 120);
CREATE TABLE pin_attempts(
  subject TEXT PRIMARY KEY,
  failures INTEGER NOT NULL,
  last_failure_utc_ms INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE trusted_keys(
  key_id TEXT PRIMARY KEY,
  public_key_hex TEXT NOT NULL,
  label TEXT NOT NULL,
  added_utc_ms INTEGER NOT NULL) WITHOUT ROWID;
)sql";

sql::Schema make_schema() {
  sql::Schema schema;
  schema.application_id = kUnitApplicationId;
  schema.label = "unit settings";
  schema.migrations.push_back({1, "unit mode, PIN attempts, trusted keys",
                               [](Connection& c, std::string& error) { return c.exec(kSchemaV1, &error); }});
  return schema;
}

std::string to_hex(const std::string& bytes) {
  static const char* kDigits = "0123456789abcdef";
  std::string out;
  for (const char c : bytes) {
    const auto b = static_cast<unsigned char>(c);
    out += kDigits[b >> 4];
    out += kDigits[b & 15];
  }
  return out;
}

std::optional<std::string> from_hex(const std::string& hex) {
  if (hex.size() % 2 != 0) return std::nullopt;
  auto digit = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
  };
  std::string out;
  for (std::size_t i = 0; i < hex.size(); i += 2) {
    const int hi = digit(hex[i]);
    const int lo = digit(hex[i + 1]);
    if (hi < 0 || lo < 0) return std::nullopt;
    out += static_cast<char>(hi * 16 + lo);
  }
  return out;
}

bool all_digits(const std::string& text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

std::string validate_admin_pin(const std::string& pin) {
  if (pin.size() < 6 || pin.size() > 8 || !all_digits(pin)) return "the admin PIN must be 6 to 8 digits";
  return {};
}

std::chrono::seconds pin_delay_after_failures(int failures) {
  static constexpr std::array<int, 11> kDelays = {0, 0, 0, 0, 5, 15, 30, 60, 120, 300, 600};
  if (failures <= 0) return std::chrono::seconds(0);
  if (failures < static_cast<int>(kDelays.size())) return std::chrono::seconds(kDelays[failures]);
  return std::chrono::seconds(900);
}

const char* to_string(PinVerdict verdict) {
  switch (verdict) {
    case PinVerdict::Accepted:
      return "accepted";
    case PinVerdict::Wrong:
      return "wrong";
    case PinVerdict::Locked:
      return "locked";
  }
  return "unknown";
}

const sql::Schema& UnitStore::schema() {
  static const sql::Schema kSchema = make_schema();
  return kSchema;
}

fs::path UnitStore::path_in(const fs::path& data_dir) {
  return data_dir / "unit.db";
}

UnitStore::~UnitStore() = default;

UnitStore::OpenResult UnitStore::open(const fs::path& data_dir, const Clock& clock, bool create_if_missing) {
  OpenResult result;
  std::unique_ptr<UnitStore> store(new UnitStore());
  store->data_dir_ = data_dir;
  store->clock_ = &clock;
  std::error_code ec;
  const fs::path path = path_in(data_dir);
  // A missing file with a backup beside it is restored by DurableDb; with neither, nothing is
  // written until something must be (read-only callers must not litter).
  bool any = fs::exists(path, ec);
  for (const auto& entry : fs::directory_iterator(data_dir, ec)) {
    if (entry.path().filename().string().rfind("unit.db.backup-", 0) == 0) any = true;
  }
  if (!any && !create_if_missing) {
    result.store = std::move(store);
    return result;
  }
  if (create_if_missing) {
    fs::create_directories(data_dir, ec);
    if (ec) {
      result.error = "cannot create " + data_dir.string() + ": " + ec.message();
      return result;
    }
  }
  auto opened = sql::DurableDb::open(path, schema(), clock);
  result.notices = std::move(opened.notices);
  if (!opened.db) {
    result.error = opened.message;
    return result;
  }
  store->db_ = std::move(opened.db);
  if (!store->load()) {
    result.error = "cannot read the unit settings in " + path.string();
    return result;
  }
  result.store = std::move(store);
  return result;
}

bool UnitStore::load() {
  Statement row(db_->connection(),
                "SELECT enabled, admin_pin_hash, idle_timeout_s FROM unit WHERE singleton = 1");
  if (!row.ok() || row.step() != SQLITE_ROW) return false;
  settings_.enabled = row.int64(0) != 0;
  admin_pin_hash_ = row.text(1);
  settings_.has_admin_pin = !admin_pin_hash_.empty();
  settings_.idle_timeout_seconds = static_cast<int>(row.int64(2));
  return true;
}

std::string UnitStore::ensure_file() {
  if (db_) return {};
  std::error_code ec;
  fs::create_directories(data_dir_, ec);
  if (ec) return "cannot create " + data_dir_.string() + ": " + ec.message();
  auto opened = sql::DurableDb::open(path_in(data_dir_), schema(), *clock_);
  if (!opened.db) return opened.message;
  db_ = std::move(opened.db);
  return load() ? std::string() : "cannot read the unit settings";
}

std::string UnitStore::write_settings(const UnitSettings& settings, const std::string& admin_pin_hash) {
  if (auto error = ensure_file(); !error.empty()) return error;
  Connection& c = db_->connection();
  Transaction tx(c);
  Statement update(
      c, "UPDATE unit SET enabled = ?1, admin_pin_hash = ?2, idle_timeout_s = ?3 WHERE singleton = 1");
  update.bind(1, static_cast<std::int64_t>(settings.enabled ? 1 : 0))
      .bind(2, admin_pin_hash)
      .bind(3, static_cast<std::int64_t>(settings.idle_timeout_seconds));
  std::string error;
  if (!tx.begun() || !update.run() || !db_->bump_revision() || !tx.commit(&error))
    return "cannot write the unit settings: " + (error.empty() ? c.last_error() : error);
  settings_ = settings;
  settings_.has_admin_pin = !admin_pin_hash.empty();
  admin_pin_hash_ = admin_pin_hash;
  db_->backup_if_stale();
  return {};
}

std::string UnitStore::enable(const std::string& admin_pin) {
  if (settings_.enabled) return "unit mode is already on (change the admin PIN instead)";
  if (auto invalid = validate_admin_pin(admin_pin); !invalid.empty()) return invalid;
  const auto hash = hash_pin(admin_pin);
  if (!hash) return "could not hash the admin PIN (out of memory?)";
  UnitSettings next = settings_;
  next.enabled = true;
  return write_settings(next, *hash);
}

std::string UnitStore::disable() {
  UnitSettings next = settings_;
  next.enabled = false;
  if (auto error = write_settings(next, ""); !error.empty()) return error;
  forget_pin_subject(kAdminSubject);
  return {};
}

std::string UnitStore::set_admin_pin(const std::string& admin_pin) {
  if (auto invalid = validate_admin_pin(admin_pin); !invalid.empty()) return invalid;
  const auto hash = hash_pin(admin_pin);
  if (!hash) return "could not hash the admin PIN (out of memory?)";
  if (auto error = write_settings(settings_, *hash); !error.empty()) return error;
  forget_pin_subject(kAdminSubject);
  return {};
}

std::string UnitStore::set_idle_timeout(int seconds) {
  if (seconds < kMinIdleTimeoutSeconds || seconds > kMaxIdleTimeoutSeconds)
    return "the idle time must be between " + std::to_string(kMinIdleTimeoutSeconds) + " s and " +
           std::to_string(kMaxIdleTimeoutSeconds / 60) + " min";
  UnitSettings next = settings_;
  next.idle_timeout_seconds = seconds;
  return write_settings(next, admin_pin_hash_);
}

PinCheck UnitStore::check_admin_pin(const std::string& pin, UtcInstant now) {
  if (!settings_.enabled || admin_pin_hash_.empty()) return PinCheck{PinVerdict::Wrong, Millis(0), 0};
  return check_pin(kAdminSubject, now, [&] { return verify_pin(admin_pin_hash_, pin); });
}

PinCheck UnitStore::pin_gate(const std::string& subject, UtcInstant now) {
  PinCheck check{PinVerdict::Accepted, Millis(0), 0};
  if (!db_) return check;
  Statement row(db_->connection(),
                "SELECT failures, last_failure_utc_ms FROM pin_attempts WHERE subject = ?1");
  row.bind(1, subject);
  if (!row.ok() || row.step() != SQLITE_ROW) return check;
  check.failures = static_cast<int>(row.int64(0));
  std::int64_t last = row.int64(1);
  if (now.ms < last) {
    // The wall clock was set back: the delay counts again from now rather than from a moment that
    // is now in the future (which would lock the PIN for as long as the clock was moved).
    Statement reset(db_->connection(), "UPDATE pin_attempts SET last_failure_utc_ms = ?1 WHERE subject = ?2");
    reset.bind(1, now.ms).bind(2, subject);
    reset.run();
    last = now.ms;
  }
  const std::int64_t delay =
      std::chrono::duration_cast<Millis>(pin_delay_after_failures(check.failures)).count();
  const std::int64_t remaining = last + delay - now.ms;
  if (remaining > 0) {
    check.verdict = PinVerdict::Locked;
    check.wait = Millis(remaining);
  }
  return check;
}

PinCheck UnitStore::record_pin_failure(const std::string& subject, UtcInstant now) {
  PinCheck check{PinVerdict::Wrong, Millis(0), 1};
  if (!ensure_file().empty()) {
    check.wait = std::chrono::duration_cast<Millis>(pin_delay_after_failures(1));
    return check;
  }
  Connection& c = db_->connection();
  Transaction tx(c);
  Statement upsert(c,
                   "INSERT INTO pin_attempts VALUES(?1, 1, ?2) ON CONFLICT(subject) DO UPDATE SET "
                   "failures = failures + 1, last_failure_utc_ms = excluded.last_failure_utc_ms");
  upsert.bind(1, subject).bind(2, now.ms);
  if (tx.begun() && upsert.run() && db_->bump_revision()) tx.commit();
  Statement row(c, "SELECT failures FROM pin_attempts WHERE subject = ?1");
  row.bind(1, subject);
  if (row.ok() && row.step() == SQLITE_ROW) check.failures = static_cast<int>(row.int64(0));
  check.wait = std::chrono::duration_cast<Millis>(pin_delay_after_failures(check.failures));
  return check;
}

void UnitStore::record_pin_success(const std::string& subject) {
  forget_pin_subject(subject);
}

void UnitStore::forget_pin_subject(const std::string& subject) {
  if (!db_) return;
  Connection& c = db_->connection();
  Transaction tx(c);
  Statement erase(c, "DELETE FROM pin_attempts WHERE subject = ?1");
  erase.bind(1, subject);
  if (tx.begun() && erase.run() && sqlite3_changes(c.handle()) > 0 && db_->bump_revision()) tx.commit();
}

void UnitStore::forget_profile(const std::string& profile_id) {
  if (!db_) return;
  forget_pin_subject(profile_subject(profile_id));
  // The count named the profile's id: leave no older copy of it behind (delete-my-data).
  db_->purge_history(true);
}

std::vector<TrustedKey> UnitStore::trusted_keys() {
  std::vector<TrustedKey> out;
  if (!db_) return out;
  Statement rows(
      db_->connection(),
      "SELECT key_id, public_key_hex, label, added_utc_ms FROM trusted_keys ORDER BY added_utc_ms, key_id");
  while (rows.ok() && rows.step() == SQLITE_ROW) {
    auto key = from_hex(rows.text(1));
    if (!key || key->size() != 32) continue;
    out.push_back(TrustedKey{rows.text(0), *key, rows.text(2), UtcInstant{rows.int64(3)}});
  }
  return out;
}

std::vector<std::string> UnitStore::trusted_public_keys() {
  std::vector<std::string> out;
  for (const TrustedKey& key : trusted_keys()) out.push_back(key.public_key);
  return out;
}

std::string UnitStore::add_trusted_key(const std::string& public_key, const std::string& label,
                                       UtcInstant now) {
  if (public_key.size() != 32) return "a public key is 32 bytes";
  if (label.size() > 128) return "the key's label is longer than 128 bytes";
  if (auto error = ensure_file(); !error.empty()) return error;
  Connection& c = db_->connection();
  Transaction tx(c);
  Statement insert(c, "INSERT OR REPLACE INTO trusted_keys VALUES(?1, ?2, ?3, ?4)");
  insert.bind(1, key_id(public_key)).bind(2, to_hex(public_key)).bind(3, label).bind(4, now.ms);
  std::string error;
  if (!tx.begun() || !insert.run() || !db_->bump_revision() || !tx.commit(&error))
    return "cannot add the key: " + (error.empty() ? c.last_error() : error);
  db_->backup_if_stale();
  return {};
}

std::string UnitStore::remove_trusted_key(const std::string& id) {
  if (!db_) return "no key " + id + " is trusted";
  Connection& c = db_->connection();
  Transaction tx(c);
  Statement erase(c, "DELETE FROM trusted_keys WHERE key_id = ?1");
  erase.bind(1, id);
  std::string error;
  if (!tx.begun() || !erase.run()) return "cannot remove the key: " + c.last_error();
  if (sqlite3_changes(c.handle()) == 0) return "no key " + id + " is trusted";
  if (!db_->bump_revision() || !tx.commit(&error)) return "cannot remove the key: " + error;
  db_->backup_if_stale();
  return {};
}

bool UnitStore::backup_if_stale(std::string* error) {
  return db_ ? db_->backup_if_stale(error) : true;
}

}  // namespace respite::core
