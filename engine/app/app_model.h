// The app's state and the rules that change it: which screen is shown, the person's settings, and
// the practice session in progress (a SessionRunner on the app's clock). The UI reads views built
// from it and hands back UiActions; the main loop feeds it lifecycle events and calls update()
// so cues play and sessions finish on time. No SDL and no ImGui in here.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/journal.h"
#include "app/route.h"
#include "app/settings_store.h"
#include "core/clock.h"
#include "core/content.h"
#include "core/cue_dispatcher.h"
#include "core/session_runner.h"
#include "core/sound_settings.h"
#include "core/support_resources.h"
#include "ui/theme.h"
#include "ui/views.h"

namespace respite::app {

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

class ProfileFlow;
class PackFlow;

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
    // Crisis and support lines for a locale and region (core::load_support_resources); null: the
    // support screen shows the general guidance from the translation file.
    using SupportProvider =
        std::function<core::SupportResources(const std::string& locale, const std::string& region)>;
    SupportProvider support = {};
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

  // ---- Settings (app/settings_store.h). The model shows the saved settings of whoever uses the
  // app (the signed-in profile's, else the device's; the ProfileFlow loads them) with this run's
  // command-line overrides on top, and tells the flow when the person changes one, which saves it
  // for them (nothing for a guest).
  // Overrides for this run (--theme, --locale, --text-scale): applied now and over every settings
  // loaded later, never saved. Changing that setting on the Settings screen ends its override.
  void set_overrides(SettingsOverrides overrides);
  // Shows `saved` (a person signed in or out); the platform facts and the overrides stay.
  void load_settings(const Settings& saved);
  // What is saved for whoever uses the app now: the settings without this run's overrides.
  const Settings& saved_settings() const { return saved_; }
  void set_audio_available(bool available) { audio_available_ = available; }

  // ---- Who is using the app (app/profile_flow.h). Without one (tests of other things,
  // screenshots without --data-dir) there are no profiles and nothing is recorded. The flow
  // guards routes, handles its screens' actions and records every session that ends.
  void attach_profiles(ProfileFlow* flow) { flow_ = flow; }
  ProfileFlow* profiles() const { return flow_; }
  // ---- Content packs (app/pack_flow.h): the Packs screen and --watch. Without one the Packs
  // screen lists nothing and nothing reloads.
  void attach_packs(PackFlow* packs) { packs_ = packs; }
  PackFlow* packs() const { return packs_; }
  // The catalog was replaced in place (a pack installed, removed or edited): the cards are built
  // again, and a module or program that is gone leaves its screen for home.
  void catalog_changed();
  // A file dropped on the window (desktop).
  void file_dropped(const std::string& path);
  // Any input from the person (the main loop calls it): the unit tablet's idle time restarts.
  void note_input();
  // State outside the model changed what is shown (the flow's storage results): redraw.
  void mark_changed() { touch(); }
  ui::HomeView home_view() const;
  ui::LibraryView library_view() const;
  ui::PlayerView player_view() const;  // only meaningful on the player route
  ui::CompletionView completion_view() const;
  ui::SettingsView settings_view() const;  // without `languages`: the UI runtime knows them
  ui::ModuleView module_view() const;      // only meaningful on a module route
  ui::ProgramView program_view() const;    // only meaningful on a program route
  ui::AboutView about_view() const;
  ui::SupportView support_view() const;
  // The answer to "how do you feel now?" for the last session (1..5), if given.
  std::optional<int> last_feeling() const { return feeling_; }
  // Shown on home when set (the progress store's streak for the active profile); nullopt hides it.
  void set_streak(std::optional<ui::StreakView> streak) {
    streak_ = streak;
    touch();
  }
  // The program the person follows and the day they are on (from progress); without it home
  // offers the first program's day 1.
  void set_program_day(std::optional<core::ItemRef> program, int day) {
    program_ = std::move(program);
    program_day_ = day;
    touch();
  }
  // Who keeps what is written in the module reader (app/journal.h): the flow calls it at every
  // sign-in, sign-out and guest start. Everything held for the previous person is dropped.
  // `storage` null: nobody keeps anything (`guest` says why); `writes` false: read only (shot).
  void set_journal_owner(Storage* storage, bool guest, bool writes = true);
  const ModuleJournal& journal() const { return journal_; }
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
  // Called when the person answers "how do you feel now?" after `outcome` (value 1..5).
  using FeelingHandler = std::function<void(const SessionOutcome& outcome, int feeling)>;
  void set_feeling_handler(FeelingHandler handler) { feeling_handler_ = std::move(handler); }

 private:
  struct Session {
    core::ItemRef ref;
    std::string title;
    std::unique_ptr<core::SessionRunner> runner;
    bool sounds_loaded = false;  // the pack's own sounds for this session are on the device
  };
  void load_pack_sounds();

  void navigate(const Route& route);
  // A settings action was applied to settings_: update saved_ and hand it to the flow to save.
  void settings_changed(ui::ActionKind kind);
  static bool is_saved_setting(ui::ActionKind kind);
  void show_settings(Settings next);
  void end_session(ui::SessionEnd how);
  void rebuild_cards();
  // StartItem: plays, or opens the reader or the program, by the item's kind.
  void start_item(const core::ItemRef& ref);
  std::optional<ui::ItemCardView> card_for(const core::ItemRef& ref) const;
  OpenResult check_item(const Route& route, const core::Pack*& pack, const core::Item*& item) const;
  void touch() { ++revision_; }
  // AnswerCheckin, ResetCheckin, EditReflection, SaveReflection (app_model_content.cpp).
  void apply_journal(const ui::UiAction& action);

  const core::Catalog& catalog_;
  const core::Clock& clock_;
  Services services_;
  core::CueDispatcher* cues_;
  Settings settings_;  // what is shown: saved_ with overrides_ on top
  Settings saved_;
  SettingsOverrides overrides_;
  Route route_;
  std::unique_ptr<Session> session_;
  std::optional<SessionOutcome> last_outcome_;
  std::vector<ui::ItemCardView> cards_;  // every item, catalog order, in the current locale
  std::optional<core::MonoTime> transition_started_;
  core::RunState last_state_ = core::RunState::NotStarted;
  bool audio_available_ = false;
  std::uint64_t revision_ = 0;
  SessionFinishedHandler session_finished_;
  ProfileFlow* flow_ = nullptr;
  PackFlow* packs_ = nullptr;
  std::optional<core::MonoTime> session_deadline() const;
  FeelingHandler feeling_handler_;
  std::optional<int> feeling_;
  ui::LibraryFilter library_filter_;
  std::optional<ui::StreakView> streak_;
  std::optional<core::ItemRef> program_;
  int program_day_ = 1;
  std::vector<Route> history_;  // screens to go back to (Back), most recent last
  // Reflection drafts and check-in answers, for the signed-in person only (app/journal.h).
  ModuleJournal journal_;
  mutable std::optional<std::pair<std::string, core::SupportResources>> support_cache_;
};

}  // namespace respite::app
