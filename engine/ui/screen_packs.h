// The Packs screen (route `packs`, opened from the library) and the live-reload diagnostics panel.
// Packs lists every pack the app knows: the ones that come with Respite, the ones opened with
// --pack, and the ones installed on this device (title, version, items by kind, signature; a
// broken one with its problems as FILE:LINE:COL lines), then the .respack files waiting in the
// import folder or dropped on the window, each with Install or Update. Removing asks first; on a
// unit tablet the app asks for the admin PIN (the PIN pad) before it installs or removes anything.
// The diagnostics panel sits over any screen while `respite --pack DIR --watch` sees errors in the
// pack being edited. Pure drawing: the app (app/pack_flow.h) builds the views.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "ui/views.h"
#include "ui/widgets.h"

namespace respite::ui {

enum class PackOrigin {
  Bundled,    // comes with Respite; never removed
  Opened,     // given with --pack; never removed from here
  Installed,  // in the data folder's packs/
};

enum class PackSignatureState {
  None,       // a folder, or a bundled pack: nothing to check
  Unsigned,   // an archive without a .sig
  Trusted,    // signed by a key this device trusts
  Untrusted,  // signed, by a key this device does not trust
  Invalid,    // a signature that does not match (changed after signing) or cannot be read
};

struct PackEntryView {
  std::string id;  // the pack id (what Remove names); may be empty for a pack that cannot be read
  std::string title;
  std::string version;
  std::string file;  // the file or folder name, shown for a pack that cannot be read
  PackOrigin origin = PackOrigin::Installed;
  std::vector<std::pair<core::ItemKind, int>> kinds;  // items by kind, only kinds it has
  PackSignatureState signature = PackSignatureState::None;
  std::string signer;  // the key id, when signed
  bool broken = false;
  int errors = 0;
  int warnings = 0;
  std::vector<std::string> diagnostics;  // "FILE:LINE:COL: error[CODE]: ...", errors first
};

struct PackImportView {
  std::string path;  // what InstallPack carries
  std::string file;  // its name
  std::string id;
  std::string title;
  std::string version;
  std::string installed_version;  // the installed copy's version; empty: not installed
  bool valid = false;             // loads without errors
  PackSignatureState signature = PackSignatureState::Unsigned;
  std::vector<std::string> diagnostics;  // when it does not load
};

struct PacksView {
  bool loading = false;  // the list is being read
  bool busy = false;     // an install or removal is running
  bool unit_mode = false;
  std::string import_dir;  // where to put .respack files (empty: no data folder)
  std::vector<PackEntryView> packs;
  std::vector<PackImportView> imports;
  std::string confirm_remove;  // the id of the pack whose removal is being asked
  // The outcome of the last install or removal: a translation key with {title}, {version},
  // {installed} and {detail}, and whether it went wrong.
  std::string status;
  std::string status_title, status_version, status_installed, status_detail;
  bool status_failed = false;
  std::vector<std::string> status_diagnostics;  // a refused pack's errors
};

void draw_packs(const Ui& ui, const PacksView& view, UiActions& actions);

// The pack being watched has errors: a panel over the lower part of any screen listing them. The
// screen behind keeps the last version of the pack that loaded.
struct PackDiagnosticsView {
  std::vector<std::string> lines;  // formatted diagnostics, errors first
  int errors = 0;
  int warnings = 0;
};

void draw_pack_diagnostics_panel(const Ui& ui, const PackDiagnosticsView& view);

}  // namespace respite::ui
