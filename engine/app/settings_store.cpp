#include "app/settings_store.h"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>
#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

#include <cctype>
#include <cmath>
#include <fstream>
#include <sstream>

#include "app/options.h"
#include "core/progress/durable_db.h"
#include "core/progress/profiles.h"

namespace respite::app {

namespace fs = std::filesystem;

namespace {

constexpr const char* kFormat = "respite-settings";
constexpr const char* kFileName = "settings.json";

// The same check as --locale's (app/options.h).
bool locale_ok(const std::string& tag) {
  return valid_locale(tag);
}

// "" (from the locale) or an ISO 3166 code, optionally with a subdivision ("GB", "GB-ENG").
bool valid_region(const std::string& code) {
  if (code.empty()) return true;
  if (code.size() < 2 || code.size() > 10) return false;
  for (std::size_t i = 0; i < code.size(); ++i) {
    const char c = code[i];
    const bool upper = c >= 'A' && c <= 'Z';
    const bool digit = c >= '0' && c <= '9';
    if (i < 2 ? !upper : !(upper || digit || (c == '-' && i == 2))) return false;
  }
  return code.size() == 2 || (code[2] == '-' && code.size() > 3);
}

// Reads one member with `read`, which returns false when the value is unusable; then the base's
// value stays and the problem is noted. A missing member is not a problem (an older file).
template <class Read>
void field(const rapidjson::Value& object, const char* name, SettingsRead& out, Read read) {
  const auto member = object.FindMember(name);
  if (member == object.MemberEnd()) return;
  if (!read(member->value)) out.problems.push_back(std::string("\"") + name + "\" has an unusable value");
}

bool read_bool(const rapidjson::Value& v, bool& into) {
  if (!v.IsBool()) return false;
  into = v.GetBool();
  return true;
}

bool read_number(const rapidjson::Value& v, float low, float high, float& into) {
  if (!v.IsNumber()) return false;
  const double d = v.GetDouble();
  if (!std::isfinite(d) || d < low || d > high) return false;
  into = static_cast<float>(d);
  return true;
}

bool read_string(const rapidjson::Value& v, bool (*valid)(const std::string&), std::string& into) {
  if (!v.IsString()) return false;
  std::string value(v.GetString(), v.GetStringLength());
  if (!valid(value)) return false;
  into = std::move(value);
  return true;
}

}  // namespace

bool same_saved_settings(const Settings& a, const Settings& b) {
  return a.theme == b.theme && a.follow_system_theme == b.follow_system_theme &&
         a.reduced_motion == b.reduced_motion && a.sound.mode == b.sound.mode &&
         a.sound.master_volume == b.sound.master_volume && a.sound.muted == b.sound.muted &&
         a.sound.vibration == b.sound.vibration && a.locale == b.locale && a.text_scale == b.text_scale &&
         a.ask_feeling == b.ask_feeling && a.support_region == b.support_region;
}

Settings with_overrides(Settings saved, const SettingsOverrides& overrides) {
  if (overrides.theme) {
    saved.theme = *overrides.theme;
    saved.follow_system_theme = false;
  }
  if (overrides.locale) saved.locale = *overrides.locale;
  if (overrides.text_scale) saved.text_scale = *overrides.text_scale;
  return saved;
}

SettingsRead parse_settings(const std::string& text, const Settings& base) {
  SettingsRead out;
  out.settings = base;
  out.found = true;
  if (text.size() > kMaxSettingsFileBytes) {
    out.problems.push_back("the file is larger than a settings file can be");
    out.unreadable = true;
    return out;
  }
  rapidjson::Document doc;
  doc.Parse(text.c_str(), text.size());
  if (doc.HasParseError()) {
    out.problems.push_back(std::string("not valid JSON at byte ") + std::to_string(doc.GetErrorOffset()) +
                           ": " + rapidjson::GetParseError_En(doc.GetParseError()));
    out.unreadable = true;
    return out;
  }
  if (!doc.IsObject()) {
    out.problems.push_back("the file is not a JSON object");
    out.unreadable = true;
    return out;
  }
  const auto format = doc.FindMember("format");
  if (format != doc.MemberEnd() &&
      !(format->value.IsString() && std::string(format->value.GetString()) == kFormat))
    out.problems.push_back("\"format\" is not \"respite-settings\"");
  // A newer version keeps the fields this one knows (only ever added to); nothing else is checked.
  Settings& s = out.settings;
  field(doc, "theme", out, [&](const rapidjson::Value& v) {
    if (!v.IsString()) return false;
    const auto theme = ui::theme_from_string(v.GetString());
    if (theme) s.theme = *theme;
    return theme.has_value();
  });
  field(doc, "follow_system_theme", out,
        [&](const rapidjson::Value& v) { return read_bool(v, s.follow_system_theme); });
  field(doc, "reduced_motion", out,
        [&](const rapidjson::Value& v) { return read_bool(v, s.reduced_motion); });
  field(doc, "locale", out, [&](const rapidjson::Value& v) { return read_string(v, locale_ok, s.locale); });
  field(doc, "text_scale", out, [&](const rapidjson::Value& v) {
    return read_number(v, ui::kMinTextScale, ui::kMaxTextScale, s.text_scale);
  });
  field(doc, "ask_feeling", out, [&](const rapidjson::Value& v) { return read_bool(v, s.ask_feeling); });
  field(doc, "support_region", out,
        [&](const rapidjson::Value& v) { return read_string(v, valid_region, s.support_region); });
  field(doc, "sound", out, [&](const rapidjson::Value& sound) {
    if (!sound.IsObject()) return false;
    field(sound, "mode", out, [&](const rapidjson::Value& v) {
      if (!v.IsString()) return false;
      const auto mode = core::sound_mode_from_string(v.GetString());
      if (mode) s.sound.mode = *mode;
      return mode.has_value();
    });
    field(sound, "volume", out,
          [&](const rapidjson::Value& v) { return read_number(v, 0.0f, 1.0f, s.sound.master_volume); });
    field(sound, "muted", out, [&](const rapidjson::Value& v) { return read_bool(v, s.sound.muted); });
    field(sound, "vibration", out,
          [&](const rapidjson::Value& v) { return read_bool(v, s.sound.vibration); });
    return true;
  });
  return out;
}

std::string settings_to_json(const Settings& s) {
  rapidjson::StringBuffer buffer;
  rapidjson::PrettyWriter<rapidjson::StringBuffer> json(buffer);
  json.StartObject();
  json.Key("format");
  json.String(kFormat);
  json.Key("version");
  json.Int(kSettingsFormatVersion);
  json.Key("theme");
  json.String(ui::to_string(s.theme));
  json.Key("follow_system_theme");
  json.Bool(s.follow_system_theme);
  json.Key("reduced_motion");
  json.Bool(s.reduced_motion);
  json.Key("sound");
  json.StartObject();
  json.Key("mode");
  json.String(core::to_string(s.sound.mode));
  json.Key("volume");
  json.Double(static_cast<double>(s.sound.volume()));
  json.Key("muted");
  json.Bool(s.sound.muted);
  json.Key("vibration");
  json.Bool(s.sound.vibration);
  json.EndObject();
  json.Key("locale");
  json.String(s.locale.c_str(), static_cast<rapidjson::SizeType>(s.locale.size()));
  json.Key("text_scale");
  json.Double(static_cast<double>(s.text_scale));
  json.Key("ask_feeling");
  json.Bool(s.ask_feeling);
  json.Key("support_region");
  json.String(s.support_region.c_str(), static_cast<rapidjson::SizeType>(s.support_region.size()));
  json.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize()) + "\n";
}

