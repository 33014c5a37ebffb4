// The design tokens: contrast of every text/background pair in every theme (WCAG 2 relative
// luminance, computed here and checked against known values), the text-size curve, theme and
// safe-area parsing, and what "follow the system" resolves to.
#include <catch2/catch.hpp>

#include <cstdlib>

#include "ui/theme.h"

using namespace respite;

namespace {

constexpr ImU32 rgb(unsigned value) {
  return IM_COL32((value >> 16) & 0xFF, (value >> 8) & 0xFF, value & 0xFF, 255);
}

// Sets an environment variable for the life of the object.
class ScopedEnv {
 public:
  ScopedEnv(const char* name, const char* value) : name_(name) {
    if (const char* old = std::getenv(name)) old_ = old;
    if (value != nullptr) {
      ::setenv(name, value, 1);
    } else {
      ::unsetenv(name);
    }
  }
  ~ScopedEnv() {
    if (old_.empty()) {
      ::unsetenv(name_);
    } else {
      ::setenv(name_, old_.c_str(), 1);
    }
  }

 private:
  const char* name_;
  std::string old_;
};

}  // namespace

TEST_CASE("relative luminance and contrast follow the WCAG formula", "[headless][ui][theme]") {
  // Reference values: black 0, white 1, mid grey #808080 0.2159 (sRGB linearised, not 0.5).
  CHECK(ui::relative_luminance(rgb(0x000000)) == Approx(0.0));
  CHECK(ui::relative_luminance(rgb(0xFFFFFF)) == Approx(1.0));
  CHECK(ui::relative_luminance(rgb(0x808080)) == Approx(0.2159).epsilon(0.001));
  // Channel weights: pure green is far brighter than pure blue.
  CHECK(ui::relative_luminance(rgb(0x00FF00)) == Approx(0.7152));
  CHECK(ui::relative_luminance(rgb(0x0000FF)) == Approx(0.0722));
  CHECK(ui::contrast_ratio(rgb(0x000000), rgb(0xFFFFFF)) == Approx(21.0));
  CHECK(ui::contrast_ratio(rgb(0xFFFFFF), rgb(0x000000)) == Approx(21.0));  // order does not matter
  // #767676 on white is the well-known lightest AA grey (4.54:1); #777777 just fails (4.48:1).
  CHECK(ui::contrast_ratio(rgb(0x767676), rgb(0xFFFFFF)) == Approx(4.54).epsilon(0.005));
  CHECK(ui::contrast_ratio(rgb(0x777777), rgb(0xFFFFFF)) < 4.5);
  // Alpha is ignored: luminance is of the colour itself.
  CHECK(ui::relative_luminance(rgb(0x2C6E70) & ~IM_COL32_A_MASK) ==
        Approx(ui::relative_luminance(rgb(0x2C6E70))));
}

TEST_CASE("every theme's text and control colours meet WCAG contrast", "[headless][ui][theme]") {
  for (ui::ThemeName name : ui::kAllThemes) {
    const ui::Theme theme = ui::make_theme(name, 1.0f);
    const std::vector<ui::ColourPair> pairs = ui::colour_pairs(theme);
    REQUIRE(pairs.size() >= 20);
    int text_pairs = 0;
    for (const ui::ColourPair& pair : pairs) {
      const double ratio = ui::contrast_ratio(pair.foreground, pair.background);
      INFO(ui::to_string(name) << ": " << pair.name << " " << ratio << ":1, needs " << pair.minimum << ":1");
      CHECK(ratio >= pair.minimum);
      if (pair.minimum >= 4.5) ++text_pairs;
    }
    CHECK(text_pairs >= 14);
    // High contrast means AAA for its text.
    if (name == ui::ThemeName::HighContrast) {
      CHECK(ui::contrast_ratio(theme.palette.text_muted, theme.palette.background) >= 7.0);
      CHECK(ui::contrast_ratio(theme.palette.on_primary, theme.palette.primary) >= 7.0);
    }
    // The pairs are the palette's own colours, not constants.
    CHECK(pairs.front().foreground == theme.palette.text);
    CHECK(pairs.front().background == theme.palette.background);
  }
  // Black is truly black (pixels off on OLED); light and dark are not pure.
  CHECK(ui::make_theme(ui::ThemeName::Black, 1.0f).palette.background == rgb(0x000000));
  CHECK(ui::make_theme(ui::ThemeName::Dark, 1.0f).palette.background != rgb(0x000000));
}

