#include "app/route.h"

namespace respite::app {
namespace {

constexpr const char* kBuiltRoutes =
    "home, library, play/PACK_ID/ITEM_ID, module/PACK_ID/ITEM_ID/PAGE, program/PACK_ID/ITEM_ID, settings, "
    "support, about, progress, profiles, welcome, unit, packs";

RouteParse failure(RouteError error, std::string message) {
  RouteParse parse;
  parse.error = error;
  parse.message = std::move(message);
  return parse;
}

}  // namespace

std::string Route::to_string() const {
  switch (screen) {
    case Screen::Home:
      return "home";
    case Screen::Library:
      return "library";
    case Screen::Player:
      return "play/" + item.to_string();
    case Screen::Completion:
      return "completion";
    case Screen::Settings:
      return "settings";
    case Screen::Support:
      return "support";
    case Screen::About:
      return "about";
    case Screen::Module:
      return "module/" + item.to_string() + "/" + std::to_string(page + 1);
    case Screen::Program:
      return "program/" + item.to_string();
    case Screen::Progress:
      return "progress";
    case Screen::Profiles:
      return "profiles";
    case Screen::Welcome:
      return "welcome";
    case Screen::AddProfile:
      return "add-profile";
    case Screen::Pin:
      return "pin";
    case Screen::UnitAdmin:
      return "unit";
    case Screen::Packs:
      return "packs";
  }
  return "home";
}

RouteParse parse_route(const std::string& text) {
  RouteParse parse;
  if (text == "home") return parse;
  if (text == "library" || text == "settings" || text == "support" || text == "about") {
    parse.route.screen = text == "library"    ? Screen::Library
                         : text == "settings" ? Screen::Settings
                         : text == "about"    ? Screen::About
                                              : Screen::Support;
    return parse;
  }
  if (text == "packs") {
    parse.route.screen = Screen::Packs;
    return parse;
  }
  if (text == "progress" || text == "profiles" || text == "welcome" || text == "unit") {
    parse.route.screen = text == "progress"   ? Screen::Progress
                         : text == "profiles" ? Screen::Profiles
                         : text == "welcome"  ? Screen::Welcome
                                              : Screen::UnitAdmin;
    return parse;
  }
  if (text == "program" || text.rfind("program/", 0) == 0) {
    const auto ref = text.size() > 8 ? core::ItemRef::parse(text.substr(8)) : std::nullopt;
    if (!ref) {
      return failure(RouteError::Malformed, "route '" + text +
                                                "' is malformed: expected program/PACK_ID/ITEM_ID, e.g. "
                                                "program/clinician-essentials/seven-day-reset");
    }
    parse.route.screen = Screen::Program;
    parse.route.item = *ref;
    return parse;
  }
  if (text == "module" || text.rfind("module/", 0) == 0) {
    // module/PACK_ID/ITEM_ID/PAGE, PAGE a whole number from 1.
    const std::string rest = text.size() > 7 ? text.substr(7) : std::string();
    const std::size_t slash = rest.rfind('/');
    const auto ref = slash == std::string::npos ? std::nullopt : core::ItemRef::parse(rest.substr(0, slash));
    const std::string page = slash == std::string::npos ? std::string() : rest.substr(slash + 1);
    const bool digits =
        !page.empty() && page.size() <= 4 && page.find_first_not_of("0123456789") == std::string::npos;
    if (!ref || !digits || std::stoi(page) < 1) {
      return failure(RouteError::Malformed,
                     "route '" + text +
                         "' is malformed: expected module/PACK_ID/ITEM_ID/PAGE with PAGE "
                         "from 1, e.g. module/clinician-essentials/understanding-burnout/1");
    }
    parse.route.screen = Screen::Module;
    parse.route.item = *ref;
    parse.route.page = std::stoi(page) - 1;
    return parse;
  }
  if (text == "play" || text.rfind("play/", 0) == 0) {
    const auto ref = text.size() > 5 ? core::ItemRef::parse(text.substr(5)) : std::nullopt;
    if (!ref) {
      return failure(RouteError::Malformed, "route '" + text +
                                                "' is malformed: expected play/PACK_ID/ITEM_ID, e.g. "
                                                "play/clinician-essentials/two-minute-reset");
    }
    parse.route.screen = Screen::Player;
    parse.route.item = *ref;
    return parse;
  }
  if (text.empty())
    return failure(RouteError::Malformed, "route is empty; routes: " + std::string(kBuiltRoutes));
  return failure(RouteError::Unknown,
                 "unknown route '" + text + "': this build has the routes " + std::string(kBuiltRoutes));
}

}  // namespace respite::app
