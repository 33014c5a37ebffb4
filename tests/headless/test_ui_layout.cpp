// Layout under stress: every screen at 200 % text on the smallest supported phones (360x640 and
// 390x844 dp), in English and Spanish, must keep every text item inside the box it belongs to
// (a button's label inside the button, a card's text inside the card, page text inside the
// screen). The UI records each text item with its container (ui::LayoutAudit); this test renders
// the real screens and checks every record. Also: every key the screens ask for exists in both
// translation files, layouts reflow on resize, and touch targets stay at least 48 dp.
#include <catch2/catch.hpp>

#include <imgui_internal.h>

#include <set>
#include <sstream>

#include "ui_harness.h"

using namespace respite;
using testing::UiHarness;

namespace {

// Every screen and state worth auditing, by route (play routes take a time into the session).
struct Scene {
  std::string route;
  double at = -1.0;      // seconds into a session; past its end shows the completion screen
  bool pause = false;    // the player, paused by the person
  bool feeling = false;  // completion with the feeling check answered
};

std::vector<Scene> scenes(const core::Catalog& catalog) {
  std::vector<Scene> out = {{"home"}, {"library"}, {"settings"}, {"support"}, {"about"}};
  for (const core::Pack& pack : catalog.packs) {
    for (const core::Item& item : pack.items) {
      const std::string ref = pack.id + "/" + item.id;
      switch (item.kind) {
        case core::ItemKind::Breathing:
        case core::ItemKind::MicroBreak:
          out.push_back({"play/" + ref, 3.5});
          break;
        case core::ItemKind::Module:
          for (std::size_t page = 0; page < item.module.pages.size(); ++page) {
            out.push_back({"module/" + ref + "/" + std::to_string(page + 1)});
          }
          break;
        case core::ItemKind::Program:
          out.push_back({"program/" + ref});
          break;
      }
    }
  }
  out.push_back({"play/clinician-essentials/two-minute-reset", 20.0, true});
  out.push_back({"play/clinician-essentials/two-minute-reset", 500.0});
  out.push_back({"play/clinician-essentials/two-minute-reset", 500.0, false, true});
  return out;
}

void show(UiHarness& h, const Scene& scene) {
  h.show(scene.route);
  if (scene.at >= 0.0) {
    h.clock.advance(testing::seconds(scene.at));
    h.model->update();
    if (scene.pause) {
      ui::UiAction pause;
      pause.kind = ui::ActionKind::Pause;
      h.model->apply(pause);
    }
    if (scene.feeling) {
      ui::UiAction answer;
      answer.kind = ui::ActionKind::AnswerFeeling;
      answer.value = 4;
      h.model->apply(answer);
    }
    h.settle();
  }
}

bool scrolls(const char* window) {
  ImGuiWindow* w = ImGui::FindWindowByName(window);
  return w != nullptr && w->ScrollMax.y > 0.0f;
}

std::string describe(const ui::LayoutAudit::Entry& e) {
  std::ostringstream out;
  out << "'" << e.text << "' at (" << e.min.x << "," << e.min.y << ")-(" << e.max.x << "," << e.max.y
      << ") must fit (" << e.container_min.x << "," << e.container_min.y << ")-(" << e.container_max.x << ","
      << e.container_max.y << ")";
  return out.str();
}

bool overlaps(ImVec2 a_min, ImVec2 a_max, ImVec2 b_min, ImVec2 b_max, float slack) {
  return a_min.x < b_max.x - slack && b_min.x < a_max.x - slack && a_min.y < b_max.y - slack &&
         b_min.y < a_max.y - slack;
}

bool within(ImVec2 a_min, ImVec2 a_max, ImVec2 b_min, ImVec2 b_max, float slack) {
  return a_min.x >= b_min.x - slack && a_max.x <= b_max.x + slack && a_min.y >= b_min.y - slack &&
         a_max.y <= b_max.y + slack;
}

// Checks the audit of the last frame; returns the number of problems (each one INFO'd): text
// outside its box or the screen, a word split across lines, or text partly over a control it
// does not belong to (two things drawn on top of each other).
int check_audit(const ui::LayoutAudit& audit, float display_w, float display_h, bool page_scrolls) {
  constexpr float kSlack = 1.0f;  // sub-pixel rounding of snapped text positions
  int problems = 0;
  for (const ui::LayoutAudit::Entry& e : audit.entries) {
    for (const ui::LayoutAudit::Target& target : audit.targets) {
      if (overlaps(e.min, e.max, target.min, target.max, kSlack) &&
          !within(e.min, e.max, target.min, target.max, kSlack) && !target.inline_link) {
        ++problems;
        UNSCOPED_INFO("text over a control: " << describe(e) << "; control (" << target.min.x << ","
                                              << target.min.y << ")-(" << target.max.x << "," << target.max.y
                                              << ")");
      }
    }
  }
  for (const ui::LayoutAudit::Entry& e : audit.entries) {
    const bool inside = e.min.x >= e.container_min.x - kSlack && e.max.x <= e.container_max.x + kSlack &&
                        e.min.y >= e.container_min.y - kSlack && e.max.y <= e.container_max.y + kSlack;
    const bool on_screen = e.min.x >= -kSlack && e.max.x <= display_w + kSlack &&
                           (page_scrolls || (e.min.y >= -kSlack && e.max.y <= display_h + kSlack));
    if (!inside || !on_screen) {
      ++problems;
      UNSCOPED_INFO((inside ? "off screen: " : "overflows: ") << describe(e));
    } else if (e.broken_word) {
      ++problems;
      UNSCOPED_INFO("a word is split across lines: " << describe(e));
    }
  }
  return problems;
}

const char* window_for(app::Screen screen) {
  switch (screen) {
    case app::Screen::Home:
      return "##home";
    case app::Screen::Library:
      return "##library";
    case app::Screen::Player:
      return "##player";
    case app::Screen::Completion:
      return "##completion";
    case app::Screen::Settings:
      return "##settings";
    case app::Screen::Support:
      return "##support";
    case app::Screen::About:
      return "##about";
    case app::Screen::Module:
      return "##module";
    case app::Screen::Program:
      return "##program";
    default:
      return "";
  }
}

}  // namespace

