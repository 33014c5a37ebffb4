// Who is using the app. The profile picker (route `profiles`) for shared unit tablets and
// multi-person devices: big tiles with aliases only (no streaks, no recent sessions: colleagues
// see each other's screen), a guest tile that records nothing, "add a person", the unit's
// anonymous totals and, in unit mode, a quiet way into the unit admin. Also the first-run choice
// (route `welcome`: just me, or a shared unit tablet) and the add-a-person form. Pure drawing.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "ui/views.h"
#include "ui/widgets.h"

namespace respite::ui {

struct ProfileTileView {
  std::string id;
  std::string alias;
  bool has_pin = false;
};

struct UnitTotalsView {
  int sessions = 0;
  double minutes = 0.0;
};

struct ProfilesView {
  bool unit_mode = false;
  bool loading = false;
  std::vector<ProfileTileView> profiles;
  std::optional<UnitTotalsView> totals;  // absent: fewer than three people practised this week
};

struct AddProfileView {
  std::string alias;  // the draft
  bool with_pin = false;
  std::string error;  // a message key, or a store message
  bool busy = false;
};

// A one-line text field as tall as a button, for typing with a finger. True when `value` changed.
bool text_field(const Ui& ui, const char* id, std::string& value, std::size_t max_bytes, float width);

void draw_profiles(const Ui& ui, const ProfilesView& view, UiActions& actions);
void draw_welcome(const Ui& ui, UiActions& actions);
void draw_add_profile(const Ui& ui, const AddProfileView& view, UiActions& actions);

// A calm message at the bottom of any screen ("Your practice history was restored from a
// backup…") with one button to put it away. Drawn over the screen by the app.
void draw_notice_sheet(const Ui& ui, const std::string& message, UiActions& actions);

}  // namespace respite::ui
