#include "app/app_model.h"

#include <algorithm>
#include <cmath>
#include <set>

#include "app/pack_flow.h"
#include "app/profile_flow.h"
#include "core/session_plan.h"

namespace respite::app {
namespace {

double seconds(core::MonoTime t) {
  return std::chrono::duration<double>(t).count();
}

// Items the player runs: breathing items and micro-breaks (both have a timed SessionPlan).
bool playable(const core::Item& item) {
  if (item.kind == core::ItemKind::Breathing) return !item.breathing.phases.empty();
  if (item.kind == core::ItemKind::MicroBreak) return !item.micro_break.steps.empty();
  return false;
}

// Items a tap does something with: played, read or followed.
bool openable(const core::Item& item) {
  switch (item.kind) {
    case core::ItemKind::Breathing:
    case core::ItemKind::MicroBreak:
      return playable(item);
    case core::ItemKind::Module:
      return !item.module.pages.empty();
    case core::ItemKind::Program:
      return !item.program.days.empty();
  }
  return false;
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
      settings_(std::move(settings)),
      journal_(clock) {
  saved_ = settings_;
  if (cues_ != nullptr) cues_->set_settings(settings_.sound);
  rebuild_cards();
}

void AppModel::set_overrides(SettingsOverrides overrides) {
  overrides_ = std::move(overrides);
  show_settings(with_overrides(saved_, overrides_));
}

void AppModel::load_settings(const Settings& saved) {
  saved_ = saved;
  saved_.system_theme = settings_.system_theme;
  saved_.safe_area = settings_.safe_area;
  show_settings(with_overrides(saved_, overrides_));
}

void AppModel::show_settings(Settings next) {
  next.system_theme = settings_.system_theme;
  next.safe_area = settings_.safe_area;
  const bool locale_changed = next.locale != settings_.locale;
  settings_ = std::move(next);
  if (cues_ != nullptr) cues_->set_settings(settings_.sound);
  if (settings_.reduced_motion) transition_started_.reset();
  if (locale_changed) {
    support_cache_.reset();
    rebuild_cards();
  }
  touch();
}

bool AppModel::is_saved_setting(ui::ActionKind kind) {
  using ui::ActionKind;
  switch (kind) {
    case ActionKind::SetTheme:
    case ActionKind::SetFollowSystemTheme:
    case ActionKind::SetVibration:
    case ActionKind::SetTextScale:
    case ActionKind::SetLocale:
    case ActionKind::SetAskFeeling:
    case ActionKind::SetSupportRegion:
    case ActionKind::SetReducedMotion:
    case ActionKind::SetSoundMode:
    case ActionKind::SetVolume:
      return true;
    default:
      return false;
  }
}

void AppModel::settings_changed(ui::ActionKind kind) {
  using ui::ActionKind;
  // The person chose this setting here: it is theirs now, whatever the command line said.
  if (kind == ActionKind::SetTheme || kind == ActionKind::SetFollowSystemTheme) overrides_.theme.reset();
  if (kind == ActionKind::SetLocale) overrides_.locale.reset();
  if (kind == ActionKind::SetTextScale) overrides_.text_scale.reset();
  Settings next = settings_;
  if (overrides_.theme) {
    next.theme = saved_.theme;
    next.follow_system_theme = saved_.follow_system_theme;
  }
  if (overrides_.locale) next.locale = saved_.locale;
  if (overrides_.text_scale) next.text_scale = saved_.text_scale;
  if (same_saved_settings(next, saved_)) return;
  saved_ = std::move(next);
  if (flow_ != nullptr) flow_->settings_changed(saved_);
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
      card.startable = openable(item);
      if (playable(item)) {
        const core::SessionPlan plan = core::make_plan(card.ref, item, plan_settings(settings_, pack));
        card.planned_seconds = core::millis_to_seconds(plan.planned);
      } else if (item.kind == core::ItemKind::Module && item.duration) {
        card.planned_seconds = core::millis_to_seconds(*item.duration);  // the reading time
      }
      cards_.push_back(std::move(card));
    }
  }
}

OpenResult AppModel::check_item(const Route& route, const core::Pack*& pack, const core::Item*& item) const {
  OpenResult result;
  pack = catalog_.find_pack(route.item.pack_id);
  item = pack ? pack->find(route.item.item_id) : nullptr;
  if (item == nullptr) {
    result.ok = false;
    result.exit_code = 1;
    result.error = "unknown item '" + route.item.to_string() + "'" +
                   (pack ? " (pack '" + pack->id + "' has no such item)"
                         : " (no pack '" + route.item.pack_id + "' is loaded)");
    return result;
  }
  const auto refuse = [&](const std::string& why) {
    result.ok = false;
    result.exit_code = 1;
    result.error =
        "item '" + route.item.to_string() + "' is a " + core::to_string(item->kind) + " item; " + why;
  };
  if (route.screen == Screen::Player && !playable(*item)) {
    refuse(
        "only breathing items and micro-breaks can be played (modules: module/PACK_ID/ITEM_ID/PAGE, "
        "programs: "
        "program/PACK_ID/ITEM_ID)");
  } else if (route.screen == Screen::Module &&
             (item->kind != core::ItemKind::Module || item->module.pages.empty())) {
    refuse("only modules have pages to read");
  } else if (route.screen == Screen::Module &&
             (route.page < 0 || static_cast<std::size_t>(route.page) >= item->module.pages.size())) {
    result.ok = false;
    result.exit_code = 1;
    result.error = "module '" + route.item.to_string() + "' has " +
                   std::to_string(item->module.pages.size()) + " pages; page " +
                   std::to_string(route.page + 1) + " does not exist";
  } else if (route.screen == Screen::Program &&
             (item->kind != core::ItemKind::Program || item->program.days.empty())) {
    refuse("only programs have days to follow");
  }
  return result;
}

OpenResult AppModel::open(const Route& route) {
  if (flow_ != nullptr) {
    const Route allowed = flow_->guard(route);
    if (allowed != route) return open(allowed);
  }
  OpenResult result;
  if (route.screen == Screen::Module || route.screen == Screen::Program) {
    const core::Pack* pack = nullptr;
    const core::Item* item = nullptr;
    result = check_item(route, pack, item);
    if (!result.ok) return result;
  }
  if (route.screen != Screen::Player) {
    if (session_) end_session(ui::SessionEnd::Stopped);
    if (route.screen == Screen::Packs && packs_ != nullptr) packs_->refresh();  // read on every visit
    navigate(route);
    return result;
  }
  const core::Pack* pack = nullptr;
  const core::Item* item = nullptr;
  result = check_item(route, pack, item);
  if (!result.ok) return result;
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
    // Back returns to the screens that lead here; the player and completion are never returned to,
    // and home starts the history afresh.
    if (route.screen == Screen::Home) {
      history_.clear();
    } else if (route_.screen != Screen::Player && route_.screen != Screen::Completion &&
               !(route_.screen == Screen::Module && route.screen == Screen::Module &&
                 route.item == route_.item)) {
      history_.push_back(route_);
      if (history_.size() > 32) history_.erase(history_.begin());
    }
    route_ = route;
    if (route.screen == Screen::Module) journal_.load(route.item);  // the person's saved answers
    transition_started_ =
        settings_.reduced_motion ? std::nullopt : std::optional<core::MonoTime>(clock_.monotonic());
  }
  touch();
}

