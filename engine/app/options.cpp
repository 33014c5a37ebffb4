#include "app/options.h"

#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstdlib>

#include "cli/args.h"

namespace respite::app {
namespace {

bool all_digits(const std::string& text) {
  if (text.empty() || text.size() > 6) return false;
  for (char c : text) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

// A plain decimal number: digits with at most one '.', no sign, exponent, spaces, "nan" or "inf".
bool parse_decimal(const std::string& text, double& value) {
  if (text.empty() || text.size() > 32) return false;
  int dots = 0;
  int digits = 0;
  for (char c : text) {
    if (c == '.') {
      ++dots;
    } else if (std::isdigit(static_cast<unsigned char>(c))) {
      ++digits;
    } else {
      return false;
    }
  }
  if (dots > 1 || digits == 0) return false;
  errno = 0;
  char* end = nullptr;
  value = std::strtod(text.c_str(), &end);
  return errno == 0 && end == text.c_str() + text.size() && std::isfinite(value);
}

int scaled(int side, float scale) {
  return static_cast<int>(std::lround(static_cast<double>(side) * scale));
}

bool check_pixels(int width, int height, float scale, std::string& error) {
  if (scaled(width, scale) > kMaxPixels || scaled(height, scale) > kMaxPixels) {
    error = "--size " + std::to_string(width) + "x" + std::to_string(height) + " at --scale " +
            std::to_string(scale) + " is larger than " + std::to_string(kMaxPixels) + " pixels on a side";
    return false;
  }
  return true;
}

}  // namespace

int ShotOptions::pixel_width() const {
  return scaled(width, scale);
}
int ShotOptions::pixel_height() const {
  return scaled(height, scale);
}

bool parse_size(const std::string& flag, const std::string& text, int& width, int& height,
                std::string& error) {
  const auto x = text.find('x');
  const std::string w = x == std::string::npos ? "" : text.substr(0, x);
  const std::string h = x == std::string::npos ? "" : text.substr(x + 1);
  if (!all_digits(w) || !all_digits(h)) {
    error = flag + " '" + text + "': expected WIDTHxHEIGHT in dp, e.g. 390x844";
    return false;
  }
  const int wv = std::atoi(w.c_str());
  const int hv = std::atoi(h.c_str());
  if (wv < kMinSide || hv < kMinSide || wv > kMaxSide || hv > kMaxSide) {
    error = flag + " '" + text + "': each side must be between " + std::to_string(kMinSide) + " and " +
            std::to_string(kMaxSide) + " dp";
    return false;
  }
  width = wv;
  height = hv;
  return true;
}

bool parse_scale(const std::string& flag, const std::string& text, float& scale, std::string& error) {
  double value = 0.0;
  if (!parse_decimal(text, value) || value < kMinScale || value > kMaxScale) {
    error = flag + " '" + text + "': expected a number from 0.5 to 4 (pixels per dp, e.g. 2)";
    return false;
  }
  scale = static_cast<float>(value);
  return true;
}

bool parse_seconds(const std::string& flag, const std::string& text, double& seconds, std::string& error) {
  double value = 0.0;
  if (!parse_decimal(text, value) || value > kMaxAtSeconds) {
    error = flag + " '" + text + "': expected seconds as a number from 0 to 86400, e.g. 37.5";
    return false;
  }
  seconds = value;
  return true;
}

bool valid_locale(const std::string& text) {
  // BCP 47-ish: a 2-3 letter language, then optional subtags of 2-8 letters or digits.
  std::size_t i = 0;
  std::size_t language = 0;
  while (i < text.size() && std::islower(static_cast<unsigned char>(text[i]))) ++i, ++language;
  if (language < 2 || language > 3) return false;
  while (i < text.size()) {
    if (text[i] != '-' && text[i] != '_') return false;
    ++i;
    std::size_t length = 0;
    while (i < text.size() && std::isalnum(static_cast<unsigned char>(text[i]))) ++i, ++length;
    if (length < 2 || length > 8) return false;
  }
  return true;
}

bool parse_theme(const std::string& flag, const std::string& text, ui::ThemeName& theme, std::string& error) {
  const auto name = ui::theme_from_string(text);
  if (!name) {
    error = flag + " '" + text + "': expected light, dark, black or high-contrast";
    return false;
  }
  theme = *name;
  return true;
}

bool parse_text_scale(const std::string& flag, const std::string& text, float& scale, std::string& error) {
  char* end = nullptr;
  const float value = std::strtof(text.c_str(), &end);
  if (text.empty() || end == text.c_str() || *end != '\0' || !std::isfinite(value) ||
      value < ui::kMinTextScale || value > ui::kMaxTextScale) {
    error = flag + " '" + text + "': expected a text size from 1 (100 %) to 2 (200 %)";
    return false;
  }
  scale = value;
  return true;
}

bool parse_safe_area(const std::string& flag, const std::string& text, ui::Insets& insets,
                     std::string& error) {
  const auto parsed = ui::insets_from_string(text);
  if (!parsed) {
    error =
        flag + " '" + text + "': expected TOP,RIGHT,BOTTOM,LEFT in dp (0-200 each), or one number for all";
    return false;
  }
  insets = *parsed;
  return true;
}

std::optional<AppOptions> parse_app_options(const std::vector<std::string>& args, std::string& error) {
  const std::vector<cli::FlagSpec> specs = {{"--data-dir"},
                                            {"--pack", true, true},
                                            {"--size"},
                                            {"--scale"},
                                            {"--theme"},
                                            {"--locale"},
                                            {"--text-scale"},
                                            {"--safe-area"},
                                            {"--exit-after-frames"},
                                            {"--kiosk", false},
                                            {"--watch", false}};
  std::string parse_error;
  const auto parsed = cli::parse_args(args, specs, parse_error);
  if (!parsed) {
    error = parse_error;
    return std::nullopt;
  }
  if (!parsed->positional().empty()) {
    error = "unexpected argument '" + parsed->positional().front() + "'";
    return std::nullopt;
  }
  AppOptions options;
  options.data_dir = parsed->value("--data-dir").value_or("");
  if (parsed->has("--data-dir") && options.data_dir.empty()) {
    error = "--data-dir needs a folder";
    return std::nullopt;
  }
  options.packs = parsed->values("--pack");
  // --watch reloads the packs being edited; without --pack there is nothing of the person's to watch.
  options.watch = parsed->has("--watch");
  if (options.watch && options.packs.empty()) {
    error = "--watch needs --pack DIR (the pack folder you are editing)";
    return std::nullopt;
  }
  if (auto size = parsed->value("--size")) {
    if (!parse_size("--size", *size, options.width, options.height, error)) return std::nullopt;
  }
  if (auto scale = parsed->value("--scale")) {
    float value = 1.0f;
    if (!parse_scale("--scale", *scale, value, error)) return std::nullopt;
    if (!check_pixels(options.width, options.height, value, error)) return std::nullopt;
    options.scale = value;
  }
  if (auto theme = parsed->value("--theme")) {
    ui::ThemeName name = ui::ThemeName::Light;
    if (*theme != "system") {
      if (!parse_theme("--theme", *theme, name, error)) return std::nullopt;
      options.theme = name;
    }
  }
  if (auto locale = parsed->value("--locale")) {
    if (!valid_locale(*locale)) {
      error = "--locale '" + *locale + "': expected a language tag such as en, es or es-MX";
      return std::nullopt;
    }
    options.locale = *locale;
  }
  if (auto text_scale = parsed->value("--text-scale")) {
    float value = 1.0f;
    if (!parse_text_scale("--text-scale", *text_scale, value, error)) return std::nullopt;
    options.text_scale = value;
  }
  if (auto safe = parsed->value("--safe-area")) {
    ui::Insets insets;
    if (!parse_safe_area("--safe-area", *safe, insets, error)) return std::nullopt;
    options.safe_area = insets;
  }
  if (auto frames = parsed->value("--exit-after-frames")) {
    if (!all_digits(*frames) || std::atoi(frames->c_str()) < 1) {
      error = "--exit-after-frames '" + *frames + "': expected a whole number of frames, at least 1";
      return std::nullopt;
    }
    options.exit_after_frames = static_cast<std::uint64_t>(std::atoi(frames->c_str()));
  }
  options.kiosk = parsed->has("--kiosk");
  return options;
}

std::optional<ShotOptions> parse_shot_options(const std::vector<std::string>& args, std::string& error) {
  const std::vector<cli::FlagSpec> specs = {
      {"--route"},      {"--at"},        {"--size"},     {"--scale"},
      {"--theme"},      {"--locale"},    {"--data-dir"}, {"--pack", true, true},
      {"--text-scale"}, {"--safe-area"}, {"-o"},         {"--profile"},
      {"--now"}};
  std::string parse_error;
  const auto parsed = cli::parse_args(args, specs, parse_error);
  if (!parsed) {
    error = parse_error;
    return std::nullopt;
  }
  if (!parsed->positional().empty()) {
    error = "unexpected argument '" + parsed->positional().front() + "'";
    return std::nullopt;
  }
  ShotOptions options;
  const auto route = parsed->value("--route");
  if (!route || route->empty()) {
    error =
        "--route is required (home, library, play/PACK_ID/ITEM_ID, module/PACK_ID/ITEM_ID/PAGE, "
        "program/PACK_ID/ITEM_ID, settings, support, about)";
    return std::nullopt;
  }
  options.route = *route;
  const auto output = parsed->value("-o");
  if (!output || output->empty()) {
    error = "-o OUT.png is required";
    return std::nullopt;
  }
  if (output->size() < 5 || output->compare(output->size() - 4, 4, ".png") != 0) {
    error = "-o '" + *output + "': the output must be a .png file";
    return std::nullopt;
  }
  options.output = *output;
  if (auto at = parsed->value("--at")) {
    double seconds = 0.0;
    if (!parse_seconds("--at", *at, seconds, error)) return std::nullopt;
    if (options.route.rfind("play/", 0) != 0) {
      error = "--at sets the session clock and applies only to play/PACK_ID/ITEM_ID routes, not '" +
              options.route + "'";
      return std::nullopt;
    }
    options.at = seconds;
  }
  if (auto size = parsed->value("--size")) {
    if (!parse_size("--size", *size, options.width, options.height, error)) return std::nullopt;
  }
  if (auto scale = parsed->value("--scale")) {
    if (!parse_scale("--scale", *scale, options.scale, error)) return std::nullopt;
  }
  if (!check_pixels(options.width, options.height, options.scale, error)) return std::nullopt;
  if (auto theme = parsed->value("--theme")) {
    if (!parse_theme("--theme", *theme, options.theme, error)) return std::nullopt;
  }
  if (auto text_scale = parsed->value("--text-scale")) {
    if (!parse_text_scale("--text-scale", *text_scale, options.text_scale, error)) return std::nullopt;
  }
  if (auto safe = parsed->value("--safe-area")) {
    if (!parse_safe_area("--safe-area", *safe, options.safe_area, error)) return std::nullopt;
  }
  if (auto locale = parsed->value("--locale")) {
    if (!valid_locale(*locale)) {
      error = "--locale '" + *locale + "': expected a language tag such as en, es or es-MX";
      return std::nullopt;
    }
    options.locale = *locale;
  }
  options.data_dir = parsed->value("--data-dir").value_or("");
  if (parsed->has("--data-dir") && options.data_dir.empty()) {
    error = "--data-dir needs a folder";
    return std::nullopt;
  }
  options.packs = parsed->values("--pack");
  if (auto profile = parsed->value("--profile")) {
    if (options.data_dir.empty()) {
      error = "--profile needs --data-dir (the folder that holds the profiles)";
      return std::nullopt;
    }
    options.profile = *profile;
  }
  if (auto now = parsed->value("--now")) {
    std::string why;
    const auto parsed_now = core::parse_iso8601_with_offset(*now, why);
    if (!parsed_now) {
      error = "--now '" + *now + "': " + why;
      return std::nullopt;
    }
    options.now = *parsed_now;
  }
  return options;
}

}  // namespace respite::app
