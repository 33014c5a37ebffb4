// Route names: the stable names of screens (DESIGN §6) used by `respite shot --route` and by the
// app's navigation. Built: home, library, play/PACK_ID/ITEM_ID (breathing items and micro-breaks),
// module/PACK_ID/ITEM_ID/PAGE (PAGE counts from 1), program/PACK_ID/ITEM_ID, settings, support,
// about. The completion screen has no route of its own: it follows a session (`shot --route
// play/... --at` past the end shows it). Routes DESIGN names but this build does not have are
// unknown routes.
#pragma once

#include <string>

#include "core/content.h"

namespace respite::app {

enum class Screen {
  Home,
  Library,
  Player,
  Completion,
  Settings,
  Support,
  About,
  Module,
  Program,
  // Who is using the app and their progress (app/profile_flow.h): `progress`, `profiles` (the
  // picker), `welcome` (the first-run choice), `unit` (the unit admin, behind the admin PIN). The
  // PIN pad and the add-a-person form are steps of a flow and have no route name of their own.
  Progress,
  Profiles,
  Welcome,
  AddProfile,
  Pin,
  UnitAdmin,
  // `packs`: the packs on this device (app/pack_flow.h), opened from the library.
  Packs
};

struct Route {
  Screen screen = Screen::Home;
  core::ItemRef item;  // Player, Module, Program
  int page = 0;        // Module: 0-based (the route name counts from 1)

  std::string to_string() const;
  friend bool operator==(const Route& a, const Route& b) {
    return a.screen == b.screen && a.item.pack_id == b.item.pack_id && a.item.item_id == b.item.item_id &&
           a.page == b.page;
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
