#include "core/progress/export_bundle.h"

// cereal's JSON archive makes RapidJSON assertions throw. We still never let cereal meet a
// document whose shape we have not checked ourselves (check_shape below), so no assertion can
// fire on a hostile file whichever RAPIDJSON_ASSERT the linker keeps.
#include <cereal/archives/json.hpp>
#include <cereal/types/string.hpp>
#include <cereal/types/vector.hpp>

#include <algorithm>
#include <map>
#include <sstream>

#include "core/progress/ids.h"

namespace respite::core {
namespace dto {

// The file's own types: kept apart from the domain types so the format changes only on purpose.
struct Settings {
  std::string day_start;      // "04:00"
  std::string rest_weekdays;  // "sat,sun" or "none"
  std::vector<std::string> rest_dates;
  int weekly_goal = 0;
  bool hide_streaks = false;

  template <class Archive>
  void serialize(Archive& ar, std::uint32_t const version) {
    if (version > 1)
      throw cereal::Exception("settings version " + std::to_string(version) + " is newer than this app");
    ar(CEREAL_NVP(day_start), CEREAL_NVP(rest_weekdays), CEREAL_NVP(rest_dates), CEREAL_NVP(weekly_goal),
       CEREAL_NVP(hide_streaks));
  }
};

struct Profile {
  std::string profile_id;
  std::string alias;
  std::int64_t created_utc_ms = 0;
  Settings settings;

  template <class Archive>
  void serialize(Archive& ar, std::uint32_t const version) {
    if (version > 1)
      throw cereal::Exception("profile version " + std::to_string(version) + " is newer than this app");
    ar(CEREAL_NVP(profile_id), CEREAL_NVP(alias), CEREAL_NVP(created_utc_ms), CEREAL_NVP(settings));
  }
};

struct Completion {
  std::string event_id, pack_id, item_id, content_version;
  std::int64_t utc_ms = 0;
  int utc_offset_minutes = 0;
  std::string zone;
  int day_start_minutes = 0;
  std::string practice_day;
  std::int64_t active_ms = 0, planned_ms = 0, required_ms = 0;
  bool complete = false;
  std::string anomaly;

  template <class Archive>
  void serialize(Archive& ar, std::uint32_t const version) {
    if (version > 1)
      throw cereal::Exception("completion version " + std::to_string(version) + " is newer than this app");
    ar(CEREAL_NVP(event_id), CEREAL_NVP(pack_id), CEREAL_NVP(item_id), CEREAL_NVP(content_version),
       CEREAL_NVP(utc_ms), CEREAL_NVP(utc_offset_minutes), CEREAL_NVP(zone), CEREAL_NVP(day_start_minutes),
       CEREAL_NVP(practice_day), CEREAL_NVP(active_ms), CEREAL_NVP(planned_ms), CEREAL_NVP(required_ms),
       CEREAL_NVP(complete), CEREAL_NVP(anomaly));
  }
};

struct Reflection {
  std::string entry_id, pack_id, item_id, prompt_id, text;
  std::int64_t utc_ms = 0;
  int utc_offset_minutes = 0;

  template <class Archive>
  void serialize(Archive& ar, std::uint32_t const version) {
    if (version > 1)
      throw cereal::Exception("reflection version " + std::to_string(version) + " is newer than this app");
    ar(CEREAL_NVP(entry_id), CEREAL_NVP(pack_id), CEREAL_NVP(item_id), CEREAL_NVP(prompt_id),
       CEREAL_NVP(text), CEREAL_NVP(utc_ms), CEREAL_NVP(utc_offset_minutes));
  }
};

struct Answer {
  std::string question;
  int value = 0;

