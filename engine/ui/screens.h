// Respite's screens. Each draws one full-screen, chrome-less ImGui window from a view and appends
// what the person asked for to `actions`; none keeps state of its own. Layouts adapt to the
// display (ui/layout.h): one centred column on phones and portrait tablets, two columns on
// landscape tablets; every screen has Support in its top bar.
#pragma once

#include "ui/layout.h"
#include "ui/views.h"
#include "ui/widgets.h"

namespace respite::ui {

void draw_home(const Ui& ui, const HomeView& view, UiActions& actions);
void draw_library(const Ui& ui, const LibraryView& view, UiActions& actions);
void draw_player(const Ui& ui, const PlayerView& view, UiActions& actions);
void draw_completion(const Ui& ui, const CompletionView& view, UiActions& actions);
void draw_settings(const Ui& ui, const SettingsView& view, UiActions& actions);
void draw_support(const Ui& ui, const SupportView& view, UiActions& actions);
void draw_support(const Ui& ui, UiActions& actions);  // without regional resources
void draw_about(const Ui& ui, const AboutView& view, UiActions& actions);
void draw_module(const Ui& ui, const ModuleView& view, UiActions& actions);
void draw_program(const Ui& ui, const ProgramView& view, UiActions& actions);

}  // namespace respite::ui
