// The UI's own words (buttons, headings, phase words) in the languages the app ships: English and
// Spanish. Pack texts (titles, summaries, captions) come from the packs themselves. A locale with
// no table falls back to English, by language first ("es-MX" uses Spanish).
#pragma once

#include <string>

#include "core/content.h"

namespace respite::ui {

struct Strings {
  const char* locale;
  const char* app_name;
  const char* home_tagline;
  const char* breathe_with_duration;  // printf format, %s = duration ("Breathe — 2 min")
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
  const char* minutes;          // "%d min"
  const char* seconds;          // "%d s"
  const char* minutes_seconds;  // "%d min %d s"
  const char* time_left;        // "%s left"
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

const Strings& strings_for(const std::string& locale);

// The word shown for a phase when the pack gives no caption.
const char* phase_word(const Strings& s, core::PhaseKind kind);
// The heading of a library group.
const char* kind_heading(const Strings& s, core::ItemKind kind);

// "45 s", "2 min", "1 min 30 s": whole seconds, rounded to the nearest second.
std::string format_duration(const Strings& s, double seconds);
// For lists and buttons: whole minutes from 90 s up ("5 min" for 4 min 57 s: the planner rounds a
// session to whole breaths), exact below.
std::string format_duration_short(const Strings& s, double seconds);
// "1:05" (m:ss), rounded up so a countdown reads 0:01 until the very end.
std::string format_clock(double seconds);

}  // namespace respite::ui