  template <class Archive>
  void serialize(Archive& ar, std::uint32_t const version) {
    if (version > 1)
      throw cereal::Exception("answer version " + std::to_string(version) + " is newer than this app");
    ar(CEREAL_NVP(question), CEREAL_NVP(value));
  }
};

struct Checkin {
  std::string entry_id, pack_id, item_id, checkin_id;
  int score = 0;
  std::vector<Answer> answers;
  std::int64_t utc_ms = 0;
  int utc_offset_minutes = 0;

  template <class Archive>
  void serialize(Archive& ar, std::uint32_t const version) {
    if (version > 1)
      throw cereal::Exception("check-in version " + std::to_string(version) + " is newer than this app");
    ar(CEREAL_NVP(entry_id), CEREAL_NVP(pack_id), CEREAL_NVP(item_id), CEREAL_NVP(checkin_id),
       CEREAL_NVP(score), CEREAL_NVP(answers), CEREAL_NVP(utc_ms), CEREAL_NVP(utc_offset_minutes));
  }
};

struct Bundle {
  std::string format = "respite-progress";
  std::string exported_at;
  Profile profile;
  std::vector<Completion> completions;
  std::vector<Reflection> reflections;  // version 2
  std::vector<Checkin> checkins;        // version 2

  template <class Archive>
  void serialize(Archive& ar, std::uint32_t const version) {
    if (version > 2)
      throw cereal::Exception("bundle version " + std::to_string(version) + " is newer than this app");
    ar(CEREAL_NVP(format), CEREAL_NVP(exported_at), CEREAL_NVP(profile), CEREAL_NVP(completions));
    if (version >= 2) ar(CEREAL_NVP(reflections), CEREAL_NVP(checkins));
  }
};

}  // namespace dto
}  // namespace respite::core

CEREAL_CLASS_VERSION(respite::core::dto::Settings, 1)
CEREAL_CLASS_VERSION(respite::core::dto::Profile, 1)
CEREAL_CLASS_VERSION(respite::core::dto::Completion, 1)
CEREAL_CLASS_VERSION(respite::core::dto::Reflection, 1)
CEREAL_CLASS_VERSION(respite::core::dto::Answer, 1)
CEREAL_CLASS_VERSION(respite::core::dto::Checkin, 1)
CEREAL_CLASS_VERSION(respite::core::dto::Bundle, 2)

