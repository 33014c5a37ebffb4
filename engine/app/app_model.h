// The app's state and the rules that change it: which screen is shown, the person's settings, and
// the practice session in progress (a SessionRunner on the app's clock). The UI reads views built
// from it and hands back UiActions; the main loop feeds it lifecycle events and calls update()
// so cues play and sessions finish on time. No SDL and no ImGui in here.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/route.h"
#include "core/clock.h"
#include "core/content.h"
#include "core/cue_dispatcher.h"
#include "core/session_runner.h"
#include "core/sound_settings.h"
#include "ui/theme.h"
#include "ui/views.h"

namespace respite::app {

// What the person chose in Settings. Held in memory for now: persisting settings belongs to the
// core's settings store (not built yet), which will load and save this.
struct Settings {
  ui::ThemeName theme = ui::ThemeName::Light;
  bool reduced_motion = false;
  core::SoundSettings sound;
  std::string locale = "en";
};

// One practice session that has ended, however it ended. Everything the progress store needs to
// record a completion (DESIGN §4) that the app knows; the store adds profile and practice day.
struct SessionOutcome {
  core::ItemRef item;
  std::string title;
  core::MonoTime active{0};  // on the monotonic clock, pauses excluded
  core::Millis planned{0};
  core::Millis minimum{0};
  bool complete = false;  // active time reached the item's minimum
  ui::SessionEnd how = ui::SessionEnd::Finished;
  core::UtcInstant ended_at;
  core::ZoneInfo zone;
};

struct OpenResult {
  bool ok = true;
  int exit_code = 0;  // for `shot`: 1 unknown item / not playable
  std::string error;
};

class AppModel {
 public:
  // An interruption (background, minimized, focus lost) longer than this ends the session; it is
  // kept as partial, never lost.
  static constexpr core::MonoTime kInterruptionLimit = std::chrono::minutes(10);
  // Screen changes fade in over this long (not with reduced motion).
  static constexpr core::MonoTime kTransition = std::chrono::milliseconds(180);

  // What the model drives besides the screen. Either may be null (nothing is played or stopped).
  struct Services {
    core::CueDispatcher* cues = nullptr;
    core::AudioOut* audio = nullptr;  // the dispatcher's audio, to silence it when sent away
  };

  // `catalog`, `clock` and the services must outlive the model.
  AppModel(const core::Catalog& catalog, const core::Clock& clock, Services services, Settings settings = {});

  // ---- Navigation and intents
  const Route& route() const { return route_; }
  // Shows `route`; a play route starts its session now. Fails for an unknown or unplayable item.
  OpenResult open(const Route& route);
  void apply(const ui::UiAction& action);
  // Escape / Android Back: back to home; from the player this ends the session first.
  void back();

  // ---- Time and lifecycle
  // Plays due cues, finishes sessions whose time is up, ends interruptions that ran too long.
  void update();
  // True while something moves on screen by itself: a running session or a screen transition.
  bool animating() const;
  // How long the main loop may sleep before update() has work to do even without input (the end
  // of an interruption's grace period); nullopt: nothing scheduled.
  std::optional<core::MonoTime> time_until_deadline() const;
  void on_background();
  void on_foreground();
  // The app is closing: a session in progress ends now and is reported.
  void on_quit();
  // Makes the current screen transition complete at once (screenshots).
  void finish_transition() { transition_started_.reset(); }
  // 0..1 opacity of the screen for the current transition.
  float screen_opacity() const;

  // ---- Reading
  const Settings& settings() const { return settings_; }
  void set_audio_available(bool available) { audio_available_ = available; }
  ui::HomeView home_view() const;
  ui::LibraryView library_view() const;
  ui::PlayerView player_view() const;  // only meaningful on the player route
  ui::CompletionView completion_view() const;
  ui::SettingsView settings_view() const;
  bool has_session() const { return session_ != nullptr; }
  const core::SessionRunner* runner() const { return session_ ? session_->runner.get() : nullptr; }
  const std::optional<SessionOutcome>& last_outcome() const { return last_outcome_; }
  // Changes whenever anything visible changes; the main loop redraws when it moves.
  std::uint64_t revision() const { return revision_; }

  // Called once for every session that ends (finished, stopped, interrupted too long, app quit).
  using SessionFinishedHandler = std::function<void(const SessionOutcome&)>;
  void set_session_finished_handler(SessionFinishedHandler handler) {
    session_finished_ = std::move(handler);
  }

 private:
  struct Session {
    core::ItemRef ref;
    std::string title;
    std::unique_ptr<core::SessionRunner> runner;
  };

  void navigate(const Route& route);
  void end_session(ui::SessionEnd how);
  void rebuild_cards();
  void touch() { ++revision_; }

  const core::Catalog& catalog_;
  const core::Clock& clock_;
  Services services_;
  core::CueDispatcher* cues_;
  Settings settings_;
  Route route_;
  std::unique_ptr<Session> session_;
  std::optional<SessionOutcome> last_outcome_;
  std::vector<ui::ItemCardView> cards_;  // every item, catalog order, in the current locale
  std::optional<core::MonoTime> transition_started_;
  core::RunState last_state_ = core::RunState::NotStarted;
  bool audio_available_ = false;
  std::uint64_t revision_ = 0;
  SessionFinishedHandler session_finished_;
};

}  // namespace respite::app