void AppModel::apply(const ui::UiAction& action) {
  using ui::ActionKind;
  // The PIN pad asking for the admin PIN before a pack change is the pack flow's, not the profiles'.
  if (packs_ != nullptr && packs_->asking_pin() && route_.screen == Screen::Packs && packs_->apply(action))
    return;
  if (flow_ != nullptr && flow_->apply(action)) return;
  if (packs_ != nullptr && packs_->apply(action)) return;
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
    case ActionKind::Back:
      back();
      break;
    case ActionKind::OpenAbout:
      open(Route{Screen::About, {}});
      break;
    case ActionKind::StartItem:
      start_item(action.item);
      break;
    case ActionKind::OpenModulePage: {
      Route route{Screen::Module, action.item};
      route.page = action.page;
      open(route);
      break;
    }
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
      settings_.follow_system_theme = false;
      touch();
      break;
    case ActionKind::SetFollowSystemTheme:
      settings_.follow_system_theme = action.flag;
      touch();
      break;
    case ActionKind::SetVibration:
      settings_.sound.vibration = action.flag;
      if (cues_ != nullptr) cues_->set_settings(settings_.sound);
      touch();
      break;
    case ActionKind::SetTextScale:
      settings_.text_scale = std::clamp(std::isfinite(action.volume) ? action.volume : 1.0f,
                                        ui::kMinTextScale, ui::kMaxTextScale);
      touch();
      break;
    case ActionKind::SetLocale:
      if (!action.text.empty() && action.text != settings_.locale) {
        settings_.locale = action.text;
        support_cache_.reset();
        rebuild_cards();
      }
      touch();
      break;
    case ActionKind::SetAskFeeling:
      settings_.ask_feeling = action.flag;
      touch();
      break;
    case ActionKind::SetSupportRegion:
      settings_.support_region = action.text;
      support_cache_.reset();
      touch();
      break;
    case ActionKind::SetLibraryFilter:
      library_filter_ = action.filter;
      touch();
      break;
    case ActionKind::AnswerFeeling:
      if (action.value >= 1 && action.value <= 5 && last_outcome_ && !feeling_) {
        feeling_ = action.value;
        if (feeling_handler_) feeling_handler_(*last_outcome_, action.value);
      }
      touch();
      break;
    case ActionKind::AnswerCheckin:
    case ActionKind::ResetCheckin:
    case ActionKind::EditReflection:
    case ActionKind::SaveReflection:
      apply_journal(action);
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
    default:
      break;  // progress, profiles and unit mode: the ProfileFlow's (applied above), ignored without one
  }
  if (is_saved_setting(action.kind)) settings_changed(action.kind);
}

