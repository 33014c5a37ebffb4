// `respite log | progress | profile | export | import` (DESIGN §6, docs/cli-progress.md): the
// progress store seen from scripts. Every value is checked before anything is opened or written,
// so bad input changes nothing. Exit codes: 0 ok, 1 invalid input, 2 usage.
#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <optional>
#include <ostream>
#include <sstream>

#include "cli/args.h"
#include "cli/cli.h"
#include "cli/commands.h"
#include "core/clock.h"
#include "core/content.h"
#include "core/pack_loader.h"
#include "core/progress/export_bundle.h"
#include "core/progress/ids.h"
#include "core/progress/pin.h"
#include "core/progress/profiles.h"
#include "core/progress/streaks.h"
#include "core/progress/zone_rules.h"
#include "core/session_plan.h"

namespace respite::cli {
namespace {

using JsonWriter = rapidjson::PrettyWriter<rapidjson::StringBuffer>;

const core::Clock& system_clock() {
  static const core::SystemClock clock;
  return clock;
}

// Required flags and the number of positionals are usage matters (exit 2).
bool require(const std::string& command, const ParsedArgs& parsed, const std::vector<std::string>& flags,
             std::size_t positionals, std::ostream& err) {
  for (const std::string& flag : flags) {
    if (!parsed.has(flag)) {
      err << "respite " << command << ": missing " << flag << " (see 'respite help')\n";
      return false;
    }
  }
  if (parsed.positional().size() != positionals) {
    err << "respite " << command << ": expected " << positionals << " argument"
        << (positionals == 1 ? "" : "s") << ", got " << parsed.positional().size()
        << " (see 'respite help')\n";
    return false;
  }
  return true;
}

void print_notices(const std::vector<core::sql::Notice>& notices, std::ostream& err) {
  for (const core::sql::Notice& notice : notices) err << "respite: notice: " << notice.message << '\n';
}

// Opens the registry at --data-dir; prints why not on failure.
std::unique_ptr<core::ProfileRegistry> open_registry(const std::string& command, const std::string& data_dir,
                                                     bool create, std::ostream& err) {
  auto opened = core::ProfileRegistry::open(data_dir, system_clock(), create);
  print_notices(opened.notices, err);
  if (!opened.registry) err << "respite " << command << ": " << opened.error << '\n';
  return std::move(opened.registry);
}

std::optional<core::ProfileInfo> find_profile(const std::string& command, core::ProfileRegistry& registry,
                                              const std::string& name, std::ostream& err) {
  auto profile = registry.find(name);
  if (!profile) {
    err << "respite " << command << ": no profile named '" << name << "' in " << registry.data_dir().string()
        << " (create it with 'respite profile add')\n";
  }
  return profile;
}

std::unique_ptr<core::ProgressStore> open_store(const std::string& command, core::ProfileRegistry& registry,
                                                const core::ProfileInfo& profile, std::ostream& err) {
  auto opened = registry.open_store(profile);
  print_notices(opened.notices, err);
  if (!opened.store) err << "respite " << command << ": " << opened.message << '\n';
  return std::move(opened.store);
}

// Non-negative decimal seconds such as "90" or "87.5".
std::optional<core::Millis> parse_seconds(const std::string& text) {
  if (text.empty() || text.size() > 16) return std::nullopt;
  bool dot = false, digit = false;
  for (const char c : text) {
    if (c == '.' && !dot) {
      dot = true;
    } else if (c >= '0' && c <= '9') {
      digit = true;
    } else {
      return std::nullopt;
    }
  }
  if (!digit) return std::nullopt;
  const double seconds = std::stod(text);
  if (!std::isfinite(seconds) || seconds * 1000.0 > static_cast<double>(core::kMaxSessionMs))
    return std::nullopt;
  return core::seconds_to_millis(seconds);
}

void write_seconds(JsonWriter& json, core::Millis ms) {
  if (ms.count() % 1000 == 0) {
    json.Int64(ms.count() / 1000);
  } else {
    json.Double(core::millis_to_seconds(ms));
  }
}

std::string seconds_text(core::Millis ms) {
  std::ostringstream text;
  text << core::millis_to_seconds(ms);
  return text.str();
}

// --- log ---------------------------------------------------------------------------------------

int cmd_log_impl(const Args& args, std::ostream& out, std::ostream& err) {
  const std::string cmd = "log";
  const auto parsed = parse_command(cmd, args,
                                    {{"--data-dir"},
                                     {"--profile"},
                                     {"--item"},
                                     {"--at"},
                                     {"--active"},
                                     {"--zone"},
                                     {"--pack", true, true},
                                     {"--event-id"},
                                     {"--json", false}},
                                    err);
  if (!parsed || !require(cmd, *parsed, {"--data-dir", "--profile", "--item", "--at"}, 0, err)) return kUsage;

  // 1. Every value, before anything is opened.
  const std::string at_text = *parsed->value("--at");
  std::string error;
  const auto at = core::parse_iso8601_with_offset(at_text, error);
  if (!at) {
    err << "respite log: --at " << error << '\n';
    return kInvalid;
  }
  int offset = at->offset_minutes;
  std::string zone;
  if (auto zone_name = parsed->value("--zone")) {
    const auto rules = core::ZoneRules::load(*zone_name, error);
    if (!rules) {
      err << "respite log: --zone: " << error << '\n';
      return kInvalid;
    }
    const int zone_offset = rules->offset_minutes_at(at->instant);
    const bool said_utc = !at_text.empty() && (at_text.back() == 'Z' || at_text.back() == 'z');
    if (!said_utc && zone_offset != offset) {
      err << "respite log: --at " << at_text << " has offset " << core::format_utc_offset(offset) << " but "
          << *zone_name << " was at " << core::format_utc_offset(zone_offset)
          << " at that instant (give the zone's offset, or the instant in UTC with 'Z')\n";
      return kInvalid;
    }
    offset = zone_offset;
    zone = *zone_name;
  }
  std::optional<core::Millis> active;
  if (auto text = parsed->value("--active")) {
    active = parse_seconds(*text);
    if (!active) {
      err << "respite log: --active '" << *text << "' is not a number of seconds between 0 and 86400\n";
      return kInvalid;
    }
  }
  std::string event_id = core::make_uuid_v4();
  if (auto id = parsed->value("--event-id")) {
    if (!core::is_uuid(*id)) {
      err << "respite log: --event-id '" << *id << "' is not a lowercase UUID\n";
      return kInvalid;
    }
    event_id = *id;
  }
  const std::string item_text = *parsed->value("--item");
  const auto ref = core::ItemRef::parse(item_text);
  if (!ref) {
    err << "respite log: --item '" << item_text << "' is not PACK_ID/ITEM_ID\n";
    return kInvalid;
  }
  std::vector<std::string> paths = parsed->values("--pack");
  if (paths.empty()) paths = default_pack_paths();
  const core::CatalogLoadResult loaded = core::load_catalog(paths);
  const core::Pack* pack = loaded.catalog.find_pack(ref->pack_id);
  const core::Item* item = loaded.catalog.find(*ref);
  if (item == nullptr || pack == nullptr) {
    err << "respite log: unknown item '" << item_text << "'";
    if (loaded.diagnostics.has_errors()) err << " (some packs failed to load; see 'respite pack validate')";
    err << '\n';
    return kInvalid;
  }
  const core::SessionPlan plan = core::make_plan(*ref, *item, core::PlanSettings{});

  // 2. The profile.
  auto registry = open_registry(cmd, *parsed->value("--data-dir"), false, err);
  if (!registry) return kInvalid;
  const auto profile = find_profile(cmd, *registry, *parsed->value("--profile"), err);
  if (!profile) return kInvalid;
  auto store = open_store(cmd, *registry, *profile, err);
  if (!store) return kInvalid;

  // 3. The completion, as the app records it at the end of a session.
  core::CompletionInput input;
  input.event_id = event_id;
  input.pack_id = ref->pack_id;
  input.item_id = ref->item_id;
  input.content_version = pack->version;
  input.at = at->instant;
  input.utc_offset_minutes = offset;
  input.zone = zone;
  input.planned = plan.planned;
  input.required = plan.minimum;
  input.active = active.value_or(plan.planned);
  const core::RecordOutcome outcome = store->record(input);
  if (!outcome.ok()) {
    err << "respite log: not recorded (" << core::to_string(outcome.status) << "): " << outcome.message
        << '\n';
    return kInvalid;
  }
  std::string backup_error;
  if (!store->backup_if_stale(&backup_error))
    err << "respite: notice: backup not made: " << backup_error << '\n';

  const core::CompletionRecord& r = outcome.record;
  if (parsed->has("--json")) {
    rapidjson::StringBuffer buffer;
    JsonWriter json(buffer);
    json.StartObject();
    json.Key("status");
    json.String(core::to_string(outcome.status));
    json.Key("event_id");
    json.String(r.event_id.c_str());
    json.Key("item");
    json.String((r.pack_id + "/" + r.item_id).c_str());
    json.Key("at");
    json.String(core::format_iso8601(r.at, r.utc_offset_minutes).c_str());
    json.Key("practice_day");
    json.String(r.practice_day.to_string().c_str());
    json.Key("complete");
    json.Bool(r.complete);
    json.Key("active_seconds");
    write_seconds(json, r.active);
    json.Key("required_seconds");
    write_seconds(json, r.required);
    json.Key("anomaly");
    json.String(core::to_string(r.anomaly));
    json.EndObject();
    out << buffer.GetString() << '\n';
  } else {
    out << (outcome.status == core::RecordStatus::Recorded ? "recorded " : "already recorded ") << r.event_id
        << ": " << r.pack_id << '/' << r.item_id << " on practice day " << r.practice_day.to_string() << ", "
        << (r.complete ? "complete" : "partial") << " (active " << seconds_text(r.active) << " s of "
        << seconds_text(r.required) << " s needed)";
    if (r.anomaly != core::Anomaly::None)
      out << "; flagged " << core::to_string(r.anomaly)
          << ": the clock was behind an earlier session, so it cannot extend a streak";
    out << '\n';
  }
  return kOk;
}

// --- progress ----------------------------------------------------------------------------------

void write_progress_json(const std::string& alias, const core::ProfileSettings& settings,
                         const core::ProgressSummary& s, std::ostream& out) {
  rapidjson::StringBuffer buffer;
  JsonWriter json(buffer);
  json.StartObject();
  json.Key("profile");
  json.String(alias.c_str());
  json.Key("today");
  json.String(s.today.to_string().c_str());
  json.Key("day_start");
  json.String(core::format_hhmm(settings.day_start_minutes).c_str());
  json.Key("streak_unit");
  json.String(core::to_string(s.streak_unit));
  json.Key("streaks_hidden");
  json.Bool(s.streaks_hidden);
  // Hidden streaks are not shown anywhere, here included; the history itself is all below.
  json.Key("current_streak");
  s.streaks_hidden ? json.Null() : json.Int(s.current_streak);
  json.Key("longest_streak");
  s.streaks_hidden ? json.Null() : json.Int(s.longest_streak);
  json.Key("today_done");
  json.Bool(s.today_done);
  json.Key("weekly_goal");
  s.week_goal > 0 ? json.Int(s.week_goal) : json.Null();
  json.Key("week_done_days");
  json.Int(s.week_done_days);
  json.Key("done_days");
  json.StartArray();
  for (const core::CivilDate& d : s.done_days) json.String(d.to_string().c_str());
  json.EndArray();
  json.Key("sessions_complete");
  json.Int(s.sessions_complete);
  json.Key("sessions_partial");
  json.Int(s.sessions_partial);
  json.Key("active_seconds");
  write_seconds(json, s.active);
  json.Key("rest_days");
  json.StartObject();
  json.Key("weekdays");
  json.StartArray();
  for (int d = 0; d < 7; ++d) {
    if (settings.rest_weekdays.has(d)) json.String(core::weekday_name(d));
  }
  json.EndArray();
  json.Key("dates");
  json.StartArray();
  for (const core::CivilDate& d : settings.rest_dates) json.String(d.to_string().c_str());
  json.EndArray();
  json.EndObject();
  json.Key("travel_days");
  json.StartArray();
  for (const core::CivilDate& d : s.travel_days) json.String(d.to_string().c_str());
  json.EndArray();
  json.Key("anomaly_count");
  json.Int(static_cast<int>(s.anomalies.size()));
  json.Key("anomalies");
  json.StartArray();
  for (const core::AnomalyEntry& a : s.anomalies) {
    json.StartObject();
    json.Key("event_id");
    json.String(a.event_id.c_str());
    json.Key("kind");
    json.String(core::to_string(a.kind));
    json.Key("practice_day");
    json.String(a.practice_day.to_string().c_str());
    json.Key("at");
    json.String(core::format_iso8601(a.at, a.utc_offset_minutes).c_str());
    json.EndObject();
  }
  json.EndArray();
  json.EndObject();
  out << buffer.GetString() << '\n';
}

int cmd_progress_impl(const Args& args, std::ostream& out, std::ostream& err) {
  const std::string cmd = "progress";
  const auto parsed =
      parse_command(cmd, args, {{"--data-dir"}, {"--profile"}, {"--today"}, {"--json", false}}, err);
  if (!parsed || !require(cmd, *parsed, {"--data-dir", "--profile"}, 0, err)) return kUsage;
  std::optional<core::CivilDate> today;
  if (auto text = parsed->value("--today")) {
    today = core::CivilDate::parse(*text);
    if (!today) {
      err << "respite progress: --today '" << *text << "' is not a date YYYY-MM-DD\n";
      return kInvalid;
    }
  }
  auto registry = open_registry(cmd, *parsed->value("--data-dir"), false, err);
  if (!registry) return kInvalid;
  const auto profile = find_profile(cmd, *registry, *parsed->value("--profile"), err);
  if (!profile) return kInvalid;
  auto store = open_store(cmd, *registry, *profile, err);
  if (!store) return kInvalid;
  const core::ProfileSettings settings = store->settings();
  const core::CivilDate day = today.value_or(core::practice_today(system_clock(), settings));
  const core::ProgressSummary summary = core::summarize(store->completions(), settings, day);
  if (parsed->has("--json")) {
    write_progress_json(profile->alias, settings, summary, out);
    return kOk;
  }
  out << "profile " << profile->alias << ", practice day " << day.to_string() << " (day starts at "
      << core::format_hhmm(settings.day_start_minutes) << ")\n";
  if (summary.streaks_hidden) {
    out << "streaks: hidden\n";
  } else {
    const char* unit = summary.streak_unit == core::StreakUnit::Week ? "week" : "day";
    out << "current streak: " << summary.current_streak << ' ' << unit
        << (summary.current_streak == 1 ? "" : "s") << ", longest: " << summary.longest_streak << '\n';
  }
  if (summary.week_goal > 0)
    out << "this week: " << summary.week_done_days << " of " << summary.week_goal << " days\n";
  out << "days practised: " << summary.done_days.size() << ", sessions: " << summary.sessions_complete
      << " complete, " << summary.sessions_partial << " partial, " << seconds_text(summary.active)
      << " s active\n";
  if (!summary.anomalies.empty())
    out << "flagged sessions (clock set back): " << summary.anomalies.size() << '\n';
  return kOk;
}

// --- profile -----------------------------------------------------------------------------------

int profile_add(const Args& args, std::ostream& out, std::ostream& err) {
  const std::string cmd = "profile add";
  const auto parsed = parse_command(cmd, args, {{"--data-dir"}, {"--pin"}}, err);
  if (!parsed || !require(cmd, *parsed, {"--data-dir"}, 1, err)) return kUsage;
  const std::string name = parsed->positional()[0];
  if (auto invalid = core::validate_alias(name); !invalid.empty()) {
    err << "respite profile add: '" << name << "': " << invalid << '\n';
    return kInvalid;
  }
  const auto pin = parsed->value("--pin");
  if (pin) {
    if (auto invalid = core::validate_pin(*pin); !invalid.empty()) {
      err << "respite profile add: --pin: " << invalid << '\n';
      return kInvalid;
    }
  }
  auto registry = open_registry(cmd, *parsed->value("--data-dir"), true, err);
  if (!registry) return kInvalid;
  auto added = registry->add(name, pin);
  print_notices(added.notices, err);
  if (!added.profile) {
    err << "respite profile add: " << added.error << '\n';
    return kInvalid;
  }
  out << "added profile " << added.profile->alias << (pin ? " (with PIN)" : "") << '\n';
  return kOk;
}

int profile_list(const Args& args, std::ostream& out, std::ostream& err) {
  const std::string cmd = "profile list";
  const auto parsed = parse_command(cmd, args, {{"--data-dir"}, {"--json", false}}, err);
  if (!parsed || !require(cmd, *parsed, {"--data-dir"}, 0, err)) return kUsage;
  auto registry = open_registry(cmd, *parsed->value("--data-dir"), false, err);
  if (!registry) return kInvalid;
  const auto profiles = registry->list();
  if (parsed->has("--json")) {
    rapidjson::StringBuffer buffer;
    JsonWriter json(buffer);
    json.StartArray();
    for (const core::ProfileInfo& p : profiles) {
      json.StartObject();
      json.Key("name");
      json.String(p.alias.c_str());
      json.Key("has_pin");
      json.Bool(p.has_pin);
      json.Key("created");
      json.String(core::format_iso8601(p.created, 0).c_str());
      json.EndObject();
    }
    json.EndArray();
    out << buffer.GetString() << '\n';
    return kOk;
  }
  for (const core::ProfileInfo& p : profiles) out << p.alias << (p.has_pin ? " (PIN)" : "") << '\n';
  return kOk;
}

int profile_remove(const Args& args, std::ostream& out, std::ostream& err) {
  const std::string cmd = "profile remove";
  const auto parsed = parse_command(cmd, args, {{"--data-dir"}}, err);
  if (!parsed || !require(cmd, *parsed, {"--data-dir"}, 1, err)) return kUsage;
  auto registry = open_registry(cmd, *parsed->value("--data-dir"), false, err);
  if (!registry) return kInvalid;
  const std::string name = parsed->positional()[0];
  if (auto error = registry->remove(name); !error.empty()) {
    err << "respite profile remove: " << error << '\n';
    return kInvalid;
  }
  out << "removed profile " << name << " and all of its data\n";
  return kOk;
}

int profile_set(const Args& args, std::ostream& out, std::ostream& err) {
  const std::string cmd = "profile set";
  const auto parsed = parse_command(cmd, args,
                                    {{"--data-dir"},
                                     {"--day-start"},
                                     {"--rest-days"},
                                     {"--rest-date", true, true},
                                     {"--remove-rest-date", true, true},
                                     {"--weekly-goal"},
                                     {"--hide-streaks"},
                                     {"--pin"}},
                                    err);
  if (!parsed || !require(cmd, *parsed, {"--data-dir"}, 1, err)) return kUsage;
  bool any = false;
  for (const char* flag : {"--day-start", "--rest-days", "--rest-date", "--remove-rest-date", "--weekly-goal",
                           "--hide-streaks", "--pin"})
    any = any || parsed->has(flag);
  if (!any) {
    err << "respite profile set: nothing to change (give --day-start, --rest-days, --rest-date, "
           "--remove-rest-date, --weekly-goal, --hide-streaks or --pin)\n";
    return kUsage;
  }
  // Parse every value first.
  std::optional<int> day_start;
  if (auto text = parsed->value("--day-start")) {
    day_start = core::parse_hhmm(*text);
    if (!day_start || *day_start > core::kMaxDayStartMinutes) {
      err << "respite profile set: --day-start '" << *text << "' must be a time HH:MM from 00:00 to 12:00\n";
      return kInvalid;
    }
  }
  std::optional<core::WeekdaySet> rest_days;
  if (auto text = parsed->value("--rest-days")) {
    rest_days = core::WeekdaySet::parse(*text);
    if (!rest_days) {
      err << "respite profile set: --rest-days '" << *text
          << "' must be weekdays such as 'sat,sun' (mon,tue,wed,thu,fri,sat,sun) or 'none'\n";
      return kInvalid;
    }
  }
  std::vector<core::CivilDate> add_dates, remove_dates;
  for (auto [flag, list] :
       {std::pair{"--rest-date", &add_dates}, std::pair{"--remove-rest-date", &remove_dates}}) {
    for (const std::string& text : parsed->values(flag)) {
      const auto date = core::CivilDate::parse(text);
      if (!date) {
        err << "respite profile set: " << flag << " '" << text << "' is not a date YYYY-MM-DD\n";
        return kInvalid;
      }
      list->push_back(*date);
    }
  }
  std::optional<int> goal;
  if (auto text = parsed->value("--weekly-goal")) {
    if (*text == "off") {
      goal = 0;
    } else if (text->size() == 1 && (*text)[0] >= '1' && (*text)[0] <= '7') {
      goal = (*text)[0] - '0';
    } else {
      err << "respite profile set: --weekly-goal '" << *text << "' must be 1 to 7 (days per week) or 'off'\n";
      return kInvalid;
    }
  }
  std::optional<bool> hide;
  if (auto text = parsed->value("--hide-streaks")) {
    if (*text != "on" && *text != "off") {
      err << "respite profile set: --hide-streaks '" << *text << "' must be 'on' or 'off'\n";
      return kInvalid;
    }
    hide = *text == "on";
  }
  std::optional<std::optional<std::string>> pin;
  if (auto text = parsed->value("--pin")) {
    if (*text == "none") {
      pin = std::optional<std::string>();
    } else if (auto invalid = core::validate_pin(*text); !invalid.empty()) {
      err << "respite profile set: --pin: " << invalid << " (or 'none' to remove it)\n";
      return kInvalid;
    } else {
      pin = *text;
    }
  }

  auto registry = open_registry(cmd, *parsed->value("--data-dir"), false, err);
  if (!registry) return kInvalid;
  const auto profile = find_profile(cmd, *registry, parsed->positional()[0], err);
  if (!profile) return kInvalid;
  core::ProfileSettings settings;
  {
    auto store = open_store(cmd, *registry, *profile, err);
    if (!store) return kInvalid;
    settings = store->settings();
    if (day_start) settings.day_start_minutes = *day_start;
    if (rest_days) settings.rest_weekdays = *rest_days;
    for (const core::CivilDate& d : add_dates) settings.rest_dates.push_back(d);
    settings.normalize();
    for (const core::CivilDate& d : remove_dates) {
      settings.rest_dates.erase(std::remove(settings.rest_dates.begin(), settings.rest_dates.end(), d),
                                settings.rest_dates.end());
    }
    if (goal) settings.weekly_goal = *goal;
    if (hide) settings.hide_streaks = *hide;
    if (auto invalid = settings.validate(); !invalid.empty()) {
      err << "respite profile set: " << invalid << '\n';
      return kInvalid;
    }
    if (auto error = store->update_settings(settings); !error.empty()) {
      err << "respite profile set: " << error << '\n';
      return kInvalid;
    }
    store->backup_if_stale();
  }
  if (pin) {
    if (auto error = registry->set_pin(*profile, *pin); !error.empty()) {
      err << "respite profile set: " << error << '\n';
      return kInvalid;
    }
  }
  out << "profile " << profile->alias << ": day starts at " << core::format_hhmm(settings.day_start_minutes)
      << ", rest days " << settings.rest_weekdays.to_string() << " (+" << settings.rest_dates.size()
      << " single date" << (settings.rest_dates.size() == 1 ? "" : "s") << "), weekly goal "
      << (settings.weekly_goal > 0 ? std::to_string(settings.weekly_goal) : std::string("off"))
      << ", streaks " << (settings.hide_streaks ? "hidden" : "shown");
  if (pin) out << ", PIN " << (*pin ? "set" : "removed");
  out << '\n';
  return kOk;
}

// --- export / import ---------------------------------------------------------------------------

int cmd_export_impl(const Args& args, std::ostream& out, std::ostream& err) {
  const std::string cmd = "export";
  const auto parsed = parse_command(cmd, args, {{"--data-dir"}, {"--profile"}, {"-o"}}, err);
  if (!parsed || !require(cmd, *parsed, {"--data-dir", "--profile", "-o"}, 0, err)) return kUsage;
  auto registry = open_registry(cmd, *parsed->value("--data-dir"), false, err);
  if (!registry) return kInvalid;
  const auto profile = find_profile(cmd, *registry, *parsed->value("--profile"), err);
  if (!profile) return kInvalid;
  auto store = open_store(cmd, *registry, *profile, err);
  if (!store) return kInvalid;
  const core::ExportData data = core::collect_export(*store, system_clock().utc_now());
  const std::string json = core::export_to_json(data);
  const std::string target = *parsed->value("-o");
  if (target == "-") {
    out << json;
    return kOk;
  }
  std::string error;
  if (!core::sql::write_file_atomically(target, json, error)) {
    err << "respite export: " << error << '\n';
    return kInvalid;
  }
  out << "exported " << data.completions.size() << " session" << (data.completions.size() == 1 ? "" : "s")
      << " of profile " << profile->alias << " to " << target << '\n';
  return kOk;
}

int cmd_import_impl(const Args& args, std::ostream& out, std::ostream& err) {
  const std::string cmd = "import";
  const auto parsed = parse_command(cmd, args, {{"--data-dir"}, {"--as"}}, err);
  if (!parsed || !require(cmd, *parsed, {"--data-dir"}, 1, err)) return kUsage;
  const std::string file = parsed->positional()[0];
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    err << "respite import: cannot read " << file << '\n';
    return kInvalid;
  }
  std::string json;
  json.resize(core::kMaxExportBytes + 1);
  in.read(json.data(), static_cast<std::streamsize>(json.size()));
  json.resize(static_cast<std::size_t>(in.gcount()));
  const core::ExportReadResult read = core::export_from_json(json, file);
  if (!read.data) {
    for (const std::string& e : read.errors) err << e << '\n';
    err << "respite import: nothing was imported\n";
    return kInvalid;
  }
  const auto as = parsed->value("--as");
  if (as) {
    if (auto invalid = core::validate_alias(*as); !invalid.empty()) {
      err << "respite import: --as '" << *as << "': " << invalid << '\n';
      return kInvalid;
    }
  }
  auto registry = open_registry(cmd, *parsed->value("--data-dir"), true, err);
  if (!registry) return kInvalid;
  const core::ImportOutcome outcome = core::import_export(*registry, *read.data, as);
  print_notices(outcome.notices, err);
  if (!outcome.error.empty()) {
    err << "respite import: " << outcome.error << "; nothing was imported\n";
    return kInvalid;
  }
  out << "imported " << outcome.added << " new session" << (outcome.added == 1 ? "" : "s") << " ("
      << outcome.already_present << " already present) into " << (outcome.created ? "new " : "") << "profile "
      << outcome.profile.alias << '\n';
  return kOk;
}

}  // namespace

int cmd_log(const Args& args, std::ostream& out, std::ostream& err) {
  return cmd_log_impl(args, out, err);
}

int cmd_progress(const Args& args, std::ostream& out, std::ostream& err) {
  return cmd_progress_impl(args, out, err);
}

int cmd_profile(const Args& args, std::ostream& out, std::ostream& err) {
  if (args.empty()) {
    err << "respite profile: expected add, list, remove or set (see 'respite help')\n";
    return kUsage;
  }
  const Args rest(args.begin() + 1, args.end());
  if (args[0] == "add") return profile_add(rest, out, err);
  if (args[0] == "list") return profile_list(rest, out, err);
  if (args[0] == "remove") return profile_remove(rest, out, err);
  if (args[0] == "set") return profile_set(rest, out, err);
  err << "respite profile: unknown subcommand '" << args[0] << "' (add, list, remove, set)\n";
  return kUsage;
}

int cmd_export(const Args& args, std::ostream& out, std::ostream& err) {
  return cmd_export_impl(args, out, err);
}

int cmd_import(const Args& args, std::ostream& out, std::ostream& err) {
  return cmd_import_impl(args, out, err);
}

}  // namespace respite::cli