TEST_CASE("no text leaves its box at 200 % text on small phones", "[headless][ui][layout]") {
  struct Case {
    int width;
    int height;
    const char* locale;
    float text_scale;
  };
  const Case cases[] = {
      {360, 640, "en", 2.0f}, {360, 640, "es", 2.0f}, {390, 844, "en", 2.0f},
      {390, 844, "es", 2.0f}, {360, 640, "es", 1.0f}, {1280, 800, "es", 2.0f},
  };
  for (const Case& c : cases) {
    DYNAMIC_SECTION(c.width << "x" << c.height << " " << c.locale << " " << c.text_scale * 100 << "%") {
      app::Settings settings;
      settings.locale = c.locale;
      settings.text_scale = c.text_scale;
      UiHarness h(c.width, c.height, 1.0f, settings);
      ui::LayoutAudit audit;
      int total = 0;
      int audited = 0;
      for (const Scene& scene : scenes(h.catalog)) {
        show(h, scene);
        audit.entries.clear();
        audit.targets.clear();
        h.ui->set_layout_audit(&audit);
        h.frame();
        h.ui->set_layout_audit(nullptr);
        ImGui::SetCurrentContext(h.ui->context());
        const bool page_scrolls = scrolls(window_for(h.model->route().screen));
        INFO(scene.route << " (" << h.model->route().to_string() << ")");
        CHECK(!audit.entries.empty());
        const int problems =
            check_audit(audit, static_cast<float>(c.width), static_cast<float>(c.height), page_scrolls);
        CHECK(problems == 0);
        total += problems;
        audited += static_cast<int>(audit.entries.size());
        h.model->back();
      }
      INFO("text items audited: " << audited);
      CHECK(total == 0);
      CHECK(audited > 1000);
    }
  }
}