SettingsRead read_settings_file(const fs::path& path, const Settings& base) {
  std::error_code ec;
  if (!fs::exists(path, ec)) {
    SettingsRead out;
    out.settings = base;
    return out;
  }
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  if (in) text << in.rdbuf();
  if (!in) {
    SettingsRead out;
    out.settings = base;
    out.found = true;
    out.problems.push_back("cannot read " + path.string());
    out.unreadable = true;
    return out;
  }
  SettingsRead out = parse_settings(text.str(), base);
  if (out.unreadable) {
    // Nothing of it could be used: keep the text for whoever edited it, then it is replaced.
    fs::copy_file(path, fs::path(path.string() + ".damaged"), fs::copy_options::overwrite_existing, ec);
  }
  return out;
}

std::string write_settings_file(const fs::path& path, const Settings& settings, bool create_folder) {
  std::error_code ec;
  const fs::path folder = path.parent_path();
  if (!folder.empty() && !fs::is_directory(folder, ec)) {
    if (!create_folder) return "the folder " + folder.string() + " does not exist";
    fs::create_directories(folder, ec);
    if (ec) return "cannot create " + folder.string() + ": " + ec.message();
  }
  std::string error;
  if (!core::sql::write_file_atomically(path, settings_to_json(settings), error)) return error;
  return {};
}

fs::path device_settings_path(const fs::path& data_dir) {
  return data_dir / kFileName;
}

fs::path profile_settings_path(const fs::path& data_dir, const std::string& profile_id) {
  return core::ProfileRegistry::profile_dir_in(data_dir, profile_id) / kFileName;
}

}  // namespace respite::app
