// The unit admin (route `unit`), reached from the picker with the admin PIN: the idle time before
// the tablet returns to the picker, the people on it (remove one, or reset a forgotten PIN, which
// removes that person's data only), the unit's own support resources (EAP, peer supporters,
// chaplain) and turning unit mode off. It shows aliases and settings, never anyone's practice.
#pragma once

#include <string>
#include <vector>

#include "ui/screen_profiles.h"
#include "ui/views.h"
#include "ui/widgets.h"

namespace respite::ui {

struct UnitResourceView {
  int kind = 0;  // index into kUnitResourceKinds
  std::string name;
  std::string phone;
  std::string description;
};

// Resource kinds the admin may add, in the order the screen offers them.
inline constexpr const char* kUnitResourceKinds[] = {"eap", "peer_support", "chaplaincy", "clinician_support",
                                                     "other"};
inline constexpr int kUnitResourceKindCount = 5;

struct UnitAdminView {
  bool loading = false;
  std::vector<ProfileTileView> profiles;
  int idle_timeout_seconds = 120;
  std::vector<UnitResourceView> resources;  // the draft being edited
  bool resources_dirty = false;
  std::vector<std::string> trusted_keys;  // "label (key id)"
  std::optional<UnitTotalsView> totals;
  std::string confirm_remove;  // profile id awaiting a second tap ("remove"), or empty
  std::string confirm_reset;   // profile id awaiting a second tap ("reset PIN")
  bool confirm_disable = false;
  std::string status;  // a message key or store message after the last operation
};

void draw_unit_admin(const Ui& ui, const UnitAdminView& view, UiActions& actions);

}  // namespace respite::ui
