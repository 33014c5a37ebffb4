// Respite's screens. Each draws one full-screen, chrome-less ImGui window from a view and appends
// what the person asked for to `actions`; none keeps state of its own. The layouts adapt to the
// display: one centred column on phones and portrait tablets (at most Metrics::content_max_width
// wide), and the player puts its pacer beside the text on landscape tablets.
#pragma once

#include "ui/views.h"
#include "ui/widgets.h"

namespace respite::ui {

void draw_home(const Ui& ui, const HomeView& view, UiActions& actions);
void draw_library(const Ui& ui, const LibraryView& view, UiActions& actions);
void draw_player(const Ui& ui, const PlayerView& view, UiActions& actions);
void draw_completion(const Ui& ui, const CompletionView& view, UiActions& actions);
void draw_settings(const Ui& ui, const SettingsView& view, UiActions& actions);
void draw_support(const Ui& ui, UiActions& actions);

}  // namespace respite::ui
