// What the screens read and what they ask for. The app builds a view from its state each frame;
// a screen draws it and returns the person's intents as UiActions, which the app applies. The UI
// never changes app state itself.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/content.h"
#include "core/session_plan.h"
#include "core/session_runner.h"
#include "core/sound_settings.h"
#include "ui/theme.h"

namespace respite::ui {

// ---- Intents ------------------------------------------------------------------------------

enum class ActionKind {
  GoHome,
  OpenLibrary,
  OpenSettings,
  OpenSupport,
  StartItem,  // item
  Pause,
  Resume,
  EndSession,        // stop now; the session is kept as partial (or complete if its minimum was met)
  SetTheme,          // theme
  SetReducedMotion,  // flag
  SetSoundMode,      // sound_mode
  SetVolume,         // volume
};

struct UiAction {
  ActionKind kind = ActionKind::GoHome;
  core::ItemRef item;
  ThemeName theme = ThemeName::Light;
  bool flag = false;
  core::SoundMode sound_mode = core::SoundMode::Sound;
  float volume = 0.0f;
};

using UiActions = std::vector<UiAction>;

// ---- Views --------------------------------------------------------------------------------

struct ItemCardView {
  core::ItemRef ref;
  core::ItemKind kind = core::ItemKind::Breathing;
  std::string title;
  std::string summary;
  double planned_seconds = 0.0;  // 0 when the item has no timed session
  bool startable = false;        // breathing items can be started; other kinds are not built yet
};

struct HomeView {
  std::optional<ItemCardView> primary;  // the catalog's home_default() item
  std::vector<ItemCardView> breathing;  // every breathing item, catalog order
};

struct LibraryView {
  std::vector<ItemCardView> items;  // every item of every pack, catalog order
};

struct PlayerView {
  std::string title;
  const core::SessionPlan* plan = nullptr;  // never null while the player is shown
  core::FrameState frame;
  std::string caption;  // the current phase's caption from the pack; empty: show the phase word
  bool reduced_motion = false;
};

enum class SessionEnd { Finished, Stopped, Interrupted };

struct CompletionView {
  std::string title;
  double active_seconds = 0.0;
  double planned_seconds = 0.0;
  bool complete = false;
  SessionEnd how = SessionEnd::Finished;
};

struct SettingsView {
  ThemeName theme = ThemeName::Light;
  bool reduced_motion = false;
  core::SoundSettings sound;
  bool audio_available = false;
};

}  // namespace respite::ui
