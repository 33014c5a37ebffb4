// `respite unit ...` (docs/cli.md, docs/unit-mode.md): a shared unit tablet's settings from a
// script or an MDM. Every command that changes the unit takes --admin-pin and is refused without
// the right one (with the same growing delay after wrong PINs as the app). None of them reads or
// prints anyone's practice: `totals` gives the unit's anonymous week (nothing below three people).
// `reset-admin-pin` is the way back from a forgotten admin PIN for whoever owns the data folder
// (IT, with the device's own rights); it touches no profile.
#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

#include <fstream>
#include <ostream>
#include <sstream>
#include <utility>

#include "cli/args.h"
#include "cli/cli.h"
#include "cli/commands.h"
#include "core/clock.h"
#include "core/progress/profiles.h"
#include "core/progress/streaks.h"
#include "core/progress/unit_store.h"
#include "core/progress/unit_totals.h"
#include "core/signing.h"
#include "core/unit_packs.h"

namespace respite::cli {
namespace {

const core::Clock& clock_now() {
  static const core::SystemClock clock;
  return clock;
}

std::optional<ParsedArgs> parse(const std::string& name, const Args& args, std::vector<FlagSpec> specs,
                                std::size_t positionals, std::ostream& err) {
  return parse_data_command("unit " + name, args, std::move(specs), positionals, err);
}

void print_notices(const std::vector<core::sql::Notice>& notices, std::ostream& err) {
  for (const core::sql::Notice& n : notices) err << "respite: notice: " << n.message << '\n';
}

std::unique_ptr<core::UnitStore> open_unit(const std::string& name, const std::string& dir, bool create,
                                           std::ostream& err) {
  auto opened = core::UnitStore::open(dir, clock_now(), create);
  print_notices(opened.notices, err);
  if (!opened.store) err << "respite unit " << name << ": " << opened.error << '\n';
  return std::move(opened.store);
}

std::unique_ptr<core::ProfileRegistry> open_registry(const std::string& name, const std::string& dir,
                                                     bool create, std::ostream& err) {
  auto opened = core::ProfileRegistry::open(dir, clock_now(), create);
  print_notices(opened.notices, err);
  if (!opened.registry) err << "respite unit " << name << ": " << opened.error << '\n';
  return std::move(opened.registry);
}

// The admin PIN, checked with the persistent delay. Prints why not on failure.
bool admin_ok(const std::string& name, core::UnitStore& unit, const ParsedArgs& args, std::ostream& err) {
  const auto pin = args.value("--admin-pin");
  if (!unit.settings().enabled) {
    err << "respite unit " << name << ": unit mode is off here (turn it on with 'respite unit enable')\n";
    return false;
  }
  if (!pin) {
    err << "respite unit " << name << ": this needs the unit's admin PIN (--admin-pin)\n";
    return false;
  }
  const core::PinCheck check = unit.check_admin_pin(*pin, clock_now().utc_now());
  if (check.accepted()) return true;
  const long long wait = (check.wait.count() + 999) / 1000;
  if (check.verdict == core::PinVerdict::Locked) {
    err << "respite unit " << name << ": too many wrong admin PINs; try again in " << wait << " s\n";
  } else {
    err << "respite unit " << name << ": the admin PIN is wrong";
    if (wait > 0)
      err << " (" << check.failures << " wrong in a row; the next try must wait " << wait << " s)";
    err << '\n';
  }
  return false;
}

std::optional<int> parse_idle(const std::string& name, const ParsedArgs& args, std::ostream& err) {
  const auto text = args.value("--idle");
  if (!text) return std::nullopt;
  const bool digits =
      !text->empty() && text->size() <= 5 && text->find_first_not_of("0123456789") == std::string::npos;
  const int seconds = digits ? std::stoi(*text) : -1;
  if (seconds < core::kMinIdleTimeoutSeconds || seconds > core::kMaxIdleTimeoutSeconds) {
    err << "respite unit " << name << ": --idle '" << *text << "' must be a number of seconds from "
        << core::kMinIdleTimeoutSeconds << " to " << core::kMaxIdleTimeoutSeconds << '\n';
    return -1;
  }
  return seconds;
}

int unit_enable(const Args& a, std::ostream& out, std::ostream& err) {
  auto args = parse("enable", a, {{"--admin-pin"}, {"--idle"}}, 0, err);
  if (!args) return kUsage;
  const auto pin = args->value("--admin-pin");
  if (!pin) {
    err << "respite unit enable: missing --admin-pin (6 to 8 digits)\n";
    return kUsage;
  }
  if (auto invalid = core::validate_admin_pin(*pin); !invalid.empty()) {
    err << "respite unit enable: --admin-pin: " << invalid << '\n';
    return kInvalid;
  }
  const auto idle = parse_idle("enable", *args, err);
  if (idle && *idle < 0) return kInvalid;
  auto unit = open_unit("enable", *args->value("--data-dir"), true, err);
  if (!unit) return kInvalid;
  if (auto error = unit->enable(*pin); !error.empty()) {
    err << "respite unit enable: " << error << '\n';
    return kInvalid;
  }
  if (idle) unit->set_idle_timeout(*idle);
  out << "unit mode on: the app shows the profile picker and returns to it after "
      << unit->settings().idle_timeout_seconds << " s without input\n";
  return kOk;
}

int unit_status(const Args& a, std::ostream& out, std::ostream& err) {
  auto args = parse("status", a, {{"--json", false}}, 0, err);
  if (!args) return kUsage;
  auto unit = open_unit("status", *args->value("--data-dir"), false, err);
  if (!unit) return kInvalid;
  const core::UnitSettings s = unit->settings();
  const auto keys = unit->trusted_keys();
  if (args->has("--json")) {
    rapidjson::StringBuffer buffer;
    rapidjson::PrettyWriter<rapidjson::StringBuffer> json(buffer);
    json.StartObject();
    json.Key("unit_mode");
    json.Bool(s.enabled);
    json.Key("idle_seconds");
    json.Int(s.idle_timeout_seconds);
    json.Key("trusted_keys");
    json.StartArray();
    for (const core::TrustedKey& k : keys) {
      json.StartObject();
      json.Key("key_id");
      json.String(k.key_id.c_str());
      json.Key("label");
      json.String(k.label.c_str());
      json.EndObject();
    }
    json.EndArray();
    json.EndObject();
    out << buffer.GetString() << '\n';
    return kOk;
  }
  out << "unit mode " << (s.enabled ? "on" : "off") << ", back to the picker after " << s.idle_timeout_seconds
      << " s, " << keys.size() << " trusted key" << (keys.size() == 1 ? "" : "s") << '\n';
  return kOk;
}

int unit_set(const Args& a, std::ostream& out, std::ostream& err) {
  auto args = parse("set", a, {{"--admin-pin"}, {"--idle"}, {"--new-admin-pin"}}, 0, err);
  if (!args) return kUsage;
  const auto idle = parse_idle("set", *args, err);
  if (idle && *idle < 0) return kInvalid;
  const auto fresh = args->value("--new-admin-pin");
  if (fresh) {
    if (auto invalid = core::validate_admin_pin(*fresh); !invalid.empty()) {
      err << "respite unit set: --new-admin-pin: " << invalid << '\n';
      return kInvalid;
    }
  }
  if (!idle && !fresh) {
    err << "respite unit set: nothing to change (give --idle or --new-admin-pin)\n";
    return kUsage;
  }
  auto unit = open_unit("set", *args->value("--data-dir"), false, err);
  if (!unit) return kInvalid;
  if (!admin_ok("set", *unit, *args, err)) return kInvalid;
  if (idle) {
    if (auto error = unit->set_idle_timeout(*idle); !error.empty()) {
      err << "respite unit set: " << error << '\n';
      return kInvalid;
    }
  }
  if (fresh) {
    if (auto error = unit->set_admin_pin(*fresh); !error.empty()) {
      err << "respite unit set: " << error << '\n';
      return kInvalid;
    }
  }
  out << "unit settings saved\n";
  return kOk;
}

int unit_disable(const Args& a, std::ostream& out, std::ostream& err) {
  auto args = parse("disable", a, {{"--admin-pin"}}, 0, err);
  if (!args) return kUsage;
  auto unit = open_unit("disable", *args->value("--data-dir"), false, err);
  if (!unit) return kInvalid;
  if (!admin_ok("disable", *unit, *args, err)) return kInvalid;
  if (auto error = unit->disable(); !error.empty()) {
    err << "respite unit disable: " << error << '\n';
    return kInvalid;
  }
  out << "unit mode off; profiles and their data are unchanged\n";
  return kOk;
}

int unit_reset_admin_pin(const Args& a, std::ostream& out, std::ostream& err) {
  auto args = parse("reset-admin-pin", a, {{"--new-admin-pin"}}, 0, err);
  if (!args) return kUsage;
  const auto fresh = args->value("--new-admin-pin");
  if (!fresh) {
    err << "respite unit reset-admin-pin: missing --new-admin-pin\n";
    return kUsage;
  }
  if (auto invalid = core::validate_admin_pin(*fresh); !invalid.empty()) {
    err << "respite unit reset-admin-pin: --new-admin-pin: " << invalid << '\n';
    return kInvalid;
  }
  auto unit = open_unit("reset-admin-pin", *args->value("--data-dir"), false, err);
  if (!unit) return kInvalid;
  if (!unit->settings().enabled) {
    err << "respite unit reset-admin-pin: unit mode is off here\n";
    return kInvalid;
  }
  if (auto error = unit->set_admin_pin(*fresh); !error.empty()) {
    err << "respite unit reset-admin-pin: " << error << '\n';
    return kInvalid;
  }
  out << "admin PIN replaced; no profile was touched\n";
  return kOk;
}

int unit_profile_op(const std::string& name, bool reset, const Args& a, std::ostream& out,
                    std::ostream& err) {
  auto args = parse(name, a, {{"--admin-pin"}}, 1, err);
  if (!args) return kUsage;
  const std::string dir = *args->value("--data-dir");
  auto unit = open_unit(name, dir, false, err);
  if (!unit) return kInvalid;
  if (!admin_ok(name, *unit, *args, err)) return kInvalid;
  auto registry = open_registry(name, dir, false, err);
  if (!registry) return kInvalid;
  const std::string alias = args->positional()[0];
  const auto profile = registry->find(alias);
  if (!profile) {
    err << "respite unit " << name << ": no profile named '" << alias << "'\n";
    return kInvalid;
  }
  if (auto error = registry->remove(alias); !error.empty()) {
    err << "respite unit " << name << ": " << error << '\n';
    return kInvalid;
  }
  unit->forget_profile(profile->profile_id);
  std::error_code ec;
  std::filesystem::remove_all(std::filesystem::path(dir) / "exports" / profile->profile_id, ec);
  if (reset) {
    auto added = registry->add(profile->alias, std::nullopt);
    if (!added.profile) {
      err << "respite unit " << name << ": " << added.error << '\n';
      return kInvalid;
    }
    out << "reset " << profile->alias
        << ": the practice history was deleted; the profile starts again without a PIN\n";
  } else {
    out << "removed " << profile->alias << " and all of its data\n";
  }
  return kOk;
}

int unit_trust_key(const Args& a, std::ostream& out, std::ostream& err) {
  auto args = parse("trust-key", a, {{"--admin-pin"}, {"--label"}}, 1, err);
  if (!args) return kUsage;
  const std::string file = args->positional()[0];
  std::ifstream in(file, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  if (!in && !in.eof()) {
    err << "respite unit trust-key: cannot read " << file << '\n';
    return kInvalid;
  }
  std::string error;
  const auto key = core::parse_public_key(text.str(), error);
  if (!key) {
    err << "respite unit trust-key: " << file << ": " << error << '\n';
    return kInvalid;
  }
  auto unit = open_unit("trust-key", *args->value("--data-dir"), false, err);
  if (!unit) return kInvalid;
  if (!admin_ok("trust-key", *unit, *args, err)) return kInvalid;
  if (auto e = unit->add_trusted_key(*key, args->value("--label").value_or(""), clock_now().utc_now());
      !e.empty()) {
    err << "respite unit trust-key: " << e << '\n';
    return kInvalid;
  }
  out << "trusted key " << core::key_id(*key) << '\n';
  return kOk;
}

int unit_untrust_key(const Args& a, std::ostream& out, std::ostream& err) {
  auto args = parse("untrust-key", a, {{"--admin-pin"}}, 1, err);
  if (!args) return kUsage;
  auto unit = open_unit("untrust-key", *args->value("--data-dir"), false, err);
  if (!unit) return kInvalid;
  if (!admin_ok("untrust-key", *unit, *args, err)) return kInvalid;
  if (auto e = unit->remove_trusted_key(args->positional()[0]); !e.empty()) {
    err << "respite unit untrust-key: " << e << '\n';
    return kInvalid;
  }
  out << "no longer trusted: " << args->positional()[0] << '\n';
  return kOk;
}

int unit_install_pack(const Args& a, std::ostream& out, std::ostream& err) {
  auto args = parse("install-pack", a, {{"--admin-pin"}, {"--signature"}}, 1, err);
  if (!args) return kUsage;
  const std::string dir = *args->value("--data-dir");
  auto unit = open_unit("install-pack", dir, false, err);
  if (!unit) return kInvalid;
  if (!admin_ok("install-pack", *unit, *args, err)) return kInvalid;
  const core::PackInstallResult result = core::install_unit_pack(
      dir, args->positional()[0], args->value("--signature").value_or(""), unit->trusted_public_keys());
  if (!result.error.empty()) {
    err << "respite unit install-pack: " << result.error << '\n';
    return kInvalid;
  }
  out << "installed " << result.installed_path << " (signed by trusted key " << result.signature.key_id
      << "); the app loads it at its next start\n";
  return kOk;
}

int unit_totals(const Args& a, std::ostream& out, std::ostream& err) {
  auto args = parse("totals", a, {{"--today"}, {"--json", false}}, 0, err);
  if (!args) return kUsage;
  core::CivilDate today;
  if (auto text = args->value("--today")) {
    const auto day = core::CivilDate::parse(*text);
    if (!day) {
      err << "respite unit totals: --today '" << *text << "' is not a date YYYY-MM-DD\n";
      return kInvalid;
    }
    today = *day;
  } else {
    today = core::practice_today(clock_now(), core::ProfileSettings{});
  }
  auto registry = open_registry("totals", *args->value("--data-dir"), false, err);
  if (!registry) return kInvalid;
  std::vector<std::vector<core::CompletionRecord>> logs;
  for (const core::ProfileInfo& info : registry->list()) {
    auto opened = registry->open_store(info);
    if (opened.store) logs.push_back(opened.store->completions());
  }
  const core::UnitWeekTotals totals = core::unit_week_totals(logs, today);
  if (args->has("--json")) {
    rapidjson::StringBuffer buffer;
    rapidjson::PrettyWriter<rapidjson::StringBuffer> json(buffer);
    json.StartObject();
    json.Key("week_of");
    json.String(totals.monday.to_string().c_str());
    json.Key("shown");
    json.Bool(totals.shown);
    json.Key("sessions");
    totals.shown ? json.Int(totals.sessions) : json.Null();
    json.Key("active_minutes");
    totals.shown ? json.Int64(totals.active.count() / 60000) : json.Null();
    json.EndObject();
    out << buffer.GetString() << '\n';
    return kOk;
  }
  if (!totals.shown) {
    out << "week of " << totals.monday.to_string() << ": fewer than " << core::kUnitTotalsMinProfiles
        << " people practised; nothing is shown\n";
  } else {
    out << "week of " << totals.monday.to_string() << ": " << totals.sessions << " sessions, "
        << totals.active.count() / 60000 << " minutes\n";
  }
  return kOk;
}

}  // namespace

int cmd_unit(const Args& args, std::ostream& out, std::ostream& err) {
  const char* kSubcommands =
      "enable, status, set, disable, reset-admin-pin, remove-profile, reset-profile, trust-key, untrust-key, "
      "install-pack or totals";
  if (args.empty()) {
    err << "respite unit: expected " << kSubcommands << " (see 'respite help')\n";
    return kUsage;
  }
  const Args rest(args.begin() + 1, args.end());
  const std::string& sub = args[0];
  if (sub == "enable") return unit_enable(rest, out, err);
  if (sub == "status") return unit_status(rest, out, err);
  if (sub == "set") return unit_set(rest, out, err);
  if (sub == "disable") return unit_disable(rest, out, err);
  if (sub == "reset-admin-pin") return unit_reset_admin_pin(rest, out, err);
  if (sub == "remove-profile") return unit_profile_op("remove-profile", false, rest, out, err);
  if (sub == "reset-profile") return unit_profile_op("reset-profile", true, rest, out, err);
  if (sub == "trust-key") return unit_trust_key(rest, out, err);
  if (sub == "untrust-key") return unit_untrust_key(rest, out, err);
  if (sub == "install-pack") return unit_install_pack(rest, out, err);
  if (sub == "totals") return unit_totals(rest, out, err);
  err << "respite unit: unknown subcommand '" << sub << "' (" << kSubcommands << ")\n";
  return kUsage;
}

}  // namespace respite::cli
