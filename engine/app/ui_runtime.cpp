#include "app/ui_runtime.h"

#include <imgui_impl_sdlrenderer.h>

#include "ui/screens.h"
#include "ui/strings.h"

namespace respite::app {

std::unique_ptr<UiRuntime> UiRuntime::create(const std::string& font_dir, float scale, ui::ThemeName theme,
                                             std::string& error) {
  std::unique_ptr<UiRuntime> runtime(new UiRuntime());
  if (!ui::read_font_data(font_dir, runtime->font_data_, error)) return nullptr;
  IMGUI_CHECKVERSION();
  runtime->context_ = ImGui::CreateContext();
  ImGui::SetCurrentContext(runtime->context_);
  ImGuiIO& io = ImGui::GetIO();
  // Nothing of ImGui's own is written to disk: no imgui.ini next to the user's files, no log.
  io.IniFilename = nullptr;
  io.LogFilename = nullptr;
  io.ConfigFlags |= ImGuiConfigFlags_NoMouseCursorChange;
  runtime->theme_ = ui::make_theme(theme, scale);
  if (!ui::build_fonts(*io.Fonts, runtime->font_data_, runtime->theme_, runtime->fonts_, error))
    return nullptr;
  ui::apply_style(runtime->theme_, ImGui::GetStyle());
  return runtime;
}

UiRuntime::~UiRuntime() {
  if (context_ != nullptr) ImGui::DestroyContext(context_);
}

void UiRuntime::restyle(ui::ThemeName name, float scale) {
  theme_ = ui::make_theme(name, scale);
  ui::apply_style(theme_, ImGui::GetStyle());
}

bool UiRuntime::set_scale(float scale, std::string& error) {
  if (scale == theme_.scale) return true;
  ImGui::SetCurrentContext(context_);
  ImGuiIO& io = ImGui::GetIO();
  const ui::Theme next = ui::make_theme(theme_.name, scale);
  // The renderer backend keeps a texture of the old atlas; drop it so the next frame uploads the
  // new one.
  if (io.BackendRendererUserData != nullptr) ImGui_ImplSDLRenderer_DestroyFontsTexture();
  ui::Fonts fonts;
  if (!ui::build_fonts(*io.Fonts, font_data_, next, fonts, error)) {
    ui::Fonts previous;
    std::string ignored;
    ui::build_fonts(*io.Fonts, font_data_, theme_, previous, ignored);
    fonts_ = previous;
    return false;
  }
  fonts_ = fonts;
  restyle(theme_.name, scale);
  return true;
}

ui::UiActions UiRuntime::draw(const AppModel& model) {
  const Settings& settings = model.settings();
  if (settings.theme != theme_.name) restyle(settings.theme, theme_.scale);
  const ui::Ui ui{theme_, fonts_, ui::strings_for(settings.locale)};
  ui::UiActions actions;
  switch (model.route().screen) {
    case Screen::Home:
      ui::draw_home(ui, model.home_view(), actions);
      break;
    case Screen::Library:
      ui::draw_library(ui, model.library_view(), actions);
      break;
    case Screen::Player:
      ui::draw_player(ui, model.player_view(), actions);
      break;
    case Screen::Completion:
      ui::draw_completion(ui, model.completion_view(), actions);
      break;
    case Screen::Settings:
      ui::draw_settings(ui, model.settings_view(), actions);
      break;
    case Screen::Support:
      ui::draw_support(ui, actions);
      break;
  }
  // A new screen fades in from the page colour: a veil over everything, so custom-drawn widgets
  // fade exactly like ImGui's own.
  const float opacity = model.screen_opacity();
  if (opacity < 1.0f) {
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::GetForegroundDrawList()->AddRectFilled(
        viewport->Pos, ImVec2(viewport->Pos.x + viewport->Size.x, viewport->Pos.y + viewport->Size.y),
        ui::with_alpha(theme_.palette.background, 1.0f - opacity));
  }
  return actions;
}

}  // namespace respite::app
