#include "app/ui_runtime.h"

#include <SDL.h>

#include <algorithm>
#include <cstdio>

#include "backends/sdl/sdl_paths.h"

#include "app/pack_flow.h"
#include "app/profile_flow.h"
#include "ui/screen_packs.h"
#include "ui/screen_pin.h"
#include "ui/screen_profiles.h"
#include "ui/screen_progress.h"
#include "ui/screen_unit_admin.h"
#include "ui/screens.h"
#include "ui/strings.h"

namespace respite::app {

std::unique_ptr<UiRuntime> UiRuntime::create(const std::string& font_dir, float scale, ui::ThemeName theme,
                                             std::string& error, const std::string& i18n_dir) {
  std::unique_ptr<UiRuntime> runtime(new UiRuntime());
  if (!ui::read_font_data(font_dir, runtime->font_data_, error)) return nullptr;
  std::string words_dir = i18n_dir;
  if (words_dir.empty()) {
    const std::optional<std::string> found = sdl::find_asset_subdir("i18n", "en.json", error);
    if (!found) return nullptr;
    words_dir = *found;
  }
  core::Diagnostics problems;
  const std::string& fallback = core::shipped_languages().front();
  runtime->translations_ = core::TranslationSet::load(words_dir, {fallback}, problems);
  runtime->words_dir_ = words_dir;
  runtime->languages_tried_.push_back(fallback);
  if (problems.has_errors()) {
    error = "the UI's translation files are broken: " + problems.items().front().format() +
            " (the build copies them from assets/i18n; rebuild)";
    return nullptr;
  }
  IMGUI_CHECKVERSION();
  runtime->context_ = ImGui::CreateContext();
  ImGui::SetCurrentContext(runtime->context_);
  ImGuiIO& io = ImGui::GetIO();
  // Nothing of ImGui's own is written to disk: no imgui.ini next to the user's files, no log.
  io.IniFilename = nullptr;
  io.LogFilename = nullptr;
  io.ConfigFlags |= ImGuiConfigFlags_NoMouseCursorChange;
  // The arrow keys move a visible focus ring between controls; Enter or Space activates.
  // Keys are SDL scancodes, as ImGui's SDL backend maps them (headless hosts need the map too).
  io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
  const std::pair<ImGuiKey_, SDL_Scancode> keys[] = {
      {ImGuiKey_Tab, SDL_SCANCODE_TAB},
      {ImGuiKey_LeftArrow, SDL_SCANCODE_LEFT},
      {ImGuiKey_RightArrow, SDL_SCANCODE_RIGHT},
      {ImGuiKey_UpArrow, SDL_SCANCODE_UP},
      {ImGuiKey_DownArrow, SDL_SCANCODE_DOWN},
      {ImGuiKey_PageUp, SDL_SCANCODE_PAGEUP},
      {ImGuiKey_PageDown, SDL_SCANCODE_PAGEDOWN},
      {ImGuiKey_Home, SDL_SCANCODE_HOME},
      {ImGuiKey_End, SDL_SCANCODE_END},
      {ImGuiKey_Insert, SDL_SCANCODE_INSERT},
      {ImGuiKey_Delete, SDL_SCANCODE_DELETE},
      {ImGuiKey_Backspace, SDL_SCANCODE_BACKSPACE},
      {ImGuiKey_Space, SDL_SCANCODE_SPACE},
      {ImGuiKey_Enter, SDL_SCANCODE_RETURN},
      {ImGuiKey_Escape, SDL_SCANCODE_ESCAPE},
      {ImGuiKey_KeyPadEnter, SDL_SCANCODE_KP_ENTER},
      {ImGuiKey_A, SDL_SCANCODE_A},
      {ImGuiKey_C, SDL_SCANCODE_C},
      {ImGuiKey_V, SDL_SCANCODE_V},
      {ImGuiKey_X, SDL_SCANCODE_X},
      {ImGuiKey_Y, SDL_SCANCODE_Y},
      {ImGuiKey_Z, SDL_SCANCODE_Z},
  };
  for (const auto& [key, code] : keys) io.KeyMap[key] = code;
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
  const ui::Insets insets = theme_.safe_area;
  theme_ = ui::make_theme(name, scale, theme_.text_scale);
  theme_.safe_area = insets;
  ui::apply_style(theme_, ImGui::GetStyle());
}

bool UiRuntime::rebuild(float scale, float text_scale, std::string& error) {
  ImGui::SetCurrentContext(context_);
  ImGuiIO& io = ImGui::GetIO();
  ui::Theme next = ui::make_theme(theme_.name, scale, text_scale);
  next.safe_area = theme_.safe_area;
  // The host keeps a texture of the old atlas; no texture id tells it to upload the new one
  // before the next frame (DrawSubmitter::upload_fonts).
  io.Fonts->SetTexID(nullptr);
  ui::Fonts fonts;
  if (!ui::build_fonts(*io.Fonts, font_data_, next, fonts, error)) {
    ui::Fonts previous;
    std::string ignored;
    ui::build_fonts(*io.Fonts, font_data_, theme_, previous, ignored);
    fonts_ = previous;
    return false;
  }
  fonts_ = fonts;
  theme_ = next;
  ui::apply_style(theme_, ImGui::GetStyle());
  return true;
}

bool UiRuntime::set_scale(float scale, std::string& error) {
  if (scale == theme_.scale) return true;
  return rebuild(scale, theme_.text_scale, error);
}

bool UiRuntime::apply_settings(const Settings& settings, std::string& error) {
  const float text_scale = std::clamp(settings.text_scale, ui::kMinTextScale, ui::kMaxTextScale);
  if (text_scale == theme_.text_scale) return true;
  return rebuild(theme_.scale, text_scale, error);
}

const core::Translations& UiRuntime::words_for(std::string_view locale) {
  const std::string language = core::language_of(locale);
  const std::vector<std::string>& shipped = core::shipped_languages();
  if (std::find(shipped.begin(), shipped.end(), language) != shipped.end() &&
      std::find(languages_tried_.begin(), languages_tried_.end(), language) == languages_tried_.end()) {
    languages_tried_.push_back(language);
    core::Diagnostics problems;
    core::Translations table =
        core::Translations::load_file(words_dir_ + "/" + language + ".json", language, problems);
    if (problems.has_errors()) {
      std::fprintf(stderr, "respite: the UI's %s words cannot be used, English is shown instead: %s\n",
                   language.c_str(), problems.items().front().format().c_str());
    } else {
      translations_.add(std::move(table));
    }
  }
  return translations_.for_locale(locale);
}

ui::UiActions UiRuntime::draw(const AppModel& model) {
  const Settings& settings = model.settings();
  if (settings.effective_theme() != theme_.name) restyle(settings.effective_theme(), theme_.scale);
  theme_.safe_area = settings.safe_area;
  const core::Translations& words = words_for(settings.locale);
  const ui::Strings strings = ui::make_strings(words);
  const ui::Ui ui{theme_, fonts_, strings, words, audit_, images_};
  ui::UiActions actions;
  const ProfileFlow* flow = model.profiles();
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
    case Screen::Settings: {
      ui::SettingsView view = model.settings_view();
      // Every shipped language whose words can be read (reading any not read yet).
      for (const std::string& code : core::shipped_languages()) words_for(code);
      for (const std::string& code : translations_.languages()) {
        view.languages.push_back({code, translations_.for_locale(code).text("locale.name")});
      }
      ui::draw_settings(ui, view, actions);
      break;
    }
    case Screen::Support:
      ui::draw_support(ui, model.support_view(), actions);
      break;
    case Screen::About:
      ui::draw_about(ui, model.about_view(), actions);
      break;
    case Screen::Module:
      ui::draw_module(ui, model.module_view(), actions);
      break;
    case Screen::Program:
      ui::draw_program(ui, model.program_view(), actions);
      break;
    // Who is using the app (app/profile_flow.h); without a flow nothing is kept on this device.
    case Screen::Progress: {
      ui::ProgressView view;
      view.state = ui::ProgressState::NoStorage;
      ui::draw_progress(ui, flow != nullptr ? flow->progress_view() : view, actions);
      break;
    }
    case Screen::Profiles:
      ui::draw_profiles(ui, flow != nullptr ? flow->profiles_view() : ui::ProfilesView{}, actions);
      break;
    case Screen::Welcome:
      ui::draw_welcome(ui, actions);
      break;
    case Screen::AddProfile:
      ui::draw_add_profile(ui, flow != nullptr ? flow->add_profile_view() : ui::AddProfileView{}, actions);
      break;
    case Screen::Pin:
      ui::draw_pin(ui, flow != nullptr ? flow->pin_view() : ui::PinView{}, actions);
      break;
    case Screen::UnitAdmin:
      ui::draw_unit_admin(ui, flow != nullptr ? flow->unit_admin_view() : ui::UnitAdminView{}, actions);
      break;
    case Screen::Packs: {
      // On a unit tablet a pack change first asks for the admin PIN, on the same route.
      const PackFlow* packs = model.packs();
      if (packs != nullptr && packs->asking_pin()) {
        ui::draw_pin(ui, packs->pin_view(), actions);
      } else {
        ui::draw_packs(ui, packs != nullptr ? packs->packs_view() : ui::PacksView{}, actions);
      }
      break;
    }
  }
  // `--watch`: the pack being edited has errors; they stay over every screen until it loads.
  if (model.packs() != nullptr) {
    if (const auto problems = model.packs()->watch_diagnostics())
      ui::draw_pack_diagnostics_panel(ui, *problems);
  }
  // A calm notice (a damaged file restored from its backup, a save that failed) sits over any
  // screen until it is put away.
  if (flow != nullptr && !flow->notice().empty()) ui::draw_notice_sheet(ui, flow->notice(), actions);
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