TEST_CASE("text size grows small text fully and large text less", "[headless][ui][theme]") {
  CHECK(ui::scaled_type_size(17.0f, 1.0f) == Approx(17.0f));
  CHECK(ui::scaled_type_size(17.0f, 2.0f) == Approx(34.0f));
  CHECK(ui::scaled_type_size(14.0f, 2.0f) == Approx(28.0f));
  const float title = ui::scaled_type_size(26.0f, 2.0f);
  CHECK(title > 26.0f * 1.5f);
  CHECK(title < 26.0f * 2.0f);
  CHECK(ui::scaled_type_size(64.0f, 2.0f) == Approx(64.0f * 1.35f));
  // Clamped to 100..200 %.
  CHECK(ui::scaled_type_size(17.0f, 3.0f) == Approx(34.0f));
  CHECK(ui::scaled_type_size(17.0f, 0.5f) == Approx(17.0f));
  // Monotonic in both the size and the setting, so a larger style never becomes smaller.
  float previous = 0.0f;
  for (float size : {14.0f, 17.0f, 18.0f, 21.0f, 26.0f, 64.0f}) {
    const float scaled = ui::scaled_type_size(size, 2.0f);
    CHECK(scaled > previous);
    previous = scaled;
  }
  const ui::Theme big = ui::make_theme(ui::ThemeName::Light, 2.0f, 2.0f);
  CHECK(big.type.body == Approx(34.0f));
  CHECK(big.px(big.type.body) == Approx(68.0f));
  CHECK(big.metrics.touch_min == Approx(48.0f));  // targets do not shrink or grow with text
}

TEST_CASE("theme names, safe areas and the system theme", "[headless][ui][theme]") {
  for (ui::ThemeName name : ui::kAllThemes) CHECK(ui::theme_from_string(ui::to_string(name)) == name);
  CHECK_FALSE(ui::theme_from_string("Dark").has_value());
  CHECK_FALSE(ui::theme_from_string("system").has_value());

  const auto all = ui::insets_from_string("12");
  REQUIRE(all);
  CHECK(all->top == 12.0f);
  CHECK(all->left == 12.0f);
  const auto four = ui::insets_from_string("44,0,34,0");
  REQUIRE(four);
  CHECK(four->top == 44.0f);
  CHECK(four->right == 0.0f);
  CHECK(four->bottom == 34.0f);
  for (const char* bad : {"", "1,2", "1,2,3", "1,2,3,4,5", "-1", "201", "a", "1,,2,3", "1,2,3,4,", "nan"}) {
    INFO(bad);
    CHECK_FALSE(ui::insets_from_string(bad).has_value());
  }

  {
    ScopedEnv theme("RESPITE_THEME", "black");
    ScopedEnv gtk("GTK_THEME", "Adwaita:dark");
    CHECK(ui::system_theme_from_environment() == ui::ThemeName::Black);
  }
  {
    ScopedEnv theme("RESPITE_THEME", nullptr);
    ScopedEnv gtk("GTK_THEME", "Adwaita:dark");
    CHECK(ui::system_theme_from_environment() == ui::ThemeName::Dark);
  }
  {
    ScopedEnv theme("RESPITE_THEME", "purple");
    ScopedEnv gtk("GTK_THEME", nullptr);
    CHECK(ui::system_theme_from_environment() == ui::ThemeName::Light);
  }
}