void AppModel::back() {
  if (packs_ != nullptr && packs_->back()) return;
  if (flow_ != nullptr && flow_->back()) return;
  if (route_.screen == Screen::Home) return;
  if (session_) {
    // From the player: the session ends (kept as partial, reported) and the app goes home.
    end_session(ui::SessionEnd::Stopped);
    navigate(Route{});
    return;
  }
  Route previous;
  while (!history_.empty()) {
    previous = history_.back();
    history_.pop_back();
    if (previous != route_) break;
    previous = Route{};
  }
  const std::vector<Route> keep = history_;
  navigate(previous);
  history_ = keep;  // going back must not record the screen we left
}

void AppModel::start_item(const core::ItemRef& ref) {
  const core::Item* item = catalog_.find(ref);
  if (item == nullptr) return;
  Route route{Screen::Player, ref};
  if (item->kind == core::ItemKind::Module) route.screen = Screen::Module;
  if (item->kind == core::ItemKind::Program) route.screen = Screen::Program;
  open(route);
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
  outcome.how = finished ? ui::SessionEnd::Finished : how;
  // DESIGN §7: a session ended because the app was away too long is kept as partial.
  outcome.complete = runner.complete() && outcome.how != ui::SessionEnd::Interrupted;
  outcome.ended_at = clock_.utc_now();
  outcome.zone = clock_.zone_at(outcome.ended_at);
  session_.reset();
  last_outcome_ = outcome;
  feeling_.reset();
  navigate(Route{Screen::Completion, outcome.item});
  if (flow_ != nullptr) flow_->session_finished(outcome);  // recorded for the signed-in profile
  if (session_finished_) session_finished_(outcome);
}

void AppModel::catalog_changed() {
  rebuild_cards();
  const auto gone = [this](const Route& route) {
    if (route.screen != Screen::Module && route.screen != Screen::Program) return false;
    const core::Pack* pack = nullptr;
    const core::Item* item = nullptr;
    return !check_item(route, pack, item).ok;
  };
  // Going back must not lead to an item the new catalog does not have.
  history_.erase(std::remove_if(history_.begin(), history_.end(), gone), history_.end());
  if (gone(route_)) {
    const core::Item* item = catalog_.find(route_.item);
    if (route_.screen == Screen::Module && item != nullptr && item->kind == core::ItemKind::Module &&
        !item->module.pages.empty()) {
      route_.page = static_cast<int>(item->module.pages.size()) - 1;  // the page was cut: the last one
    } else {
      navigate(Route{});
    }
  }
  touch();
}

void AppModel::file_dropped(const std::string& path) {
  if (packs_ != nullptr) packs_->file_dropped(path);
}

void AppModel::note_input() {
  if (flow_ != nullptr) flow_->note_input();
}

// A session's own sounds (per-phase sounds, step narration) go to the audio device under their
// pack-relative path, the name the plan's cues carry; loading again at the next session replaces a
// same-named sound of another pack. Only once sound can be heard: the silent and with-patients
// modes never open the audio device for them.
void AppModel::load_pack_sounds() {
  if (!session_ || session_->sounds_loaded || services_.audio == nullptr || !settings_.sound.plays_sound())
    return;
  session_->sounds_loaded = true;
  const core::Pack* pack = catalog_.find_pack(session_->ref.pack_id);
  if (pack == nullptr) return;
  std::set<std::string> names;
  for (const core::CueEvent& cue : session_->runner->plan().cues) names.insert(cue.sound);
  for (const std::string& name : names) {
    const core::Asset* asset = pack->asset(name);
    if (asset != nullptr && asset->type != core::AssetType::Png && asset->data != nullptr)
      services_.audio->load_sound(name, *asset->data);
  }
}

