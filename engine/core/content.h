// The content model: what a pack is once it has been read and validated. Immutable after
// loading; the UI, the planner and the CLI only read it. The pack format that produces it is
// documented in docs/pack-format.md and parsed by core/pack_loader.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/time.h"

namespace respite::core {

// Text in several languages. Lookup falls back to the pack's default locale, then to any.
class LocalizedText {
 public:
  LocalizedText() = default;
  explicit LocalizedText(std::string text, std::string locale = "en") { set(locale, std::move(text)); }
  void set(const std::string& locale, std::string text) { by_locale_[locale] = std::move(text); }
  // The best text for `locale`: exact, then language only ("es" for "es-MX"), then `fallback`.
  const std::string& get(const std::string& locale, const std::string& fallback = "en") const;
  bool empty() const { return by_locale_.empty(); }
  bool has(const std::string& locale) const { return by_locale_.count(locale) != 0; }
  const std::map<std::string, std::string>& all() const { return by_locale_; }

 private:
  std::map<std::string, std::string> by_locale_;
};

enum class PhaseKind { Inhale, HoldIn, Exhale, HoldOut, TopUp };
const char* to_string(PhaseKind kind);  // "inhale", "hold_in", "exhale", "hold_out", "top_up"
std::optional<PhaseKind> phase_kind_from_string(const std::string& name);

// What happens at the start of a phase: a sound, a haptic pattern and a caption, each optional.
struct Cue {
  std::string sound;      // cue name from assets/ ("soft-rise") or a pack-relative file
  std::string haptic;     // "rise", "fall", "hold", "tap" or empty
  LocalizedText caption;  // shown on screen; required whenever `sound` is set
};

struct PhaseSpec {
  PhaseKind kind = PhaseKind::Inhale;
  Millis duration{0};
  // Progression across cycles: when set, the phase grows (or shrinks) linearly from `duration`
  // in the first cycle to `final_duration` in the last.
  std::optional<Millis> final_duration;
  std::optional<Cue> cue;
};

enum class PacerStyle { Circle, Box };

struct BreathingSpec {
  std::vector<PhaseSpec> phases;  // one cycle
  // Exactly one of `cycles` and `total` is set by the loader.
  std::optional<int> cycles;
  std::optional<Millis> total;
  PacerStyle style = PacerStyle::Circle;
};

enum class ItemKind { Breathing, MicroBreak, Module, Program };
const char* to_string(ItemKind kind);  // "breathing", "micro_break", "module", "program"

struct Citation {
  std::string text;  // human-readable reference
  std::string url;   // optional DOI or URL
};

struct Item {
  std::string id;  // unique within its pack
  ItemKind kind = ItemKind::Breathing;
  LocalizedText title;
  LocalizedText summary;
  std::vector<std::string> tags;
  std::vector<Citation> evidence;
  std::vector<LocalizedText> cautions;
  // A session counts as complete once its active time reaches this; defaults to the plan length.
  std::optional<Millis> minimum;
  BreathingSpec breathing;  // meaningful when kind == Breathing
};

struct Pack {
  int format_version = 1;
  std::string id;
  std::string version;
  LocalizedText title;
  std::string default_locale = "en";
  std::string default_item;  // the item the home screen's one-tap action starts
  std::string source;        // where it was loaded from (folder or file)
  std::vector<Item> items;

  const Item* find(const std::string& item_id) const;
};

// Full reference to an item across packs: "PACK_ID/ITEM_ID".
struct ItemRef {
  std::string pack_id;
  std::string item_id;
  std::string to_string() const { return pack_id + "/" + item_id; }
  static std::optional<ItemRef> parse(const std::string& text);
};

// Everything installed, in load order. Packs that failed validation are not in it.
struct Catalog {
  std::vector<Pack> packs;

  const Pack* find_pack(const std::string& pack_id) const;
  const Item* find(const ItemRef& ref) const;
  // The home screen's one-tap item: the first pack's default_item.
  std::optional<ItemRef> home_default() const;
};

}  // namespace respite::core