namespace respite::core {
namespace {

constexpr const char* kFormat = "respite-progress";
constexpr const char* kRootName = "respite_export";
constexpr int kMaxDepth = 8;

enum class Kind { String, Int, Int64, Bool, StringArray, Object, ObjectArray };

struct Field {
  const char* name;
  Kind kind;
  const std::vector<Field>* children = nullptr;  // for Object and ObjectArray
  unsigned since = 1;                            // required from this version of the parent on
  unsigned child_version = 1;                    // the newest version of the children's type
};

const std::vector<Field>& settings_fields() {
  static const std::vector<Field> fields = {{"day_start", Kind::String},
                                            {"rest_weekdays", Kind::String},
                                            {"rest_dates", Kind::StringArray},
                                            {"weekly_goal", Kind::Int},
                                            {"hide_streaks", Kind::Bool}};
  return fields;
}
const std::vector<Field>& profile_fields() {
  static const std::vector<Field> fields = {{"profile_id", Kind::String},
                                            {"alias", Kind::String},
                                            {"created_utc_ms", Kind::Int64},
                                            {"settings", Kind::Object, &settings_fields()}};
  return fields;
}
const std::vector<Field>& completion_fields() {
  static const std::vector<Field> fields = {{"event_id", Kind::String},     {"pack_id", Kind::String},
                                            {"item_id", Kind::String},      {"content_version", Kind::String},
                                            {"utc_ms", Kind::Int64},        {"utc_offset_minutes", Kind::Int},
                                            {"zone", Kind::String},         {"day_start_minutes", Kind::Int},
                                            {"practice_day", Kind::String}, {"active_ms", Kind::Int64},
                                            {"planned_ms", Kind::Int64},    {"required_ms", Kind::Int64},
                                            {"complete", Kind::Bool},       {"anomaly", Kind::String}};
  return fields;
}
const std::vector<Field>& reflection_fields() {
  static const std::vector<Field> fields = {{"entry_id", Kind::String},       {"pack_id", Kind::String},
                                            {"item_id", Kind::String},        {"prompt_id", Kind::String},
                                            {"text", Kind::String},           {"utc_ms", Kind::Int64},
                                            {"utc_offset_minutes", Kind::Int}};
  return fields;
}
const std::vector<Field>& answer_fields() {
  static const std::vector<Field> fields = {{"question", Kind::String}, {"value", Kind::Int}};
  return fields;
}
const std::vector<Field>& checkin_fields() {
  static const std::vector<Field> fields = {
      {"entry_id", Kind::String}, {"pack_id", Kind::String},
      {"item_id", Kind::String},  {"checkin_id", Kind::String},
      {"score", Kind::Int},       {"answers", Kind::ObjectArray, &answer_fields()},
      {"utc_ms", Kind::Int64},    {"utc_offset_minutes", Kind::Int}};
  return fields;
}
const std::vector<Field>& bundle_fields() {
  static const std::vector<Field> fields = {{"format", Kind::String},
                                            {"exported_at", Kind::String},
                                            {"profile", Kind::Object, &profile_fields()},
                                            {"completions", Kind::ObjectArray, &completion_fields()},
                                            {"reflections", Kind::ObjectArray, &reflection_fields(), 2},
                                            {"checkins", Kind::ObjectArray, &checkin_fields(), 2}};
  return fields;
}

const char* kind_name(Kind kind) {
  switch (kind) {
    case Kind::String:
      return "a string";
    case Kind::Int:
      return "a 32-bit integer";
    case Kind::Int64:
      return "an integer";
    case Kind::Bool:
      return "true or false";
    case Kind::StringArray:
      return "an array of strings";
    case Kind::Object:
      return "an object";
    case Kind::ObjectArray:
      return "an array of objects";
  }
  return "?";
}

// Nesting depth of the raw text, strings skipped; bounded before any DOM exists, because both
// parsing and destroying a DOM recurse.
int max_depth(const std::string& text) {
  int depth = 0, deepest = 0;
  bool in_string = false, escaped = false;
  for (const char c : text) {
    if (in_string) {
      if (escaped) {
        escaped = false;
      } else if (c == '\\') {
        escaped = true;
      } else if (c == '"') {
        in_string = false;
      }
      continue;
    }
    if (c == '"') {
      in_string = true;
    } else if (c == '{' || c == '[') {
      deepest = std::max(deepest, ++depth);
      if (deepest > kMaxDepth) return deepest;
    } else if (c == '}' || c == ']') {
      --depth;
    }
  }
  return deepest;
}

// The object's version (cereal writes it on the first object of each type; a missing one is 1).
template <class Value>
unsigned check_version(const Value& object, const std::string& path, unsigned newest,
                       std::vector<std::string>& errors) {
  const auto it = object.FindMember("cereal_class_version");
  if (it == object.MemberEnd()) return 1;
  if (!it->value.IsUint()) {
    errors.push_back(path + ".cereal_class_version: expected an unsigned integer");
    return 1;
  }
  if (it->value.GetUint() > newest) {
    errors.push_back(path + ": made by a newer version of Respite (format version " +
                     std::to_string(it->value.GetUint()) + ", this app reads up to " +
                     std::to_string(newest) + ")");
  }
  return it->value.GetUint();
}

template <class Value>
void check_object(const Value& object, const std::vector<Field>& fields, const std::string& path,
                  std::vector<std::string>& errors, unsigned newest = 1) {
  const unsigned version = check_version(object, path, newest, errors);
  for (const Field& field : fields) {
    const std::string here = path + "." + field.name;
    if (version < field.since) continue;  // not part of the format this file was written in
    const auto it = object.FindMember(field.name);
    if (it == object.MemberEnd()) {
      errors.push_back(here + ": missing (expected " + kind_name(field.kind) + ")");
      continue;
    }
    const auto& v = it->value;
    bool ok = false;
    switch (field.kind) {
      case Kind::String:
        ok = v.IsString();
        break;
      case Kind::Int:
        ok = v.IsInt();
        break;
      case Kind::Int64:
        ok = v.IsInt64();
        break;
      case Kind::Bool:
        ok = v.IsBool();
        break;
      case Kind::StringArray:
        ok = v.IsArray() && std::all_of(v.Begin(), v.End(), [](const auto& e) { return e.IsString(); });
        break;
      case Kind::Object:
        ok = v.IsObject();
        if (ok) check_object(v, *field.children, here, errors, field.child_version);
        break;
      case Kind::ObjectArray:
        ok = v.IsArray();
        if (ok) {
          for (rapidjson::SizeType i = 0; i < v.Size(); ++i) {
            const std::string element = here + "[" + std::to_string(i) + "]";
            if (!v[i].IsObject()) {
              errors.push_back(element + ": expected an object");
            } else {
              check_object(v[i], *field.children, element, errors, field.child_version);
            }
            if (errors.size() > 50) return;
          }
        }
        break;
    }
    if (!ok) errors.push_back(here + ": expected " + kind_name(field.kind));
  }
}

std::string anomaly_name(Anomaly a) {
  return to_string(a);
}

}  // namespace

ExportData collect_export(ProgressStore& store, UtcInstant now) {
  ExportData data;
  data.profile_id = store.identity().profile_id;
  data.alias = store.identity().alias;
  data.created = store.identity().created;
  data.settings = store.settings();
  data.completions = store.completions();
  data.reflections = store.reflections();
  data.checkins = store.checkins();
  data.exported_at = now;
  return data;
}

std::string export_to_json(const ExportData& data) {
  dto::Bundle bundle;
  bundle.format = kFormat;
  bundle.exported_at = format_iso8601(data.exported_at, 0);
  bundle.profile.profile_id = data.profile_id;
  bundle.profile.alias = data.alias;
  bundle.profile.created_utc_ms = data.created.ms;
  bundle.profile.settings.day_start = format_hhmm(data.settings.day_start_minutes);
  bundle.profile.settings.rest_weekdays = data.settings.rest_weekdays.to_string();
  for (const CivilDate& d : data.settings.rest_dates)
    bundle.profile.settings.rest_dates.push_back(d.to_string());
  bundle.profile.settings.weekly_goal = data.settings.weekly_goal;
  bundle.profile.settings.hide_streaks = data.settings.hide_streaks;
  for (const CompletionRecord& r : data.completions) {
    dto::Completion c;
    c.event_id = r.event_id;
    c.pack_id = r.pack_id;
    c.item_id = r.item_id;
    c.content_version = r.content_version;
    c.utc_ms = r.at.ms;
    c.utc_offset_minutes = r.utc_offset_minutes;
    c.zone = r.zone;
    c.day_start_minutes = r.day_start_minutes;
    c.practice_day = r.practice_day.to_string();
    c.active_ms = r.active.count();
    c.planned_ms = r.planned.count();
    c.required_ms = r.required.count();
    c.complete = r.complete;
    c.anomaly = anomaly_name(r.anomaly);
    bundle.completions.push_back(std::move(c));
  }
  for (const ReflectionEntry& r : data.reflections) {
    bundle.reflections.push_back(dto::Reflection{r.entry_id, r.pack_id, r.item_id, r.prompt_id, r.text,
                                                 r.at.ms, r.utc_offset_minutes});
  }
  for (const CheckinEntry& c : data.checkins) {
    dto::Checkin out;
    out.entry_id = c.entry_id;
    out.pack_id = c.pack_id;
    out.item_id = c.item_id;
    out.checkin_id = c.checkin_id;
    out.score = c.score;
    for (const auto& [question, value] : c.answers) out.answers.push_back(dto::Answer{question, value});
    out.utc_ms = c.at.ms;
    out.utc_offset_minutes = c.utc_offset_minutes;
    bundle.checkins.push_back(std::move(out));
  }
  std::ostringstream out;
  {
    cereal::JSONOutputArchive archive(out);
    archive(cereal::make_nvp(kRootName, bundle));
  }
  out << '\n';
  return out.str();
}

ExportReadResult export_from_json(const std::string& json, const std::string& display_name) {
  ExportReadResult result;
  auto fail = [&](const std::string& message) {
    result.errors.push_back(display_name + ": " + message);
    return std::move(result);
  };
  if (json.size() > kMaxExportBytes) return fail("larger than 64 MiB; not a Respite export");
  if (max_depth(json) > kMaxDepth) return fail("nested too deeply; not a Respite export");

  rapidjson::Document document;
  document.Parse<rapidjson::kParseIterativeFlag | rapidjson::kParseValidateEncodingFlag>(json.c_str(),
                                                                                         json.size());
  if (document.HasParseError()) {
    return fail("not valid JSON (error " + std::to_string(static_cast<int>(document.GetParseError())) +
                " at byte " + std::to_string(document.GetErrorOffset()) + ")");
  }
  if (!document.IsObject() || !document.HasMember(kRootName) || !document[kRootName].IsObject())
    return fail(std::string("$: expected an object with a \"") + kRootName +
                "\" object; not a Respite export");
  std::vector<std::string> shape;
  const auto& root = document[kRootName];
  check_object(root, bundle_fields(), std::string("$.") + kRootName, shape,
               static_cast<unsigned>(kExportBundleVersion));
  if (!shape.empty()) {
    for (const std::string& e : shape) result.errors.push_back(display_name + ": " + e);
    return result;
  }
  if (std::string(root["format"].GetString()) != kFormat)
    return fail(std::string("$.") + kRootName + ".format: expected \"" + kFormat + "\", found \"" +
                root["format"].GetString() + "\"");

  dto::Bundle bundle;
  try {
    std::istringstream in(json);
    cereal::JSONInputArchive archive(in);
    archive(cereal::make_nvp(kRootName, bundle));
  } catch (const std::exception& e) {
    return fail(std::string("cannot read the export: ") + e.what());
  }

  ExportData data;
  const std::string base = std::string("$.") + kRootName;
  auto error = [&](const std::string& path, const std::string& message) {
    if (result.errors.size() < 50)
      result.errors.push_back(display_name + ": " + base + path + ": " + message);
  };
  data.profile_id = bundle.profile.profile_id;
  if (!is_uuid(data.profile_id)) error(".profile.profile_id", "not a lowercase UUID");
  data.alias = bundle.profile.alias;
  if (auto invalid = validate_alias(data.alias); !invalid.empty()) error(".profile.alias", invalid);
  data.created = UtcInstant{bundle.profile.created_utc_ms};
  const dto::Settings& s = bundle.profile.settings;
  if (auto minutes = parse_hhmm(s.day_start)) {
    data.settings.day_start_minutes = *minutes;
  } else {
    error(".profile.settings.day_start", "expected HH:MM, found \"" + s.day_start + "\"");
  }
  if (auto days = WeekdaySet::parse(s.rest_weekdays)) {
    data.settings.rest_weekdays = *days;
  } else {
    error(".profile.settings.rest_weekdays",
          "expected e.g. \"sat,sun\" or \"none\", found \"" + s.rest_weekdays + "\"");
  }
  for (std::size_t i = 0; i < s.rest_dates.size(); ++i) {
    if (auto d = CivilDate::parse(s.rest_dates[i])) {
      data.settings.rest_dates.push_back(*d);
    } else {
      error(".profile.settings.rest_dates[" + std::to_string(i) + "]", "expected YYYY-MM-DD");
    }
  }
  data.settings.weekly_goal = s.weekly_goal;
  data.settings.hide_streaks = s.hide_streaks;
  data.settings.normalize();
  if (auto invalid = data.settings.validate(); !invalid.empty()) error(".profile.settings", invalid);

  std::map<std::string, std::size_t> seen;
  for (std::size_t i = 0; i < bundle.completions.size(); ++i) {
    const dto::Completion& c = bundle.completions[i];
    const std::string path = ".completions[" + std::to_string(i) + "]";
    CompletionRecord r;
    r.event_id = c.event_id;
    r.pack_id = c.pack_id;
    r.item_id = c.item_id;
    r.content_version = c.content_version;
    r.at = UtcInstant{c.utc_ms};
    r.utc_offset_minutes = c.utc_offset_minutes;
    r.zone = c.zone;
    r.day_start_minutes = c.day_start_minutes;
    const auto day = CivilDate::parse(c.practice_day);
    if (!day) {
      error(path + ".practice_day", "expected YYYY-MM-DD, found \"" + c.practice_day + "\"");
      continue;
    }
    r.practice_day = *day;
    r.active = Millis(c.active_ms);
    r.planned = Millis(c.planned_ms);
    r.required = Millis(c.required_ms);
    r.complete = c.complete;
    if (c.anomaly == "none") {
      r.anomaly = Anomaly::None;
    } else if (c.anomaly == "clock_behind") {
      r.anomaly = Anomaly::ClockBehind;
    } else {
      error(path + ".anomaly", "expected \"none\" or \"clock_behind\", found \"" + c.anomaly + "\"");
      continue;
    }
    if (auto invalid = r.validate(); !invalid.empty()) {
      error(path, invalid);
      continue;
    }
    if (auto it = seen.find(r.event_id); it != seen.end()) {
      if (!data.completions[it->second].same_event(r))
        error(path + ".event_id", "the same id appears earlier with different details");
      continue;  // an exact repeat is harmless
    }
    seen.emplace(r.event_id, data.completions.size());
    r.seq = static_cast<std::int64_t>(data.completions.size()) + 1;
    data.completions.push_back(std::move(r));
  }
  // The journal (version 2). Repeats of an entry are harmless; the same id with other content is not.
  std::map<std::string, std::size_t> seen_entries;
  for (std::size_t i = 0; i < bundle.reflections.size(); ++i) {
    const dto::Reflection& in = bundle.reflections[i];
    const std::string path = ".reflections[" + std::to_string(i) + "]";
    ReflectionEntry r{in.entry_id,           in.pack_id,           in.item_id, in.prompt_id, in.text,
                      UtcInstant{in.utc_ms}, in.utc_offset_minutes};
    if (auto invalid = r.validate(); !invalid.empty()) {
      error(path, invalid);
      continue;
    }
    if (auto it = seen_entries.find(r.entry_id); it != seen_entries.end()) {
      if (!(data.reflections[it->second] == r))
        error(path + ".entry_id", "the same id appears earlier with different content");
      continue;
    }
    seen_entries.emplace(r.entry_id, data.reflections.size());
    data.reflections.push_back(std::move(r));
  }
  seen_entries.clear();
  for (std::size_t i = 0; i < bundle.checkins.size(); ++i) {
    const dto::Checkin& in = bundle.checkins[i];
    const std::string path = ".checkins[" + std::to_string(i) + "]";
    CheckinEntry c;
    c.entry_id = in.entry_id;
    c.pack_id = in.pack_id;
    c.item_id = in.item_id;
    c.checkin_id = in.checkin_id;
    c.score = in.score;
    for (const dto::Answer& a : in.answers) c.answers.emplace_back(a.question, a.value);
    c.at = UtcInstant{in.utc_ms};
    c.utc_offset_minutes = in.utc_offset_minutes;
    if (auto invalid = c.validate(); !invalid.empty()) {
      error(path, invalid);
      continue;
    }
    if (auto it = seen_entries.find(c.entry_id); it != seen_entries.end()) {
      if (!(data.checkins[it->second] == c))
        error(path + ".entry_id", "the same id appears earlier with different content");
      continue;
    }
    seen_entries.emplace(c.entry_id, data.checkins.size());
    data.checkins.push_back(std::move(c));
  }
  if (result.errors.empty()) result.data = std::move(data);
  return result;
}

ImportOutcome import_export(ProfileRegistry& registry, const ExportData& data,
                            const std::optional<std::string>& as_alias) {
  ImportOutcome outcome;
  const std::string alias = as_alias.value_or(data.alias);
  if (auto invalid = validate_alias(alias); !invalid.empty()) {
    outcome.error = invalid;
    return outcome;
  }
  std::optional<ProfileInfo> target = registry.find(alias);
  if (target && !as_alias && target->profile_id != data.profile_id) {
    outcome.error = "a different profile named '" + alias +
                    "' already exists here; choose another name for the imported one (--as NAME)";
    return outcome;
  }
  if (!target && !as_alias) target = registry.find_by_id(data.profile_id);
  if (!target) {
    const std::string id = registry.find_by_id(data.profile_id) ? std::string() : data.profile_id;
    auto added = registry.add(alias, std::nullopt, data.settings, id);
    outcome.notices = std::move(added.notices);
    if (!added.profile) {
      outcome.error = added.error;
      return outcome;
    }
    target = added.profile;
    outcome.created = true;
  }
  outcome.profile = *target;
  auto opened = registry.open_store(*target);
  outcome.notices.insert(outcome.notices.end(), opened.notices.begin(), opened.notices.end());
  if (!opened.store) {
    outcome.error = opened.message;
    return outcome;
  }
  // Conflicts anywhere abort the whole import before anything is written: each merge below checks
  // only its own part, so the parts are checked together here first.
  std::string conflict;
  {
    std::map<std::string, CompletionRecord> have;
    for (CompletionRecord& r : opened.store->completions()) have.emplace(r.event_id, std::move(r));
    for (const CompletionRecord& r : data.completions) {
      auto it = have.find(r.event_id);
      if (it != have.end() && !it->second.same_event(r))
        conflict = "event " + r.event_id + " is already recorded with different details";
    }
    std::map<std::string, ReflectionEntry> reflections;
    for (ReflectionEntry& r : opened.store->reflections()) reflections.emplace(r.entry_id, std::move(r));
    for (const ReflectionEntry& r : data.reflections) {
      auto it = reflections.find(r.entry_id);
      if (it != reflections.end() && !(it->second == r))
        conflict = "entry " + r.entry_id + " is already recorded with different content";
    }
    std::map<std::string, CheckinEntry> checkins;
    for (CheckinEntry& c : opened.store->checkins()) checkins.emplace(c.entry_id, std::move(c));
    for (const CheckinEntry& c : data.checkins) {
      auto it = checkins.find(c.entry_id);
      if (it != checkins.end() && !(it->second == c))
        conflict = "entry " + c.entry_id + " is already recorded with different content";
    }
  }
  if (!conflict.empty()) {
    outcome.error = conflict;
    opened.store.reset();
    if (outcome.created) registry.remove(alias);
    return outcome;
  }
  const MergeOutcome journal = opened.store->merge_journal(data.reflections, data.checkins);
  const MergeOutcome merged = journal.error.empty() ? opened.store->merge(data.completions) : journal;
  if (!merged.error.empty()) {
    outcome.error = merged.error;
    opened.store.reset();
    if (outcome.created) registry.remove(alias);  // leave nothing behind
    return outcome;
  }
  outcome.journal_added = journal.added;
  opened.store->backup_if_stale();
  outcome.added = merged.added;
  outcome.already_present = merged.already_present;
  return outcome;
}

}  // namespace respite::core
