// The Dear ImGui side of the app: owns the ImGui context (the one global the app allows), the
// fonts and the theme, and draws the screen for the model's current route. The same runtime draws
// into a window (the app) and into a memory surface (`respite shot`, tests).
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <imgui.h>

#include "app/app_model.h"
#include "core/i18n.h"
#include "ui/fonts.h"
#include "ui/strings.h"
#include "ui/theme.h"
#include "ui/views.h"
#include "ui/widgets.h"

namespace respite::app {

class UiRuntime {
 public:
  // Creates an ImGui context and builds the fonts from `font_dir` at `scale` (pixels per dp), and
  // loads the UI's words from `i18n_dir` (assets/i18n; empty: found like the fonts, next to the
  // program or in $RESPITE_ASSETS_DIR). Null with `error` set when the fonts or the translation
  // files cannot be read or built.
  static std::unique_ptr<UiRuntime> create(const std::string& font_dir, float scale, ui::ThemeName theme,
                                           std::string& error, const std::string& i18n_dir = {});
  ~UiRuntime();
  UiRuntime(const UiRuntime&) = delete;
  UiRuntime& operator=(const UiRuntime&) = delete;

  ImGuiContext* context() const { return context_; }
  // The UI's words for `locale`. English, the fallback, is read at creation; another shipped
  // language the first time it is asked for, so a start reads one small file, not all of them. A
  // language whose file cannot be read shows English (and says why on stderr, once).
  const core::Translations& words_for(std::string_view locale);
  const ui::Theme& theme() const { return theme_; }
  float scale() const { return theme_.scale; }

  // Rebuilds the font atlas and style for a new scale (a move to a denser display). Returns false
  // with `error` if the fonts cannot be rebuilt; the old ones stay in use.
  bool set_scale(float scale, std::string& error);
  // Applies the settings that need new fonts (text size) before a frame starts; call it before
  // ImGui::NewFrame(). Theme, insets and language change within draw().
  bool apply_settings(const Settings& settings, std::string& error);

  // Tests: record where every text item is drawn (ui::LayoutAudit); null stops recording.
  void set_layout_audit(ui::LayoutAudit* audit) { audit_ = audit; }
  // Where pack pictures come from (the frame host); null: screens leave them out.
  void set_image_source(ui::ImageSource* images) { images_ = images; }

  // Draws the model's current screen. Call between ImGui::NewFrame() and ImGui::Render().
  ui::UiActions draw(const AppModel& model);

 private:
  UiRuntime() = default;
  void restyle(ui::ThemeName name, float scale);
  bool rebuild(float scale, float text_scale, std::string& error);

  ImGuiContext* context_ = nullptr;
  ui::FontData font_data_;
  ui::Fonts fonts_;
  ui::Theme theme_;
  core::TranslationSet translations_;
  std::string words_dir_;
  std::vector<std::string> languages_tried_;  // read, or found unreadable
  ui::LayoutAudit* audit_ = nullptr;
  ui::ImageSource* images_ = nullptr;
};

}  // namespace respite::app
