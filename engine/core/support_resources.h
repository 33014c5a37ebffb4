// Crisis and support resources: the phone lines, text services and people a clinician can turn to,
// chosen for the person's region and language. Two files feed it: the bundled defaults
// (content/support/resources.json, each entry with the date it was last verified and its sources)
// and an optional unit file (unit-resources.json in the data folder) where a unit adds its own EAP,
// peer supporters or chaplain without editing the bundled data. docs/support-resources.md documents
// the format; problems are reported like pack problems (file:line:col, JSON path, stable code).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/content.h"
#include "core/diagnostics.h"
#include "core/time.h"

namespace respite::core {

// What a resource is for. Emergency and crisis lines are listed before everything else.
enum class SupportKind { Emergency, Crisis, ClinicianSupport, PeerSupport, Eap, Chaplaincy, Other };
const char* to_string(SupportKind kind);  // "emergency", "crisis", "clinician_support", ...
std::optional<SupportKind> support_kind_from_string(const std::string& name);

enum class ContactType { Phone, Sms, Web, Email };
const char* to_string(ContactType type);  // "phone", "sms", "web", "email"

// One way to reach a resource, with its texts already resolved for the requested locale.
struct SupportContact {
  ContactType type = ContactType::Phone;
  std::string value;    // as people read it: "116 123", "1-888-409-0141", "https://...", "a@b.org"
  std::string dial;     // phone/sms only: what a dialler needs ("116123", "+18884090141"), else ""
  std::string message;  // sms only: the word to send ("AYUDA"), else ""
  std::string label;    // e.g. "Call or text", "En español: marca 988 y pulsa 2"; may be empty
};

enum class SupportOrigin { Bundled, Unit };

// One resource as the app shows it, texts resolved for the requested locale (exact, then the
// language alone, then the file's default locale).
struct SupportResource {
  std::string id;
  SupportKind kind = SupportKind::Other;
  SupportOrigin origin = SupportOrigin::Bundled;
  bool overrides_bundled = false;  // a unit entry that replaces the bundled entry with the same id
  std::string name;
  std::string description;
  std::string hours;                   // may be empty
  std::vector<std::string> regions;    // "US", "GB-ENG", "*" (everywhere); empty = everywhere (unit)
  std::vector<std::string> languages;  // languages the service itself is offered in; may be empty
  std::vector<SupportContact> contacts;
  std::optional<CivilDate> verified;  // when someone last checked the entry against its sources
  std::vector<std::string> sources;   // where it was checked (bundled entries always have one)
};

struct SupportResources {
  // "Not medical advice, not a crisis service": the about screen shows it, with the resources.
  std::string notice;
  std::string locale;  // the locale the texts were resolved for
  std::string region;  // the region used for filtering (from the argument or the locale), or ""
  // Unit entries first (in file order), then bundled entries for the region: emergency, crisis,
  // then the rest, each group in file order.
  std::vector<SupportResource> resources;
};

struct SupportLoadOptions {
  // When set, an entry verified more than `max_age_days` before this day gets W-STALE, and one
  // verified after it gets E-RANGE. Leave unset where there is no trusted date (e.g. in tests of
  // other things).
  std::optional<CivilDate> today;
  int max_age_days = 92;  // research/content-evidence.md §4.4: verify numbers quarterly
  std::size_t max_file_bytes = 1024 * 1024;
  std::size_t max_diagnostics = 200;  // per file; the rest are counted in one line
};

struct SupportLoadResult {
  SupportResources data;
  // Problems in either file. An entry with an error is left out and the other entries are still
  // used: a broken unit file must never hide the bundled crisis lines.
  Diagnostics diagnostics;
};

// Reads the bundled defaults and, if `unit_path` is not empty and the file exists, the unit's
// additions (a missing unit file is normal and not reported). `locale` picks the texts ("es-MX"
// falls back to "es", then to the file's default locale). `region` is an ISO 3166-1 code, with an
// optional subdivision ("US", "GB", "GB-ENG", "ES"); when empty it is taken from the locale's
// region subtag ("es-ES" -> "ES"), and when there is none only entries for everywhere are shown.
// A region and an entry match when one equals the other or extends it ("GB" matches "GB-ENG").
// Entries for everywhere ("*") of a kind are shown only when no entry of that kind matched the
// region (so a generic "call your local emergency number" gives way to 911 or 999).
SupportLoadResult load_support_resources(const std::string& bundled_path, const std::string& unit_path,
                                         const std::string& locale, const std::string& region,
                                         const SupportLoadOptions& options = {});

// As above, from texts already in memory (for tests and for data read from elsewhere).
// `unit_json` empty means there is no unit file.
SupportLoadResult parse_support_resources(const std::string& bundled_json, const std::string& bundled_name,
                                          const std::string& unit_json, const std::string& unit_name,
                                          const std::string& locale, const std::string& region,
                                          const SupportLoadOptions& options = {});

// The bundled defaults: $RESPITE_SUPPORT_FILE when set and not empty, else the build's
// content/support/resources.json.
std::string default_support_resources_path();

// Where the unit file lives in a data folder: DATA_DIR/unit-resources.json.
std::string unit_resources_path(const std::string& data_dir);

}  // namespace respite::core