TEST_CASE("the audit does catch text that spills out or splits a word", "[headless][ui][layout]") {
  // The test above can fail: a label far wider than its button is split mid-word, and text drawn
  // without wrapping into a small box spills out; the audit sees both.
  UiHarness h(360, 640, 1.0f);
  ui::LayoutAudit audit;
  ImGui::SetCurrentContext(h.ui->context());
  h.host->new_frame({});
  ImGui::NewFrame();
  ImGui::Begin("##probe");
  ui::Fonts fonts;
  fonts.label = ImGui::GetFont();
  fonts.small = ImGui::GetFont();
  const ui::Theme theme = ui::make_theme(ui::ThemeName::Light, 1.0f);
  core::Translations words;
  const ui::Strings strings = ui::make_strings(words);
  const ui::Ui probe{theme, fonts, strings, words, &audit};
  ui::button(probe, "Supercalifragilisticexpialidocious##x", ImVec2(60.0f, 0.0f), ui::ButtonStyle::Primary);
  const int split = check_audit(audit, 360.0f, 640.0f, false);
  audit.entries.clear();
  ui::draw_text(probe, ImGui::GetWindowDrawList(), fonts.label, 0xFF000000u, ImVec2(10, 10),
                "far too long for the box", 0.0f, ImVec2(10, 10), ImVec2(40, 40));
  const int spilled = check_audit(audit, 360.0f, 640.0f, false);
  audit.entries.clear();
  ui::draw_text(probe, ImGui::GetWindowDrawList(), fonts.label, 0xFF000000u, ImVec2(10, 10), "fits", 0.0f,
                ImVec2(10, 10), ImVec2(100, 40));
  const int fits = check_audit(audit, 360.0f, 640.0f, false);
  ImGui::End();
  ImGui::EndFrame();
  CHECK(split > 0);
  CHECK(spilled == 1);
  CHECK(fits == 0);
}

TEST_CASE("every word the screens ask for is translated", "[headless][ui][i18n]") {
  for (const char* locale : {"en", "es"}) {
    DYNAMIC_SECTION(locale) {
      app::Settings settings;
      settings.locale = locale;
      UiHarness h(390, 844, 1.0f, settings);
      for (const Scene& scene : scenes(h.catalog)) {
        show(h, scene);
        h.model->back();
      }
      const std::vector<std::string>& missing = h.ui->words_for(locale).missing();
      for (const std::string& key : missing) UNSCOPED_INFO("missing key: " << key);
      CHECK(missing.empty());
    }
  }
}

TEST_CASE("touch targets are at least 48 dp in both directions", "[headless][ui][layout]") {
  // Every tappable area the widgets registered on each screen, at 1x and 2x, in normal and large
  // text. Links inside running text are exempt (WCAG 2.5.8); each also has a full-size card.
  for (float scale : {1.0f, 2.0f}) {
    for (float text_scale : {1.0f, 2.0f}) {
      DYNAMIC_SECTION("scale " << scale << " text " << text_scale) {
        app::Settings settings;
        settings.text_scale = text_scale;
        UiHarness h(390, 844, scale, settings);
        int targets = 0;
        for (const Scene& scene : scenes(h.catalog)) {
          show(h, scene);
          ui::LayoutAudit audit;
          h.ui->set_layout_audit(&audit);
          h.frame();
          h.ui->set_layout_audit(nullptr);
          INFO(scene.route);
          for (const auto& target : audit.targets) {
            if (target.inline_link) continue;
            ++targets;
            const float w = target.max.x - target.min.x;
            const float hgt = target.max.y - target.min.y;
            INFO("target at (" << target.min.x << "," << target.min.y << ") is " << w << "x" << hgt);
            CHECK(w >= 48.0f * scale - 0.5f);
            CHECK(hgt >= 48.0f * scale - 0.5f);
          }
          h.model->back();
        }
        CHECK(targets > 200);
      }
    }
  }
}

TEST_CASE("layouts reflow when the window is resized", "[headless][ui][layout]") {
  UiHarness h(390, 844, 1.0f);
  h.show("home");
  ui::LayoutAudit audit;
  const auto widest_text = [&]() {
    audit.entries.clear();
    h.ui->set_layout_audit(&audit);
    h.frame();
    h.ui->set_layout_audit(nullptr);
    float right = 0.0f;
    for (const auto& e : audit.entries) right = std::max(right, e.max.x);
    return right;
  };
  const float phone = widest_text();
  CHECK(phone <= 390.0f);
  h.host->resize(1280, 800);
  h.frame();
  const float tablet = widest_text();
  CHECK(tablet > 700.0f);  // the home screen uses two columns on a landscape tablet
  h.host->resize(360, 640);
  h.frame();
  CHECK(widest_text() <= 360.0f);
}