void AppModel::update() {
  if (flow_ != nullptr) flow_->update();
  if (packs_ != nullptr) packs_->update();
  if (journal_.poll()) touch();
  if (!session_) return;
  load_pack_sounds();
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
  const std::optional<core::MonoTime> session = session_deadline();
  const std::optional<core::MonoTime> flow = flow_ != nullptr ? flow_->time_until_deadline() : std::nullopt;
  // --watch polls the pack's files at its interval: the loop wakes for that, and renders only
  // when something changed.
  const std::optional<core::MonoTime> packs =
      packs_ != nullptr ? packs_->time_until_deadline() : std::nullopt;
  std::optional<core::MonoTime> soonest = session;
  for (const auto& t : {flow, packs}) {
    if (t && (!soonest || *t < *soonest)) soonest = t;
  }
  return soonest;
}

std::optional<core::MonoTime> AppModel::session_deadline() const {
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
  std::optional<core::ItemRef> first_program;
  for (const ui::ItemCardView& card : cards_) {
    if (primary && card.ref == *primary && card.startable && card.kind == core::ItemKind::Breathing)
      view.primary = card;
    if (card.kind == core::ItemKind::Breathing && card.startable) view.breathing.push_back(card);
    if (card.kind == core::ItemKind::MicroBreak && card.startable) view.micro_breaks.push_back(card);
    if (card.kind == core::ItemKind::Program && card.startable && !first_program) first_program = card.ref;
  }
  // The next step: the followed program's current day, else the first program's day 1.
  const std::optional<core::ItemRef> program_ref = program_ ? program_ : first_program;
  const core::Pack* pack = program_ref ? catalog_.find_pack(program_ref->pack_id) : nullptr;
  const core::Item* program = program_ref ? catalog_.find(*program_ref) : nullptr;
  if (pack != nullptr && program != nullptr && program->kind == core::ItemKind::Program &&
      !program->program.days.empty()) {
    const int days = static_cast<int>(program->program.days.size());
    const int day = std::clamp(program_ ? program_day_ : 1, 1, days);
    const core::ProgramDay& spec = program->program.days[static_cast<std::size_t>(day - 1)];
    for (const std::string& written : spec.items) {
      const std::optional<core::ItemRef> ref = core::ItemRef::resolve(written, pack->id);
      const std::optional<ui::ItemCardView> card = ref ? card_for(*ref) : std::nullopt;
      if (!card || !card->startable) continue;
      ui::ProgramStepView step;
      step.program = *program_ref;
      step.program_title = program->title.get(settings_.locale, pack->default_locale);
      step.day = day;
      step.days = days;
      step.item = *card;
      view.next_step = step;
      break;
    }
  }
  view.streak = streak_;
  view.sound_mode = settings_.sound.mode;
  view.can_open_progress = flow_ != nullptr && flow_->signed_in() && !flow_->guest();
  return view;
}

std::optional<ui::ItemCardView> AppModel::card_for(const core::ItemRef& ref) const {
  for (const ui::ItemCardView& card : cards_) {
    if (card.ref == ref) return card;
  }
  return std::nullopt;
}

ui::LibraryView AppModel::library_view() const {
  ui::LibraryView view;
  view.items = cards_;
  view.filter = library_filter_;
  return view;
}

ui::PlayerView AppModel::player_view() const {
  ui::PlayerView view;
  view.reduced_motion = settings_.reduced_motion;
  view.sound_mode = settings_.sound.mode;
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
  const core::Pack* pack = catalog_.find_pack(session_->ref.pack_id);
  const core::Item* item = catalog_.find(session_->ref);
  if (pack != nullptr && item != nullptr && item->kind == core::ItemKind::MicroBreak) {
    view.micro_break = true;
    for (const core::PlannedPhase& planned : runner.plan().phases) {
      const bool valid =
          planned.step >= 0 && static_cast<std::size_t>(planned.step) < item->micro_break.steps.size();
      const core::MicroBreakStep* step =
          valid ? &item->micro_break.steps[static_cast<std::size_t>(planned.step)] : nullptr;
      view.steps.push_back(step != nullptr ? step->text.get(settings_.locale, pack->default_locale) : "");
      view.step_images.push_back(step != nullptr && !step->image.empty() ? pack->asset(step->image)
                                                                         : nullptr);
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
  view.ask_feeling = settings_.ask_feeling;
  view.feeling = feeling_;
  return view;
}

ui::SettingsView AppModel::settings_view() const {
  ui::SettingsView view;
  view.theme = settings_.theme;
  view.follow_system = settings_.follow_system_theme;
  view.system_theme = settings_.system_theme;
  view.reduced_motion = settings_.reduced_motion;
  view.sound = settings_.sound;
  view.audio_available = audio_available_;
  view.text_scale = settings_.text_scale;
  view.locale = settings_.locale;
  view.ask_feeling = settings_.ask_feeling;
  return view;
}

}  // namespace respite::app
