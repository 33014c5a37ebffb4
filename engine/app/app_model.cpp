#include "app/app_model.h"

#include <algorithm>

#include "core/session_plan.h"

namespace respite::app {
namespace {

double seconds(core::MonoTime t) {
  return std::chrono::duration<double>(t).count();
}

bool playable(const core::Item& item) {
  return item.kind == core::ItemKind::Breathing && !item.breathing.phases.empty();
}

core::PlanSettings plan_settings(const Settings& settings, const core::Pack& pack) {
  core::PlanSettings plan;
  plan.locale = settings.locale;
  plan.fallback_locale = pack.default_locale;
  return plan;
}

}  // namespace

AppModel::AppModel(const core::Catalog& catalog, const core::Clock& clock, Services services,
                   Settings settings)
    : catalog_(catalog),
      clock_(clock),
      services_(services),
      cues_(services.cues),
      settings_(std::move(settings)) {
  if (cues_ != nullptr) cues_->set_settings(settings_.sound);
  rebuild_cards();
}

void AppModel::rebuild_cards() {
  cards_.clear();
  for (const core::Pack& pack : catalog_.packs) {
    for (const core::Item& item : pack.items) {
      ui::ItemCardView card;
      card.ref = core::ItemRef{pack.id, item.id};
      card.kind = item.kind;
      card.title = item.title.get(settings_.locale, pack.default_locale);
      card.summary = item.summary.get(settings_.locale, pack.default_locale);
      card.startable = playable(item);
      if (card.startable) {
        const core::SessionPlan plan = core::make_plan(card.ref, item, plan_settings(settings_, pack));
        card.planned_seconds = core::millis_to_seconds(plan.planned);
      }
      cards_.push_back(std::move(card));
    }
  }
}

OpenResult AppModel::open(const Route& route) {
  OpenResult result;
  if (route.screen != Screen::Player) {
    if (session_) end_session(ui::SessionEnd::Stopped);
    navigate(route);
    return result;
  }
  const core::Pack* pack = catalog_.find_pack(route.item.pack_id);
  const core::Item* item = pack ? pack->find(route.item.item_id) : nullptr;
  if (item == nullptr) {
    result.ok = false;
    result.exit_code = 1;
    result.error = "unknown item '" + route.item.to_string() + "'" +
                   (pack ? " (pack '" + pack->id + "' has no such item)"
                         : " (no pack '" + route.item.pack_id + "' is loaded)");
    return result;
  }
  if (!playable(*item)) {
    result.ok = false;
    result.exit_code = 1;
    result.error = "item '" + route.item.to_string() + "' is a " + core::to_string(item->kind) +
                   " item; only breathing items can be played in this version";
    return result;
  }
  if (session_) end_session(ui::SessionEnd::Stopped);
  auto session = std::make_unique<Session>();
  session->ref = route.item;
  session->title = item->title.get(settings_.locale, pack->default_locale);
  session->runner = std::make_unique<core::SessionRunner>(
      core::make_plan(route.item, *item, plan_settings(settings_, *pack)), clock_);
  session->runner->start();
  session_ = std::move(session);
  last_state_ = core::RunState::Running;
  navigate(route);
  return result;
}

void AppModel::navigate(const Route& route) {
  if (route != route_) {
    route_ = route;
    transition_started_ =
        settings_.reduced_motion ? std::nullopt : std::optional<core::MonoTime>(clock_.monotonic());
  }
  touch();
}

void AppModel::apply(const ui::UiAction& action) {
  using ui::ActionKind;
  switch (action.kind) {
    case ActionKind::GoHome:
      open(Route{});
      break;
    case ActionKind::OpenLibrary:
      open(Route{Screen::Library, {}});
      break;
    case ActionKind::OpenSettings:
      open(Route{Screen::Settings, {}});
      break;
    case ActionKind::OpenSupport:
      open(Route{Screen::Support, {}});
      break;
    case ActionKind::StartItem:
      open(Route{Screen::Player, action.item});
      break;
    case ActionKind::Pause:
      if (session_) session_->runner->pause(core::PauseReason::User);
      touch();
      break;
    case ActionKind::Resume:
      if (session_) session_->runner->resume();
      touch();
      break;
    case ActionKind::EndSession:
      if (session_) end_session(ui::SessionEnd::Stopped);
      break;
    case ActionKind::SetTheme:
      settings_.theme = action.theme;
      touch();
      break;
    case ActionKind::SetReducedMotion:
      settings_.reduced_motion = action.flag;
      if (action.flag) transition_started_.reset();
      touch();
      break;
    case ActionKind::SetSoundMode:
      settings_.sound.mode = action.sound_mode;
      if (cues_ != nullptr) cues_->set_settings(settings_.sound);
      touch();
      break;
    case ActionKind::SetVolume:
      settings_.sound.master_volume = std::clamp(action.volume, 0.0f, 1.0f);
      if (cues_ != nullptr) cues_->set_settings(settings_.sound);
      touch();
      break;
  }
}

void AppModel::back() {
  if (route_.screen == Screen::Home) return;
  if (session_) end_session(ui::SessionEnd::Stopped);
  navigate(Route{});
}

void AppModel::end_session(ui::SessionEnd how) {
  if (!session_) return;
  core::SessionRunner& runner = *session_->runner;
  // Read the final state before stop(): a session whose time ran out is finished, not stopped.
  const bool finished = runner.state() == core::RunState::Finished;
  if (!finished) runner.stop();
  SessionOutcome outcome;
  outcome.item = session_->ref;
  outcome.title = session_->title;
  outcome.active = runner.active_time();
  outcome.planned = runner.plan().planned;
  outcome.minimum = runner.plan().minimum;
  outcome.complete = runner.complete();
  outcome.how = finished ? ui::SessionEnd::Finished : how;
  outcome.ended_at = clock_.utc_now();
  outcome.zone = clock_.zone_at(outcome.ended_at);
  session_.reset();
  last_outcome_ = outcome;
  navigate(Route{Screen::Completion, outcome.item});
  if (session_finished_) session_finished_(outcome);
}

void AppModel::update() {
  if (!session_) return;
  core::SessionRunner& runner = *session_->runner;
  for (const core::CueEvent& cue : runner.take_due_cues()) {
    if (cues_ != nullptr) cues_->dispatch(cue, runner.active_time());
  }
  const core::RunState state = runner.state();
  if (state != last_state_) {
    last_state_ = state;
    touch();
  }
  if (state == core::RunState::Finished) {
    end_session(ui::SessionEnd::Finished);
    return;
  }
  const core::FrameState frame = runner.frame();
  if (state == core::RunState::Paused && frame.pause_reason == core::PauseReason::Interruption &&
      runner.paused_for() >= kInterruptionLimit) {
    end_session(ui::SessionEnd::Interrupted);
  }
}

bool AppModel::animating() const {
  if (transition_started_ && clock_.monotonic() - *transition_started_ < kTransition) return true;
  return session_ && session_->runner->state() == core::RunState::Running;
}

float AppModel::screen_opacity() const {
  if (!transition_started_) return 1.0f;
  const double t = seconds(clock_.monotonic() - *transition_started_) / seconds(kTransition);
  if (t >= 1.0) return 1.0f;
  // Start from a faint screen, not from nothing, so a fast tapper never sees a blank page.
  return static_cast<float>(0.35 + 0.65 * std::max(0.0, t));
}

std::optional<core::MonoTime> AppModel::time_until_deadline() const {
  if (!session_) return std::nullopt;
  const core::SessionRunner& runner = *session_->runner;
  if (runner.state() != core::RunState::Paused ||
      runner.frame().pause_reason != core::PauseReason::Interruption) {
    return std::nullopt;
  }
  return std::max(core::MonoTime(0), kInterruptionLimit - runner.paused_for());
}

void AppModel::on_background() {
  if (session_ && session_->runner->state() == core::RunState::Running) {
    session_->runner->pause(core::PauseReason::Interruption);
    // A chime must not keep ringing from a pocket.
    if (services_.audio != nullptr) services_.audio->stop_all();
    touch();
  }
}

void AppModel::on_foreground() {
  // The session stays paused: the person chooses Resume or End (the player shows both).
  touch();
}

void AppModel::on_quit() {
  if (session_) end_session(ui::SessionEnd::Stopped);
}

ui::HomeView AppModel::home_view() const {
  ui::HomeView view;
  const std::optional<core::ItemRef> primary = catalog_.home_default();
  for (const ui::ItemCardView& card : cards_) {
    if (primary && card.ref.pack_id == primary->pack_id && card.ref.item_id == primary->item_id &&
        card.startable) {
      view.primary = card;
    }
    if (card.kind == core::ItemKind::Breathing && card.startable) view.breathing.push_back(card);
  }
  return view;
}

ui::LibraryView AppModel::library_view() const {
  ui::LibraryView view;
  view.items = cards_;
  return view;
}

ui::PlayerView AppModel::player_view() const {
  ui::PlayerView view;
  view.reduced_motion = settings_.reduced_motion;
  if (!session_) return view;
  const core::SessionRunner& runner = *session_->runner;
  view.title = session_->title;
  view.plan = &runner.plan();
  view.frame = runner.frame();
  // Each phase has exactly one cue, at the same index (make_plan); fall back to a search should
  // that ever change.
  const std::vector<core::CueEvent>& cues = runner.plan().cues;
  const int phase = view.frame.phase_index;
  if (phase >= 0) {
    const auto index = static_cast<std::size_t>(phase);
    if (index < cues.size() && cues[index].phase_index == phase) {
      view.caption = cues[index].caption;
    } else {
      for (const core::CueEvent& cue : cues) {
        if (cue.phase_index == phase) view.caption = cue.caption;
      }
    }
  }
  return view;
}

ui::CompletionView AppModel::completion_view() const {
  ui::CompletionView view;
  if (!last_outcome_) return view;
  view.title = last_outcome_->title;
  view.active_seconds = seconds(last_outcome_->active);
  view.planned_seconds = core::millis_to_seconds(last_outcome_->planned);
  view.complete = last_outcome_->complete;
  view.how = last_outcome_->how;
  return view;
}

ui::SettingsView AppModel::settings_view() const {
  ui::SettingsView view;
  view.theme = settings_.theme;
  view.reduced_motion = settings_.reduced_motion;
  view.sound = settings_.sound;
  view.audio_available = audio_available_;
  return view;
}

}  // namespace respite::app
