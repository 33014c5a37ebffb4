// Settings that belong to the device rather than to a person (docs/unit-mode.md): whether the
// device is a shared unit tablet ("unit mode") with its admin PIN (hashed), the idle time after
// which it returns to the profile picker, the pack-signing keys the unit trusts, and the count of
// wrong PINs per profile (and for the admin PIN), so the delay after wrong PINs survives a restart.
//
//   DATA_DIR/unit.db   (SQLite through sql::DurableDb, application id 'RSPU')
//
// Nothing here holds anyone's practice data: that stays in each profile's own file.
#pragma once

#include <chrono>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/progress/durable_db.h"

namespace respite::core {

constexpr int kDefaultIdleTimeoutSeconds = 120;
constexpr int kMinIdleTimeoutSeconds = 30;
constexpr int kMaxIdleTimeoutSeconds = 30 * 60;

// The admin PIN guards more than a profile PIN does, so it is longer: 6 to 8 digits.
std::string validate_admin_pin(const std::string& pin);

// How long the next PIN attempt must wait after `failures` wrong PINs in a row: nothing for the
// first three (a typo, a glove), then 5 s, 15 s, 30 s, 1 min, 2 min, 5 min, 10 min, and 15 min from
// then on. A 4-digit PIN then takes months to guess on the device; a person who forgot theirs asks
// the unit admin instead (docs/unit-mode.md).
std::chrono::seconds pin_delay_after_failures(int failures);

enum class PinVerdict {
  Accepted,  // right PIN (or no PIN set): the failure count is cleared
  Wrong,     // wrong PIN: counted; `wait` is the delay before the next attempt
  Locked,    // an attempt came before the delay ran out: not checked, not counted
};
const char* to_string(PinVerdict verdict);

struct PinCheck {
  PinVerdict verdict = PinVerdict::Wrong;
  Millis wait{0};    // how long until the next attempt is allowed (0: now)
  int failures = 0;  // wrong PINs in a row so far
  bool accepted() const { return verdict == PinVerdict::Accepted; }
};

struct TrustedKey {
  std::string key_id;      // core::key_id(public_key)
  std::string public_key;  // 32 raw bytes
  std::string label;       // what the admin called it ("Hospital education team")
  UtcInstant added;
};

struct UnitSettings {
  bool enabled = false;  // unit mode: picker, idle return, admin PIN
  bool has_admin_pin = false;
  int idle_timeout_seconds = kDefaultIdleTimeoutSeconds;
};

class UnitStore {
 public:
  struct OpenResult {
    std::unique_ptr<UnitStore> store;
    std::vector<sql::Notice> notices;
    std::string error;
  };
  // With create_if_missing false and no unit.db, the result is an in-memory default (unit mode
  // off) and nothing is written.
  static OpenResult open(const std::filesystem::path& data_dir, const Clock& clock, bool create_if_missing);
  ~UnitStore();

  static const sql::Schema& schema();
  static std::filesystem::path path_in(const std::filesystem::path& data_dir);

  UnitSettings settings() const { return settings_; }

  // Turns unit mode on with `admin_pin` (6-8 digits, stored as an Argon2id hash). Refused when unit
  // mode is already on (change the PIN with set_admin_pin after checking the old one). Empty on
  // success.
  std::string enable(const std::string& admin_pin);
  // Turns unit mode off and forgets the admin PIN; profiles and their data are untouched. The caller
  // has checked the admin PIN.
  std::string disable();
  std::string set_admin_pin(const std::string& admin_pin);
  std::string set_idle_timeout(int seconds);

  // PIN checks with the persistent delay. `subject` names what is guarded ("admin", or
  // profile_subject(id)); `verify` is called only when no delay is running, and returns whether the
  // PIN is right. `now` comes from the caller's (injected) clock.
  template <class Verify>
  PinCheck check_pin(const std::string& subject, UtcInstant now, Verify verify) {
    PinCheck gate = pin_gate(subject, now);
    if (gate.verdict == PinVerdict::Locked) return gate;
    if (verify()) {
      record_pin_success(subject);
      return PinCheck{PinVerdict::Accepted, Millis(0), 0};
    }
    return record_pin_failure(subject, now);
  }
  PinCheck check_admin_pin(const std::string& pin, UtcInstant now);

  // The parts of check_pin, for callers that verify elsewhere.
  PinCheck pin_gate(const std::string& subject, UtcInstant now);
  PinCheck record_pin_failure(const std::string& subject, UtcInstant now);
  void record_pin_success(const std::string& subject);
  // Forgets a subject's count (its profile was removed).
  void forget_pin_subject(const std::string& subject);
  // The profile was removed: its count goes, and no backup keeps it.
  void forget_profile(const std::string& profile_id);
  static std::string profile_subject(const std::string& profile_id) { return "profile:" + profile_id; }
  static constexpr const char* kAdminSubject = "admin";

  // Pack-signing keys the unit trusts (only packs signed by one of them may be installed).
  std::vector<TrustedKey> trusted_keys();
  std::vector<std::string> trusted_public_keys();  // raw 32-byte keys, for verify_pack_signature
  std::string add_trusted_key(const std::string& public_key, const std::string& label, UtcInstant now);
  std::string remove_trusted_key(const std::string& key_id);

  // False when there is no file yet (opened without create and nothing written).
  bool persistent() const { return db_ != nullptr; }
  bool backup_if_stale(std::string* error = nullptr);

 private:
  UnitStore() = default;
  bool load();
  std::string ensure_file();
  std::string write_settings(const UnitSettings& settings, const std::string& admin_pin_hash);

  std::filesystem::path data_dir_;
  const Clock* clock_ = nullptr;
  std::unique_ptr<sql::DurableDb> db_;  // null until something is written (see open)
  UnitSettings settings_;
  std::string admin_pin_hash_;
};

}  // namespace respite::core
