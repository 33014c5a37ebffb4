#include "app/route.h"

namespace respite::app {
namespace {

constexpr const char* kBuiltRoutes = "home, library, play/PACK_ID/ITEM_ID, settings, support";

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
  }
  return "home";
}

RouteParse parse_route(const std::string& text) {
  RouteParse parse;
  if (text == "home") return parse;
  if (text == "library" || text == "settings" || text == "support") {
    parse.route.screen = text == "library"    ? Screen::Library
                         : text == "settings" ? Screen::Settings
                                              : Screen::Support;
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
