// The progress screen (route `progress`): the person's streak (or weeks met, in weekly-goal mode;
// nothing when they hide streaks), a month calendar of practice days, minutes per week for the
// last eight weeks, recent sessions, their rhythm settings (day start, rest days, weekly goal,
// hidden streaks) and their data (export, delete, switch person). The tone is gentle: a broken
// streak is a welcome back, never a failure. Pure drawing from a ProgressView; the app builds it
// from the signed-in profile's store and applies the actions.
#pragma once

#include <string>
#include <vector>

#include "core/progress/progress_types.h"
#include "core/time.h"
#include "ui/views.h"
#include "ui/widgets.h"

namespace respite::ui {

struct ProgressDayView {
  core::CivilDate date;
  bool done = false;       // a complete session that counts
  bool practised = false;  // any session, partial ones included
  bool rest = false;       // a rest day (weekly pattern or single date) or a travel-excused day
  bool future = false;
  bool today = false;
  double active_minutes = 0.0;
};

struct ProgressWeekView {
  core::CivilDate monday;
  double minutes = 0.0;
  bool current = false;
  bool goal_met = false;
};

struct ProgressSessionView {
  std::string title;  // the item's title in the current language (its id if the pack is gone)
  core::CivilDate practice_day;
  int local_hour = 0;  // the wall-clock time the session ended, in the offset it was recorded in
  int local_minute = 0;
  double active_seconds = 0.0;
  bool complete = false;
};

enum class ProgressState {
  NoStorage,  // nothing is kept on this device (screenshots without --data-dir)
  Guest,      // a guest: nothing is recorded
  Loading,
  Ready,
  Failed,  // the store could not be opened: `message` says why
};

struct ProgressView {
  ProgressState state = ProgressState::Loading;
  std::string message;

  // Streak (not shown when streaks_hidden).
  bool streaks_hidden = false;
  bool weekly = false;  // counts weeks that met the goal
  int current = 0;
  int longest = 0;
  bool today_done = false;
  int week_done_days = 0;
  int week_goal = 0;
  bool has_history = false;  // any session at all
  int sessions = 0;          // complete and partial
  int days_practised = 0;
  double active_minutes = 0.0;

  // The calendar's month and its days, first to last.
  int year = 1970;
  int month = 1;
  bool can_go_forward = false;  // the shown month is before today's
  std::vector<ProgressDayView> days;

  std::vector<ProgressWeekView> weeks;  // oldest first
  std::vector<ProgressSessionView> recent;

  // The rhythm settings.
  int day_start_minutes = core::kDefaultDayStartMinutes;
  core::WeekdaySet rest_weekdays;
  int weekly_goal = 0;

  // Data and the person.
  std::string alias;
  bool can_switch_person = false;  // other profiles exist, or unit mode
  bool pin_protected = false;      // export and delete ask for the PIN
  bool confirm_delete = false;     // the delete button was tapped once: ask to confirm
  std::string status;              // a translation key after an export or a failed save; empty: nothing
  std::string status_detail;       // the file written, or why it failed
};

void draw_progress(const Ui& ui, const ProgressView& view, UiActions& actions);

}  // namespace respite::ui
