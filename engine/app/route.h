// Route names: the stable names of screens (DESIGN §6) used by `respite shot --route` and by the
// app's navigation. Built: home, library, play/PACK_ID/ITEM_ID, settings, support. The completion
// screen has no route of its own: it follows a session (`shot --route play/... --at` past the
// end shows it). Routes DESIGN names but this build does not have (progress, profiles,
// module/...) are unknown routes.
#pragma once

#include <string>

#include "core/content.h"

namespace respite::app {

enum class Screen { Home, Library, Player, Completion, Settings, Support };

struct Route {
  Screen screen = Screen::Home;
  core::ItemRef item;  // Player only

  std::string to_string() const;
  friend bool operator==(const Route& a, const Route& b) {
    return a.screen == b.screen && a.item.pack_id == b.item.pack_id && a.item.item_id == b.item.item_id;
  }
  friend bool operator!=(const Route& a, const Route& b) { return !(a == b); }
};

enum class RouteError {
  None,
  Malformed,  // a usage error: "play" without PACK_ID/ITEM_ID, empty parts, extra parts
  Unknown,    // a well-formed name this build has no screen for
};

struct RouteParse {
  Route route;
  RouteError error = RouteError::None;
  std::string message;  // set when error != None
};

RouteParse parse_route(const std::string& text);

}  // namespace respite::app
