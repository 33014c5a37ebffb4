#include "ui/strings.h"

#include <cmath>

namespace respite::ui {

Strings make_strings(const core::Translations& t) {
  const auto s = [&t](const char* key) { return t.text(key).c_str(); };
  Strings out{};
  out.locale = t.language().c_str();
  out.app_name = s("app.name");
  out.home_tagline = s("home.tagline");
  out.breathe_with_duration = s("home.breathe_for");
  out.breathe = s("home.breathe");
  out.section_breathing = s("home.section_breathing");
  out.browse_library = s("home.browse_library");
  out.library = s("nav.library");
  out.settings = s("nav.settings");
  out.support = s("nav.support");
  out.back = s("nav.back");
  out.no_packs = s("home.no_packs");
  out.kind_breathing = s("kind.breathing");
  out.kind_micro_break = s("kind.micro_break");
  out.kind_module = s("kind.module");
  out.kind_program = s("kind.program");
  out.not_in_this_version = s("library.not_available");
  out.time_left = s("player.time_left");
  out.phase_inhale = s("phase.inhale");
  out.phase_hold_in = s("phase.hold_in");
  out.phase_exhale = s("phase.exhale");
  out.phase_hold_out = s("phase.hold_out");
  out.phase_top_up = s("phase.top_up");
  out.phase_end = s("phase.end");
  out.pause = s("player.pause");
  out.resume = s("player.resume");
  out.stop = s("player.stop");
  out.end_session = s("player.end");
  out.paused = s("player.paused");
  out.interrupted_title = s("player.interrupted_title");
  out.interrupted_body = s("player.interrupted_body");
  out.complete_title = s("completion.complete_title");
  out.complete_body = s("completion.complete_body");
  out.partial_title = s("completion.partial_title");
  out.partial_body = s("completion.partial_body");
  out.ended_in_background = s("completion.ended_in_background");
  out.active_time = s("completion.active_time");
  out.done = s("completion.done");
  out.motion = s("settings.motion");
  out.reduced_motion = s("settings.reduced_motion");
  out.reduced_motion_help = s("settings.reduced_motion_help");
  out.theme = s("settings.theme");
  out.theme_light = s("theme.light");
  out.theme_dark = s("theme.dark");
  out.sound = s("settings.sound");
  out.mode_sound = s("sound.mode_sound");
  out.mode_silent = s("sound.mode_silent");
  out.mode_with_patients = s("sound.mode_with_patients");
  out.mode_sound_help = s("sound.mode_sound_help");
  out.mode_silent_help = s("sound.mode_silent_help");
  out.mode_with_patients_help = s("sound.mode_with_patients_help");
  out.volume = s("settings.volume");
  out.no_audio_device = s("settings.no_audio_device");
  out.on = s("common.on");
  out.off = s("common.off");
  out.support_title = s("support.title");
  out.support_crisis = s("support.crisis");
  out.support_us = s("support.us");
  out.support_uk = s("support.uk");
  out.support_elsewhere = s("support.elsewhere");
  out.support_work = s("support.work");
  out.support_disclaimer = s("support.disclaimer");
  return out;
}

const std::string& tr(const core::Translations& t, std::string_view key) {
  return t.text(key);
}

std::string tr_plural(const core::Translations& t, std::string_view key, double n) {
  const bool whole = std::floor(n) == n;
  const std::string digits = whole ? core::format_number(t, n, 0) : core::format_number(t, n, 1);
  return core::format_text(t.plural(key, n), {{"n", digits}});
}

std::string trf(const core::Translations& t, std::string_view key, core::FormatArgs args) {
  return t.format(key, args);
}

const char* phase_key(core::PhaseKind kind) {
  switch (kind) {
    case core::PhaseKind::Inhale:
      return "phase.inhale";
    case core::PhaseKind::HoldIn:
      return "phase.hold_in";
    case core::PhaseKind::Exhale:
      return "phase.exhale";
    case core::PhaseKind::HoldOut:
      return "phase.hold_out";
    case core::PhaseKind::TopUp:
      return "phase.top_up";
  }
  return "phase.inhale";
}

const char* kind_key(core::ItemKind kind) {
  switch (kind) {
    case core::ItemKind::Breathing:
      return "kind.breathing";
    case core::ItemKind::MicroBreak:
      return "kind.micro_break";
    case core::ItemKind::Module:
      return "kind.module";
    case core::ItemKind::Program:
      return "kind.program";
  }
  return "kind.breathing";
}

std::string format_duration_short(const core::Translations& t, double seconds) {
  if (seconds < 90.0) return core::format_duration_compact(t, seconds);
  return core::format_duration_compact(t, 60.0 * std::round(seconds / 60.0));
}

}  // namespace respite::ui
