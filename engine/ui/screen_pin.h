// The PIN pad: large keys a gloved finger can hit (at least 72 dp), dots for the digits typed, and
// a calm line when a PIN was wrong or must wait. One screen for every PIN the app asks: a
// profile's (to sign in, to export or delete its data), the unit admin's, and choosing a new one
// (twice). Pure drawing: digits are kept by the app, never by the screen.
#pragma once

#include <string>

#include "ui/views.h"
#include "ui/widgets.h"

namespace respite::ui {

enum class PinPurpose {
  UnlockProfile,  // alias shown
  UnlockAdmin,
  ChooseProfilePin,   // a new profile's PIN, first entry
  ConfirmProfilePin,  // again
  ChooseAdminPin,     // setting up unit mode
  ConfirmAdminPin,
  ConfirmExport,  // the profile's PIN before its data leaves the app
  ConfirmDelete,  // the profile's PIN before its data is deleted
};

struct PinView {
  PinPurpose purpose = PinPurpose::UnlockProfile;
  std::string alias;  // whose PIN (profile purposes)
  int entered = 0;    // digits typed so far (never the digits themselves)
  int min_length = 4;
  int max_length = 8;
  bool busy = false;  // being checked
  // What went wrong, as a translation key ("pin.wrong", "pin.mismatch", ...); empty: nothing.
  std::string message;
  int wait_seconds = 0;  // > 0: the keys are off until the delay after wrong PINs runs out
};

void draw_pin(const Ui& ui, const PinView& view, UiActions& actions);

}  // namespace respite::ui
