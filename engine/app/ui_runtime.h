// The Dear ImGui side of the app: owns the ImGui context (the one global the app allows), the
// fonts and the theme, and draws the screen for the model's current route. The same runtime draws
// into a window (the app) and into a memory surface (`respite shot`, tests).
#pragma once

#include <memory>
#include <string>

#include <imgui.h>

#include "app/app_model.h"
#include "ui/fonts.h"
#include "ui/theme.h"
#include "ui/views.h"

namespace respite::app {

class UiRuntime {
 public:
  // Creates an ImGui context and builds the fonts from `font_dir` at `scale` (pixels per dp).
  // Null with `error` set when the fonts cannot be read or built.
  static std::unique_ptr<UiRuntime> create(const std::string& font_dir, float scale, ui::ThemeName theme,
                                           std::string& error);
  ~UiRuntime();
  UiRuntime(const UiRuntime&) = delete;
  UiRuntime& operator=(const UiRuntime&) = delete;

  ImGuiContext* context() const { return context_; }
  const ui::Theme& theme() const { return theme_; }
  float scale() const { return theme_.scale; }

  // Rebuilds the font atlas and style for a new scale (a move to a denser display). Returns false
  // with `error` if the fonts cannot be rebuilt; the old ones stay in use.
  bool set_scale(float scale, std::string& error);

  // Draws the model's current screen. Call between ImGui::NewFrame() and ImGui::Render().
  ui::UiActions draw(const AppModel& model);

 private:
  UiRuntime() = default;
  void restyle(ui::ThemeName name, float scale);

  ImGuiContext* context_ = nullptr;
  ui::FontData font_data_;
  ui::Fonts fonts_;
  ui::Theme theme_;
};

}  // namespace respite::app
