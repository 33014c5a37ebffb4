// The content model: what a pack is once it has been read and validated. Immutable after
// loading; the UI, the planner and the CLI only read it. The pack format that produces it is
// documented in docs/pack-format.md and parsed by core/pack_loader.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/time.h"

namespace respite::core {

// Text in several languages. Lookup falls back to the pack's default locale, then to any.
class LocalizedText {
 public:
  using Entry = std::pair<std::string, std::string>;  // locale, text

  LocalizedText() = default;
  explicit LocalizedText(std::string text, std::string locale = "en") { set(locale, std::move(text)); }
  // Adds or replaces the text in `locale`.
  void set(std::string_view locale, std::string text);
  void reserve(std::size_t locales) { by_locale_.reserve(locales); }
  // The best text for `locale`: exact, then language only ("es" for "es-MX"), then `fallback`.
  const std::string& get(const std::string& locale, const std::string& fallback = "en") const;
  bool empty() const { return by_locale_.empty(); }
  bool has(std::string_view locale) const { return find(locale) != nullptr; }
  // Every translation, sorted by locale.
  const std::vector<Entry>& all() const { return by_locale_; }

 private:
  const std::string* find(std::string_view locale) const;
  // Sorted by locale: a text has one to a few translations, and thousands of texts are read per
  // pack, so one small vector each instead of a tree node per translation.
  std::vector<Entry> by_locale_;
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
const char* to_string(PacerStyle style);  // "circle", "box"
std::optional<PacerStyle> pacer_style_from_string(const std::string& name);

// Rounds (format 2): the cycles are played `count` times, each round followed by a retention
// hold (a PhaseSpec of kind HoldIn or HoldOut, without progression).
struct BreathingRounds {
  int count = 1;
  PhaseSpec retention;
};

struct BreathingSpec {
  std::vector<PhaseSpec> phases;  // one cycle
  // Exactly one of `cycles` and `total` is set by the loader. With `rounds`, `cycles` counts the
  // cycles of one round and `total` the requested length of the whole session.
  std::optional<int> cycles;
  std::optional<Millis> total;
  PacerStyle style = PacerStyle::Circle;
  std::optional<BreathingRounds> rounds;
};

// A micro-break (format 2): a few timed steps of movement or rest, 30 s to 3 min in total.
struct MicroBreakStep {
  LocalizedText text;
  Millis duration{0};
  std::string image;      // pack-relative path of a PNG (Pack::assets), or empty
  std::string audio;      // pack-relative path of a WAV or OGG narration, or empty
  LocalizedText caption;  // what the audio says; always set when `audio` is
};

struct MicroBreakSpec {
  std::vector<MicroBreakStep> steps;
  Millis total() const;
};

// A module (format 2): short pages to read, with private reflection prompts and an optional
// self-check ("check-in") whose score picks a message and suggestions.
struct ModulePrompt {
  std::string id;  // unique in the module; answers are stored under it, on the device only
  LocalizedText text;
};

enum class QuestionType { Scale, Choice };

struct ChoiceOption {
  LocalizedText text;
  int score = 0;
};

struct CheckinQuestion {
  std::string id;  // unique in its check-in
  LocalizedText text;
  QuestionType type = QuestionType::Scale;
  int min = 0;  // Scale: the answer is a whole number min..max
  int max = 0;
  LocalizedText min_label;  // Scale, optional
  LocalizedText max_label;
  std::vector<ChoiceOption> options;  // Choice
  int min_score() const;
  int max_score() const;
};

// The score range [min, max] (inclusive) and what to show for it. The loader guarantees that the
// bands of a check-in cover every possible score exactly once.
struct CheckinBand {
  int min = 0;
  int max = 0;
  LocalizedText message;
  std::vector<std::string> suggest;  // item references as written: "ITEM_ID" or "PACK_ID/ITEM_ID"
};

struct Checkin {
  std::string id;
  LocalizedText instrument;  // name and licence/attribution; may be empty
  std::vector<CheckinQuestion> questions;
  std::vector<CheckinBand> bands;  // sorted by score
  int min_score() const;           // the sum of every question's lowest score
  int max_score() const;
  const CheckinBand* band_for(int score) const;  // nullptr outside [min_score, max_score]
};

struct ModulePage {
  LocalizedText title;
  LocalizedText body;  // light markup, parsed by core/markup.h
  std::vector<ModulePrompt> prompts;
  std::optional<Checkin> checkin;
};

struct ModuleSpec {
  std::vector<ModulePage> pages;
};

// A program (format 2): a sequence of days, each naming items to practise that day.
struct ProgramDay {
  int day = 1;                     // 1..N, consecutive
  std::vector<std::string> items;  // "ITEM_ID" (same pack) or "PACK_ID/ITEM_ID"
  LocalizedText note;              // optional
};

struct ProgramSpec {
  std::vector<ProgramDay> days;
};

enum class ItemKind { Breathing, MicroBreak, Module, Program };
const char* to_string(ItemKind kind);  // "breathing", "micro_break", "module", "program"
std::optional<ItemKind> item_kind_from_string(const std::string& name);

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
  // duration_seconds as written, for a micro-break (equal to its steps' sum) or a module (the
  // estimated reading time). Breathing keeps its requested length in breathing.total.
  std::optional<Millis> duration;
  BreathingSpec breathing;     // meaningful when kind == Breathing
  MicroBreakSpec micro_break;  // kind == MicroBreak
  ModuleSpec module;           // kind == Module
  ProgramSpec program;         // kind == Program
};

enum class AssetType { Png, Wav, Ogg };
const char* to_string(AssetType type);  // "png", "wav", "ogg"

// A file shipped inside a pack (an image or a sound), checked and decoded once when the pack was
// validated. `data` holds the file's bytes so that the app never reads the pack again (a .respack
// is never extracted to disk).
struct Asset {
  std::string path;  // pack-relative, as written: "images/neck.png"
  AssetType type = AssetType::Png;
  std::size_t bytes = 0;
  int width = 0;  // images
  int height = 0;
  int channels = 0;  // audio
  int sample_rate = 0;
  Millis duration{0};
  std::shared_ptr<const std::string> data;
};

struct Pack {
  int format_version = 1;
  std::string id;
  std::string version;
  LocalizedText title;
  std::string default_locale = "en";
  // The languages the pack claims (format 2 "locales"; format 1: the languages of its title).
  std::vector<std::string> locales;
  std::string default_item;  // the item the home screen's one-tap action starts
  std::string source;        // where it was loaded from (folder or file)
  std::vector<Item> items;
  // Every file the pack is made of, pack-relative and sorted: the manifest, its item files and its
  // assets. `respite pack build` packs exactly these.
  std::vector<std::string> files;
  std::map<std::string, Asset> assets;  // by path

  const Item* find(const std::string& item_id) const;
  const Asset* asset(const std::string& path) const;
};

// Full reference to an item across packs: "PACK_ID/ITEM_ID".
struct ItemRef {
  std::string pack_id;
  std::string item_id;
  std::string to_string() const { return pack_id + "/" + item_id; }
  static std::optional<ItemRef> parse(const std::string& text);
  // A reference as written in a pack: "ITEM_ID" (in `own_pack`) or "PACK_ID/ITEM_ID".
  static std::optional<ItemRef> resolve(const std::string& text, const std::string& own_pack);
  bool operator==(const ItemRef& other) const { return pack_id == other.pack_id && item_id == other.item_id; }
  bool operator<(const ItemRef& other) const {
    return pack_id != other.pack_id ? pack_id < other.pack_id : item_id < other.item_id;
  }
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
