// The UI's own words. Every word the screens show comes from the translation files
// assets/i18n/<language>.json (English and Spanish ship), loaded into a core::Translations
// (engine/core/i18n.h); numbers, dates and durations are written by core/locale_format.h. No
// screen holds a string literal that a person reads.
//
// ---- API (for screen authors) -------------------------------------------------------------
// Inside a screen, with `const Ui& ui` (ui/widgets.h):
//   ui.tr("home.tagline")                        -> const std::string&  (missing key: the key)
//   ui.tr_plural("duration.minutes", n)          -> the form for n, with {n} filled (locale digits)
//   ui.trf("player.time_left", {{"time", t}})    -> {placeholders} filled
//   ui.duration(seconds)  "2 min"     ui.duration_long(seconds)  "2 minutes" / "2 minutos"
//   ui.number(1.5, 1)     "1.5"/"1,5" ui.date_long(CivilDate)    "lunes, 3 de marzo de 2025"
// Outside a screen: the same as free functions here (tr(t, key), ...) on a core::Translations.
// Adding a string: add the key to BOTH assets/i18n/en.json and es.json (a test checks that the
// two files have the same keys, and another that every key the UI asks for exists).
// Keys are dotted by screen: "home.*", "library.*", "player.*", "settings.*", "progress.*", ...
//
// `Strings` (ui.text.xxx) is the older interface: the same words as named fields, filled from the
// translation file. It stays while screens move to ui.tr(); new code should use ui.tr().
#pragma once

#include <string>

#include "core/content.h"
#include "core/i18n.h"
#include "core/locale_format.h"

namespace respite::ui {

// Older named-field interface; each field points into the Translations it was made from.
struct Strings {
  const char* locale;
  const char* app_name;
  const char* home_tagline;
  const char* breathe_with_duration;  // "Breathe — {duration}"
  const char* breathe;
  const char* section_breathing;
  const char* browse_library;
  const char* library;
  const char* settings;
  const char* support;
  const char* back;
  const char* no_packs;
  const char* kind_breathing;
  const char* kind_micro_break;
  const char* kind_module;
  const char* kind_program;
  const char* not_in_this_version;
  const char* time_left;  // "{time} left"
  const char* phase_inhale;
  const char* phase_hold_in;
  const char* phase_exhale;
  const char* phase_hold_out;
  const char* phase_top_up;
  const char* phase_end;
  const char* pause;
  const char* resume;
  const char* stop;
  const char* end_session;
  const char* paused;
  const char* interrupted_title;
  const char* interrupted_body;
  const char* complete_title;
  const char* complete_body;
  const char* partial_title;
  const char* partial_body;
  const char* ended_in_background;
  const char* active_time;
  const char* done;
  const char* motion;
  const char* reduced_motion;
  const char* reduced_motion_help;
  const char* theme;
  const char* theme_light;
  const char* theme_dark;
  const char* sound;
  const char* mode_sound;
  const char* mode_silent;
  const char* mode_with_patients;
  const char* mode_sound_help;
  const char* mode_silent_help;
  const char* mode_with_patients_help;
  const char* volume;
  const char* no_audio_device;
  const char* on;
  const char* off;
  const char* support_title;
  const char* support_crisis;
  const char* support_us;
  const char* support_uk;
  const char* support_elsewhere;
  const char* support_work;
  const char* support_disclaimer;
};

// The named fields for `t`; valid while `t` lives.
Strings make_strings(const core::Translations& t);

// ---- Free-function forms of the Ui helpers ---------------------------------------------------
const std::string& tr(const core::Translations& t, std::string_view key);
std::string tr_plural(const core::Translations& t, std::string_view key, double n);
std::string trf(const core::Translations& t, std::string_view key, core::FormatArgs args);

// The key of a phase's word ("phase.inhale", ...) and of a library group ("kind.breathing", ...).
const char* phase_key(core::PhaseKind kind);
const char* kind_key(core::ItemKind kind);

// For lists and buttons: whole minutes from 90 s up ("5 min" for 4 min 57 s: the planner rounds a
// session to whole breaths), exact below ("45 s", "1 min 16 s").
std::string format_duration_short(const core::Translations& t, double seconds);
// "1:05" (m:ss), rounded up so a countdown reads 0:01 until the very end.
using core::format_clock;

}  // namespace respite::ui
