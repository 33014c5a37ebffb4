// The pack validator, part two: the four kinds of item (breathing, micro_break, module, program).
// See pack_reader.h; the fields are documented for authors in docs/pack-format.md.
#include <algorithm>
#include <cmath>

#include "core/json_number.h"
#include "core/markup.h"
#include "core/pack_reader.h"
#include "core/pack_text.h"
#include "core/session_plan.h"

namespace respite::core::detail {

using pack_text::join;

namespace {

const std::vector<std::string> kItemKinds = {"breathing", "micro_break", "module", "program"};
const std::vector<std::string> kBreathingFieldsV1 = {
    "id",    "kind",   "title",    "summary", "tags", "duration_seconds", "cycles", "minimum_seconds",
    "pacer", "phases", "evidence", "cautions"};
const std::vector<std::string> kBreathingFieldsNew = {"seconds_per_unit", "rounds"};
const std::vector<std::string> kMicroBreakFields = {
    "id",    "kind",     "title",   "summary", "tags", "duration_seconds", "minimum_seconds",
    "steps", "evidence", "cautions"};
const std::vector<std::string> kModuleFields = {
    "id", "kind", "title", "summary", "tags", "duration_seconds", "pages", "evidence", "cautions"};
const std::vector<std::string> kProgramFields = {"id",   "kind", "title",    "summary",
                                                 "tags", "days", "evidence", "cautions"};
const std::vector<std::string> kPhaseFieldsV1 = {"kind", "seconds", "to_seconds", "cue"};
const std::vector<std::string> kPhaseFieldsNew = {"units"};
const std::vector<std::string> kRetentionFields = {"kind", "seconds", "units", "cue"};
const std::vector<std::string> kRoundsFields = {"count", "retention"};
const std::vector<std::string> kCueFields = {"sound", "haptic", "caption"};
const std::vector<std::string> kCitationFields = {"text", "url"};
const std::vector<std::string> kStepFields = {"text", "seconds", "image", "audio", "caption"};
const std::vector<std::string> kPageFields = {"title", "body", "prompts", "checkin"};
const std::vector<std::string> kPromptFields = {"id", "text"};
const std::vector<std::string> kCheckinFields = {"id", "instrument", "questions", "bands"};
const std::vector<std::string> kScaleFields = {"id", "text", "type", "min", "max", "min_label", "max_label"};
const std::vector<std::string> kChoiceFields = {"id", "text", "type", "options"};
const std::vector<std::string> kOptionFields = {"text", "score"};
const std::vector<std::string> kBandFields = {"min", "max", "message", "suggest"};
const std::vector<std::string> kDayFields = {"day", "items", "note"};
const std::vector<std::string> kPhaseKinds = {"inhale", "hold_in", "exhale", "hold_out", "top_up"};
const std::vector<std::string> kHoldKinds = {"hold_in", "hold_out"};
const std::vector<std::string> kPacers = {"circle", "box"};
const std::vector<std::string> kHaptics = {"rise", "fall", "hold", "tap"};
const std::vector<std::string> kQuestionTypes = {"scale", "choice"};

bool is_hold(PhaseKind kind) {
  return kind == PhaseKind::HoldIn || kind == PhaseKind::HoldOut;
}

// A cue sound: a name from the app's cue set ("inhale", "soft-rise") or a file inside the pack
// ("sounds/bell.ogg"). Never an absolute path or one that climbs out of the pack.
bool is_valid_sound(const std::string& sound) {
  const auto lower_alnum = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
  if (sound.empty() || sound.size() > 128 || !lower_alnum(sound[0]) || sound.back() == '/') return false;
  if (sound.find("..") != std::string::npos || sound.find("//") != std::string::npos) return false;
  return std::all_of(sound.begin(), sound.end(),
                     [&](char c) { return lower_alnum(c) || c == '-' || c == '_' || c == '.' || c == '/'; });
}

bool is_sound_file(const std::string& sound) {
  return sound.find_first_of("./") != std::string::npos;
}

}  // namespace

// ---- Items ----------------------------------------------------------------------------------------

std::optional<Item> PackReader::read_item(const Value& v, const Path& path) {
  if (!expect_type(v, Type::Object, path, "an item object {...}")) return std::nullopt;
  const std::size_t errors_before = errors();
  const bool v2 = pack_.format_version >= 2;
  Item item;

  // The kind decides which fields exist, so it is read first.
  bool known_kind = true;
  const std::string kind_hint =
      v2 ? "what sort of item this is: \"breathing\", \"micro_break\", \"module\" or \"program\""
         : "what sort of item this is: \"breathing\"";
  if (const Value* kind_v = require(v, path, "kind", kind_hint)) {
    if (auto kind = read_choice(*kind_v, path + ".kind", kItemKinds)) {
      item.kind = *item_kind_from_string(*kind);
      if (!v2 && item.kind != ItemKind::Breathing) {
        error("E-UNSUPPORTED-KIND", at(*kind_v), path + ".kind",
              "items of kind \"" + *kind +
                  "\" need \"format_version\": 2; this pack says 1, which has only "
                  "\"breathing\" items");
        known_kind = false;
      }
    } else {
      known_kind = false;
    }
  } else if (v2) {
    known_kind = false;  // without a kind, which fields belong is unknown (format 1 has only breathing)
  }

  if (const Value* id_v = require(v, path, "id", "a short name for the item, unique in the pack")) {
    if (auto id = read_id(*id_v, path + ".id")) {
      item.id = *id;
      if (auto it = first_use_.find(*id); it != first_use_.end()) {
        const FirstUse& first = it->second;
        const std::string where = first.at.file == 0 ? "" : sources_[first.at.file].relative + " ";
        const int line = lines_of(first.at.file).at(first.at.offset).line;
        error("E-DUPLICATE-ID", at(*id_v), path + ".id",
              "the item id \"" + *id + "\" is already used by " + where + first.path + " (line " +
                  std::to_string(line) + "); item ids must be unique in a pack");
      } else {
        first_use_.emplace(*id, FirstUse{at(*id_v), path.str()});
        if (known_kind && item.kind == ItemKind::Program) program_ids_.emplace(*id, at(*id_v));
      }
      item_ids_.insert(*id);
    }
  }
  // An item of an unknown or unsupported kind has fields this reader does not know; checking them
  // would only add noise to the one error that matters.
  if (!known_kind) return std::nullopt;

  switch (item.kind) {
    case ItemKind::Breathing:
      if (v2) {
        std::vector<std::string> fields = kBreathingFieldsV1;
        fields.insert(fields.end(), kBreathingFieldsNew.begin(), kBreathingFieldsNew.end());
        check_fields(v, path, fields);
      } else {
        check_fields(v, path, kBreathingFieldsV1, kBreathingFieldsNew);
      }
      break;
    case ItemKind::MicroBreak:
      check_fields(v, path, kMicroBreakFields);
      break;
    case ItemKind::Module:
      check_fields(v, path, kModuleFields);
      break;
    case ItemKind::Program:
      check_fields(v, path, kProgramFields);
      break;
  }
  read_common(v, path, item);
  switch (item.kind) {
    case ItemKind::Breathing:
      read_breathing(v, path, item);
      break;
    case ItemKind::MicroBreak:
      read_micro_break(v, path, item);
      break;
    case ItemKind::Module:
      read_module(v, path, item);
      break;
    case ItemKind::Program:
      read_program(v, path, item);
      break;
  }
  if (errors() != errors_before) return std::nullopt;
  return item;
}

void PackReader::read_common(const Value& v, const Path& path, Item& item) {
  if (const Value* t = require(v, path, "title", "the item's name as people will see it")) {
    if (auto title = read_text(*t, path + ".title")) item.title = *title;
  }
  if (const Value* s = v.find("summary")) {
    if (auto summary = read_text(*s, path + ".summary")) item.summary = *summary;
  }
  if (const Value* t = v.find("tags")) read_tags(*t, path + ".tags", item);
  if (const Value* e = v.find("evidence")) read_evidence(*e, path + ".evidence", item);
  if (const Value* c = v.find("cautions")) {
    if (read_list(*c, path + ".cautions", "caution", limits_.max_items, true)) {
      for (std::size_t i = 0; i < c->elements.size(); ++i) {
        if (auto text = read_text(c->elements[i], path.element(".cautions", i))) {
          item.cautions.push_back(std::move(*text));
        }
      }
    }
  }
}

void PackReader::read_tags(const Value& v, const Path& path, Item& item) {
  if (!read_list(v, path, "tag", limits_.max_items, true)) return;
  for (std::size_t i = 0; i < v.elements.size(); ++i) {
    const Value& tag_v = v.elements[i];
    const Path tag_path = path.index(i);
    const std::string expected = "a tag of lowercase letters, digits and hyphens (like \"between-patients\")";
    auto tag = read_string(tag_v, tag_path, expected);
    if (!tag) continue;
    if (!pack_text::is_valid_tag(*tag)) {
      error("E-FORMAT", at(tag_v), tag_path, "expected " + expected + ", found " + json::describe(tag_v));
      continue;
    }
    item.tags.push_back(*tag);
  }
}

void PackReader::read_evidence(const Value& v, const Path& path, Item& item) {
  if (!read_list(v, path, "citation", limits_.max_items, true)) return;
  for (std::size_t i = 0; i < v.elements.size(); ++i) {
    const Value& entry = v.elements[i];
    const Path entry_path = path.index(i);
    if (!expect_type(entry, Type::Object, entry_path,
                     "a citation like {\"text\": \"...\", \"url\": \"...\"}")) {
      continue;
    }
    check_fields(entry, entry_path, kCitationFields);
    Citation citation;
    if (const Value* t = require(entry, entry_path, "text", "the reference as people will read it")) {
      if (auto text = read_string(*t, entry_path + ".text", "the reference as a string")) {
        if (text->empty()) {
          error("E-EMPTY", at(*t), entry_path + ".text",
                "expected the reference, found an empty string \"\"");
        } else {
          check_prose(*text, at(*t), entry_path + ".text", "");
        }
        citation.text = *text;
      }
    }
    if (const Value* u = entry.find("url")) {
      const std::string expected = "a web address starting with https:// (like \"https://doi.org/...\")";
      if (auto url = read_string(*u, entry_path + ".url", expected)) {
        if (pack_text::is_web_address(*url)) {
          citation.url = *url;
        } else {
          error("E-FORMAT", at(*u), entry_path + ".url",
                "expected " + expected + ", found " + json::describe(*u));
        }
      }
    }
    item.evidence.push_back(std::move(citation));
  }
}

// ---- Breathing ------------------------------------------------------------------------------------

void PackReader::read_breathing(const Value& v, const Path& path, Item& item) {
  const bool v2 = pack_.format_version >= 2;
  if (const Value* p = v.find("pacer")) {
    if (auto pacer = read_choice(*p, path + ".pacer", kPacers))
      item.breathing.style = *pacer_style_from_string(*pacer);
  }

  const std::size_t errors_before_timing = errors();
  bool has_hold = false;
  std::optional<double> seconds_per_unit;
  if (const Value* s = v2 ? v.find("seconds_per_unit") : nullptr) {
    seconds_per_unit = read_number(*s, path + ".seconds_per_unit", 0.1, 10,
                                   "the length of one unit, a number of seconds between 0.1 and 10");
    if (!seconds_per_unit) seconds_per_unit = 0.0;  // reported; phases in units are not checked again
  }
  if (const Value* p = require(v, path, "phases", "the breathing pattern of one cycle: a list of phases")) {
    read_phases(*p, path + ".phases", item.breathing, has_hold, seconds_per_unit);
  }
  if (const Value* r = v2 ? v.find("rounds") : nullptr) {
    read_rounds(*r, path + ".rounds", item.breathing, has_hold, seconds_per_unit);
  }
  const Value* length_v = read_length(v, path, item.breathing);
  const Value* minimum_v = v.find("minimum_seconds");
  if (minimum_v) {
    if (auto minimum =
            read_seconds(*minimum_v, path + ".minimum_seconds", Millis(1000), limits_.max_session)) {
      item.minimum = *minimum;
    }
  }
  if (has_hold && !v.find("cautions")) {
    warning(
        "W-NO-CAUTION", at(v), path + ".cautions",
        "this item has breath holds but no \"cautions\"; add one (see \"Safety\" in docs/pack-format.md)");
  }

  // With a sound pattern and length, check the whole session as it will actually be played.
  if (errors() == errors_before_timing && length_v) {
    const BreathingLength plan = breathing_length(item.breathing);
    if (plan.planned > limits_.max_session) {
      const char* field = item.breathing.cycles ? ".cycles" : ".duration_seconds";
      error("E-RANGE", at(*length_v), path + field,
            "this session would last " + seconds_text(plan.planned) + " seconds (" +
                std::to_string(plan.cycles) + " cycles); a session may last at most " +
                seconds_text(limits_.max_session) + " seconds");
    } else if (item.minimum && *item.minimum > plan.planned) {
      error("E-RANGE", at(*minimum_v), path + ".minimum_seconds",
            "expected at most the session's planned length (" + seconds_text(plan.planned) +
                " seconds), found " + shown(*minimum_v));
    }
  }
}

void PackReader::read_phases(const Value& v, const Path& path, BreathingSpec& spec, bool& has_hold,
                             std::optional<double> seconds_per_unit) {
  if (!read_list(v, path, "phase", limits_.max_phases, false)) return;
  for (std::size_t i = 0; i < v.elements.size(); ++i) {
    if (auto phase = read_phase(v.elements[i], path.index(i), has_hold, seconds_per_unit, false)) {
      spec.phases.push_back(std::move(*phase));
    }
  }
}

std::optional<PhaseSpec> PackReader::read_phase(const Value& v, const Path& path, bool& has_hold,
                                                std::optional<double> seconds_per_unit, bool retention) {
  const bool v2 = pack_.format_version >= 2;
  if (!expect_type(v, Type::Object, path,
                   retention ? "a hold like {\"kind\": \"hold_out\", \"seconds\": 15}"
                             : "a phase like {\"kind\": \"inhale\", \"seconds\": 4}")) {
    return std::nullopt;
  }
  if (retention) {
    check_fields(v, path, kRetentionFields);
  } else if (v2) {
    std::vector<std::string> fields = kPhaseFieldsV1;
    fields.insert(fields.begin() + 2, kPhaseFieldsNew.begin(), kPhaseFieldsNew.end());
    check_fields(v, path, fields);
  } else {
    check_fields(v, path, kPhaseFieldsV1, kPhaseFieldsNew);
  }
  PhaseSpec phase;
  bool ok = true;
  const std::vector<std::string>& kinds = retention ? kHoldKinds : kPhaseKinds;
  if (const Value* k =
          require(v, path, "kind",
                  retention ? "hold_in or hold_out" : "inhale, hold_in, exhale, hold_out or top_up")) {
    if (auto kind = read_choice(*k, path + ".kind", kinds)) {
      phase.kind = *phase_kind_from_string(*kind);
    } else {
      ok = false;
    }
  } else {
    ok = false;
  }
  const bool hold = retention || (ok && is_hold(phase.kind));
  has_hold = has_hold || hold;
  const Millis max = hold ? limits_.max_hold : limits_.max_phase;
  const std::string purpose = hold ? " for a breath hold" : "";
  const json::Member* seconds_m = v.find_member("seconds");
  const json::Member* units_m = v2 ? v.find_member("units") : nullptr;
  if (seconds_m && units_m) {
    const json::Member* later = seconds_m->key_offset > units_m->key_offset ? seconds_m : units_m;
    error("E-CONFLICT", at_key(*later), path.member(later->key),
          "give either \"seconds\" or \"units\", not both");
    ok = false;
  } else if (units_m) {
    const double unit = seconds_per_unit.value_or(1.0);
    if (auto units = read_number(units_m->value, path + ".units", 0.1, 1000,
                                 "a number of units between 0.1 and 1000")) {
      if (unit > 0.0) {
        const double ms = *units * unit * 1000.0;
        if (std::fabs(ms - std::round(ms)) > 1e-6) {
          error("E-RANGE", at(units_m->value), path + ".units",
                shown(units_m->value) + " units of " +
                    json::format_seconds(Millis(std::llround(unit * 1000))) +
                    " seconds is not a whole number of milliseconds");
          ok = false;
        } else if (ms < static_cast<double>(limits_.min_phase.count()) ||
                   ms > static_cast<double>(max.count())) {
          error("E-RANGE", at(units_m->value), path + ".units",
                shown(units_m->value) + " units of " +
                    json::format_seconds(Millis(std::llround(unit * 1000))) + " seconds make " +
                    json::format_seconds(Millis(std::llround(ms))) + " seconds; expected between " +
                    seconds_text(limits_.min_phase) + " and " + seconds_text(max) + purpose);
          ok = false;
        } else {
          phase.duration = Millis(std::llround(ms));
        }
      } else {
        ok = false;
      }
    } else {
      ok = false;
    }
  } else if (seconds_m) {
    if (auto seconds = read_seconds(seconds_m->value, path + ".seconds", limits_.min_phase, max, purpose)) {
      phase.duration = *seconds;
    } else {
      ok = false;
    }
  } else {
    error("E-MISSING", at(v), path,
          v2 ? "missing the required field \"seconds\" (how long the phase lasts; or \"units\", counted in "
               "the item's "
               "\"seconds_per_unit\")"
             : "missing the required field \"seconds\" (how long the phase lasts)");
    ok = false;
  }
  if (const Value* s = retention ? nullptr : v.find("to_seconds")) {
    if (auto seconds = read_seconds(*s, path + ".to_seconds", limits_.min_phase, max, purpose)) {
      phase.final_duration = *seconds;
    } else {
      ok = false;
    }
  }
  if (const Value* c = v.find("cue")) {
    if (auto cue = read_cue(*c, path + ".cue")) {
      phase.cue = std::move(*cue);
    } else {
      ok = false;
    }
  }
  if (!ok) return std::nullopt;
  return phase;
}

std::optional<Cue> PackReader::read_cue(const Value& v, const Path& path) {
  if (!expect_type(v, Type::Object, path,
                   "a cue like {\"sound\": \"inhale\", \"caption\": \"Breathe in\"}")) {
    return std::nullopt;
  }
  check_fields(v, path, kCueFields);
  Cue cue;
  bool ok = true;
  if (const Value* s = v.find("sound")) {
    const std::string expected =
        "a cue sound name (like \"inhale\") or a file in the pack (like \"sounds/bell.ogg\")";
    if (auto sound = read_string(*s, path + ".sound", expected)) {
      if (!is_valid_sound(*sound)) {
        error("E-FORMAT", at(*s), path + ".sound", "expected " + expected + ", found " + json::describe(*s));
        ok = false;
      } else if (is_sound_file(*sound)) {
        if (read_file_path(*s, path + ".sound", false)) {
          cue.sound = *sound;
        } else {
          ok = false;
        }
      } else {
        cue.sound = *sound;
      }
    } else {
      ok = false;
    }
  }
  if (const Value* h = v.find("haptic")) {
    if (auto haptic = read_choice(*h, path + ".haptic", kHaptics)) {
      cue.haptic = *haptic;
    } else {
      ok = false;
    }
  }
  if (const Value* c = v.find("caption")) {
    if (auto caption = read_text(*c, path + ".caption")) {
      cue.caption = *caption;
    } else {
      ok = false;
    }
  } else if (v.find("sound")) {
    // Captions make every sound cue available to people who cannot hear it (or have muted it).
    error("E-MISSING", at(v), path,
          "missing the required field \"caption\" (a cue that plays a sound needs a caption for people who "
          "cannot hear it)");
    ok = false;
  }
  if (!ok) return std::nullopt;
  return cue;
}

const json::Value* PackReader::read_length(const Value& v, const Path& path, BreathingSpec& spec) {
  const json::Member* duration = v.find_member("duration_seconds");
  const json::Member* cycles = v.find_member("cycles");
  if (!duration && !cycles) {
    error("E-MISSING", at(v), path,
          "missing the session length: give \"duration_seconds\" (like 120) or \"cycles\" (like 12)");
    return nullptr;
  }
  if (duration && cycles) {
    const json::Member* later = duration->key_offset > cycles->key_offset ? duration : cycles;
    error("E-CONFLICT", at_key(*later), path.member(later->key),
          "give either \"duration_seconds\" or \"cycles\", not both");
    return nullptr;
  }
  if (duration) {
    if (auto total =
            read_seconds(duration->value, path + ".duration_seconds", Millis(1000), limits_.max_session)) {
      spec.total = *total;
      return &duration->value;
    }
    return nullptr;
  }
  if (auto count = read_whole_number(cycles->value, path + ".cycles", 1, limits_.max_cycles, "cycles")) {
    spec.cycles = *count;
    return &cycles->value;
  }
  return nullptr;
}

void PackReader::read_rounds(const Value& v, const Path& path, BreathingSpec& spec, bool& has_hold,
                             std::optional<double> seconds_per_unit) {
  if (!expect_type(v, Type::Object, path,
                   "rounds like {\"count\": 3, \"retention\": {\"kind\": \"hold_out\", \"seconds\": 15}}")) {
    return;
  }
  check_fields(v, path, kRoundsFields);
  BreathingRounds rounds;
  bool ok = true;
  if (const Value* c =
          require(v, path, "count", "how many rounds of cycles, each followed by the retention hold")) {
    if (auto count = read_whole_number(*c, path + ".count", 1, limits_.max_rounds, "rounds")) {
      rounds.count = *count;
    } else {
      ok = false;
    }
  } else {
    ok = false;
  }
  if (const Value* r = require(v, path, "retention",
                               "the hold after each round, like {\"kind\": \"hold_out\", \"seconds\": 15}")) {
    if (auto retention = read_phase(*r, path + ".retention", has_hold, seconds_per_unit, true)) {
      rounds.retention = std::move(*retention);
    } else {
      ok = false;
    }
  } else {
    ok = false;
  }
  if (ok) spec.rounds = std::move(rounds);
}

// ---- Micro-breaks ---------------------------------------------------------------------------------

void PackReader::read_micro_break(const Value& v, const Path& path, Item& item) {
  const std::size_t errors_before = errors();
  const Value* steps_v =
      require(v, path, "steps", "the timed steps of the break, like [{\"text\": \"...\", \"seconds\": 20}]");
  if (steps_v && read_list(*steps_v, path + ".steps", "step", limits_.max_steps, false)) {
    for (std::size_t i = 0; i < steps_v->elements.size(); ++i) {
      const Value& s = steps_v->elements[i];
      const Path step_path = path.element(".steps", i);
      if (!expect_type(s, Type::Object, step_path,
                       "a step like {\"text\": \"Roll your shoulders\", \"seconds\": 20}")) {
        continue;
      }
      check_fields(s, step_path, kStepFields);
      MicroBreakStep step;
      if (const Value* t = require(s, step_path, "text", "what to do during this step")) {
        if (auto text = read_text(*t, step_path + ".text")) step.text = *text;
      }
      if (const Value* secs = require(s, step_path, "seconds", "how long the step lasts")) {
        if (auto d = read_seconds(*secs, step_path + ".seconds", limits_.min_step, limits_.max_micro_break))
          step.duration = *d;
      }
      if (const Value* img = s.find("image")) {
        if (auto file = read_file_path(*img, step_path + ".image", true)) step.image = *file;
      }
      if (const Value* audio = s.find("audio")) {
        if (auto file = read_file_path(*audio, step_path + ".audio", false)) {
          step.audio = *file;
          if (step.duration.count() > 0) asset_uses_.back().plays_for = step.duration;
        }
      }
      if (const Value* c = s.find("caption")) {
        if (auto caption = read_text(*c, step_path + ".caption")) step.caption = *caption;
      } else if (s.find("audio")) {
        error("E-MISSING", at(s), step_path,
              "missing the required field \"caption\" (a step with audio needs a caption: the words of the "
              "narration, for people who cannot hear it)");
      }
      item.micro_break.steps.push_back(std::move(step));
    }
  }
  if (errors() != errors_before || !steps_v) return;
  const Millis total = item.micro_break.total();
  if (total < limits_.min_micro_break || total > limits_.max_micro_break) {
    error("E-RANGE", at(*steps_v), path + ".steps",
          "the steps add up to " + seconds_text(total) + " seconds; a micro-break lasts " +
              seconds_text(limits_.min_micro_break) + " to " + seconds_text(limits_.max_micro_break) +
              " seconds in all");
    return;
  }
  if (const Value* d = v.find("duration_seconds")) {
    if (auto duration = read_seconds(*d, path + ".duration_seconds", Millis(1000), limits_.max_micro_break)) {
      if (*duration != total) {
        error("E-MISMATCH", at(*d), path + ".duration_seconds",
              "\"duration_seconds\" is " + shown(*d) + ", but the steps add up to " + seconds_text(total) +
                  " seconds; make them agree, or leave \"duration_seconds\" out");
      } else {
        item.duration = *duration;
      }
    }
  }
  if (const Value* m = v.find("minimum_seconds")) {
    if (auto minimum = read_seconds(*m, path + ".minimum_seconds", Millis(1000), limits_.max_micro_break)) {
      if (*minimum > total) {
        error(
            "E-RANGE", at(*m), path + ".minimum_seconds",
            "expected at most the break's length (" + seconds_text(total) + " seconds), found " + shown(*m));
      } else {
        item.minimum = *minimum;
      }
    }
  }
}

// ---- Modules --------------------------------------------------------------------------------------

void PackReader::read_module(const Value& v, const Path& path, Item& item) {
  if (const Value* d = v.find("duration_seconds")) {
    if (auto duration = read_seconds(*d, path + ".duration_seconds", Millis(1000), limits_.max_session))
      item.duration = *duration;
  }
  const Value* pages =
      require(v, path, "pages", "the pages to read, like [{\"title\": \"...\", \"body\": \"...\"}]");
  if (!pages || !read_list(*pages, path + ".pages", "page", limits_.max_pages, false)) return;
  std::set<std::string> ids;  // prompt and check-in ids: answers are stored under them
  for (std::size_t i = 0; i < pages->elements.size(); ++i) {
    if (auto page = read_page(pages->elements[i], path.element(".pages", i), ids)) {
      item.module.pages.push_back(std::move(*page));
    }
  }
  // Links and suggestions name the module they come from.
  for (RefUse& use : refs_) {
    if (use.from_item.empty()) use.from_item = item.id;
  }
}

std::optional<ModulePage> PackReader::read_page(const Value& v, const Path& path,
                                                std::set<std::string>& ids) {
  if (!expect_type(v, Type::Object, path, "a page like {\"title\": \"...\", \"body\": \"...\"}"))
    return std::nullopt;
  check_fields(v, path, kPageFields);
  ModulePage page;
  if (const Value* t = require(v, path, "title", "the page's heading")) {
    if (auto title = read_text(*t, path + ".title")) page.title = *title;
  }
  if (const Value* b = require(v, path, "body", "the page's text, with light markup")) {
    if (auto body = read_text(*b, path + ".body")) {
      page.body = *body;
      read_body(*b, path + ".body", page.body);
    }
  }
  if (const Value* p = v.find("prompts")) {
    if (read_list(*p, path + ".prompts", "prompt", limits_.max_prompts, true)) {
      for (std::size_t i = 0; i < p->elements.size(); ++i) {
        const Value& e = p->elements[i];
        const Path prompt_path = path.element(".prompts", i);
        if (!expect_type(e, Type::Object, prompt_path, "a prompt like {\"id\": \"p1\", \"text\": \"...\"}"))
          continue;
        check_fields(e, prompt_path, kPromptFields);
        ModulePrompt prompt;
        if (const Value* id = require(e, prompt_path, "id", "a short name the answer is kept under")) {
          if (auto pid = read_id(*id, prompt_path + ".id")) {
            if (!ids.insert(*pid).second) {
              error("E-DUPLICATE-ID", at(*id), prompt_path + ".id",
                    "the id \"" + *pid +
                        "\" is already used in this module; prompt and check-in ids must be unique in a "
                        "module");
            }
            prompt.id = *pid;
          }
        }
        if (const Value* t = require(e, prompt_path, "text", "the question to reflect on")) {
          if (auto text = read_text(*t, prompt_path + ".text")) prompt.text = *text;
        }
        page.prompts.push_back(std::move(prompt));
      }
    }
  }
  if (const Value* c = v.find("checkin")) {
    if (auto checkin = read_checkin(*c, path + ".checkin", ids)) page.checkin = std::move(*checkin);
  }
  return page;
}

void PackReader::read_body(const Value& v, const Path& path, const LocalizedText& body) {
  for (const auto& [locale, text] : body.all()) {
    const json::Member* member = v.is(Type::Object) ? v.find_member(locale) : nullptr;
    const Loc where = member ? at(member->value) : at(v);
    const Path member_path = path.member(locale);
    const Path& where_path = member ? member_path : path;
    // Only the issues and links matter here: check() skips building the page's styled text.
    const markup::Check doc = markup::check(text);
    for (const markup::Issue& issue : doc.issues) {
      if (issue.error) {
        error("E-LINK", where, where_path, issue.message);
      } else {
        warning("W-MARKUP", where, where_path, issue.message);
      }
    }
    for (const markup::Span& link : doc.links) {
      if (link.link == markup::LinkKind::Item) {
        refs_.push_back(RefUse{where, where_path.str(), link.target, "", false, "link"});
      }
    }
  }
}

std::optional<Checkin> PackReader::read_checkin(const Value& v, const Path& path,
                                                std::set<std::string>& ids) {
  if (!expect_type(v, Type::Object, path,
                   "a check-in like {\"id\": \"...\", \"questions\": [...], \"bands\": [...]}")) {
    return std::nullopt;
  }
  check_fields(v, path, kCheckinFields);
  const std::size_t errors_before = errors();
  Checkin checkin;
  if (const Value* id = require(v, path, "id", "a short name the answers are kept under")) {
    if (auto cid = read_id(*id, path + ".id")) {
      if (!ids.insert(*cid).second) {
        error("E-DUPLICATE-ID", at(*id), path + ".id",
              "the id \"" + *cid +
                  "\" is already used in this module; prompt and check-in ids must be unique in a module");
      }
      checkin.id = *cid;
    }
  }
  if (const Value* i = v.find("instrument")) {
    if (auto text = read_text(*i, path + ".instrument")) checkin.instrument = *text;
  }
  const Value* questions = require(v, path, "questions", "the questions, each a scale or a choice");
  if (questions && read_list(*questions, path + ".questions", "question", limits_.max_questions, false)) {
    std::set<std::string> question_ids;
    for (std::size_t i = 0; i < questions->elements.size(); ++i) {
      const Path question_path = path.element(".questions", i);
      if (auto question = read_question(questions->elements[i], question_path)) {
        if (!question->id.empty() && !question_ids.insert(question->id).second) {
          const Value* id = questions->elements[i].find("id");
          error("E-DUPLICATE-ID", at(*id), question_path + ".id",
                "the question id \"" + question->id + "\" is already used in this check-in");
        }
        checkin.questions.push_back(std::move(*question));
      }
    }
  }
  const Value* bands = require(v, path, "bands", "what to show for each range of scores");
  std::vector<std::size_t> band_index;  // where each band of checkin.bands was written
  if (bands && read_list(*bands, path + ".bands", "band", limits_.max_bands, false)) {
    const int max_total = limits_.max_score * static_cast<int>(limits_.max_questions);
    for (std::size_t i = 0; i < bands->elements.size(); ++i) {
      const Value& b = bands->elements[i];
      const Path band_path = path.element(".bands", i);
      if (!expect_type(b, Type::Object, band_path,
                       "a band like {\"min\": 0, \"max\": 4, \"message\": \"...\"}"))
        continue;
      check_fields(b, band_path, kBandFields);
      CheckinBand band;
      bool ok = true;
      for (const char* field : {"min", "max"}) {
        if (const Value* n = require(
                b, band_path, field,
                field[1] == 'i' ? "the lowest score of this band" : "the highest score of this band")) {
          const Path field_path = band_path.member(field);
          if (auto value = read_whole_number(*n, field_path, 0, max_total, "")) {
            (field[1] == 'i' ? band.min : band.max) = *value;
          } else {
            ok = false;
          }
        } else {
          ok = false;
        }
      }
      if (ok && band.min > band.max) {
        error("E-RANGE", at(*b.find("max")), band_path + ".max",
              "expected \"max\" to be at least \"min\" (" + std::to_string(band.min) + "), found " +
                  std::to_string(band.max));
        ok = false;
      }
      if (const Value* m =
              require(b, band_path, "message", "what to say to someone whose score is in this band")) {
        if (auto text = read_text(*m, band_path + ".message")) band.message = *text;
      }
      if (const Value* s = b.find("suggest")) {
        if (read_list(*s, band_path + ".suggest", "item id", 10, true)) {
          for (std::size_t k = 0; k < s->elements.size(); ++k) {
            const Path ref_path = band_path.element(".suggest", k);
            if (auto ref = read_ref(s->elements[k], ref_path)) {
              band.suggest.push_back(*ref);
              refs_.push_back(RefUse{at(s->elements[k]), ref_path.str(), *ref, "", false, "suggestion"});
            }
          }
        }
      }
      if (ok) {
        checkin.bands.push_back(std::move(band));
        band_index.push_back(i);
      }
    }
  }
  if (errors() != errors_before || !bands) return std::nullopt;
  check_bands(*bands, path + ".bands", checkin, band_index);
  std::stable_sort(checkin.bands.begin(), checkin.bands.end(),
                   [](const CheckinBand& a, const CheckinBand& b) { return a.min < b.min; });
  if (errors() != errors_before) return std::nullopt;
  return checkin;
}

std::optional<CheckinQuestion> PackReader::read_question(const Value& v, const Path& path) {
  if (!expect_type(v, Type::Object, path,
                   "a question like {\"id\": \"q1\", \"text\": \"...\", \"type\": \"scale\", ...}")) {
    return std::nullopt;
  }
  const std::size_t errors_before = errors();
  CheckinQuestion question;
  const Value* type_v =
      require(v, path, "type", "\"scale\" (a number from min to max) or \"choice\" (one of some options)");
  std::optional<std::string> type =
      type_v ? read_choice(*type_v, path + ".type", kQuestionTypes) : std::nullopt;
  if (type) question.type = *type == "scale" ? QuestionType::Scale : QuestionType::Choice;
  check_fields(v, path,
               !type ? std::vector<std::string>{"id", "text", "type", "min", "max", "min_label", "max_label",
                                                "options"}
               : question.type == QuestionType::Scale ? kScaleFields
                                                      : kChoiceFields);
  if (const Value* id = require(v, path, "id", "a short name the answer is kept under")) {
    if (auto qid = read_id(*id, path + ".id")) question.id = *qid;
  }
  if (const Value* t = require(v, path, "text", "the question as people read it")) {
    if (auto text = read_text(*t, path + ".text")) question.text = *text;
  }
  if (!type) return std::nullopt;
  if (question.type == QuestionType::Scale) {
    const Value* min_v = require(v, path, "min", "the lowest answer, like 0");
    const Value* max_v = require(v, path, "max", "the highest answer, like 4");
    const auto lo = min_v ? read_whole_number(*min_v, path + ".min", 0, limits_.max_score, "") : std::nullopt;
    const auto hi = max_v ? read_whole_number(*max_v, path + ".max", 0, limits_.max_score, "") : std::nullopt;
    if (lo && hi) {
      const int low = *lo;  // (copies: GCC cannot tell the optionals are set here)
      const int high = *hi;
      if (high <= low) {
        error("E-RANGE", at(*max_v), path + ".max",
              "expected \"max\" to be greater than \"min\" (" + std::to_string(low) + "), found " +
                  std::to_string(high));
      }
      question.min = low;
      question.max = high;
    }
    if (const Value* l = v.find("min_label")) {
      if (auto text = read_text(*l, path + ".min_label")) question.min_label = *text;
    }
    if (const Value* l = v.find("max_label")) {
      if (auto text = read_text(*l, path + ".max_label")) question.max_label = *text;
    }
  } else {
    const Value* options =
        require(v, path, "options", "the answers to choose from, like [{\"text\": \"Never\", \"score\": 0}]");
    if (options && read_list(*options, path + ".options", "option", limits_.max_options, false)) {
      if (options->elements.size() < 2) {
        error("E-EMPTY", at(*options), path + ".options",
              "expected at least 2 options to choose from, found 1");
      }
      for (std::size_t i = 0; i < options->elements.size(); ++i) {
        const Value& o = options->elements[i];
        const Path option_path = path.element(".options", i);
        if (!expect_type(o, Type::Object, option_path,
                         "an option like {\"text\": \"Sometimes\", \"score\": 1}"))
          continue;
        check_fields(o, option_path, kOptionFields);
        ChoiceOption option;
        if (const Value* t = require(o, option_path, "text", "the answer as people read it")) {
          if (auto text = read_text(*t, option_path + ".text")) option.text = *text;
        }
        if (const Value* s = require(o, option_path, "score", "the points this answer adds, like 2")) {
          if (auto score = read_whole_number(*s, option_path + ".score", 0, limits_.max_score, "points"))
            option.score = *score;
        }
        question.options.push_back(std::move(option));
      }
    }
  }
  if (errors() != errors_before) return std::nullopt;
  return question;
}

void PackReader::check_bands(const Value& v, const Path& path, const Checkin& checkin,
                             const std::vector<std::size_t>& band_index) {
  const int lo = checkin.min_score();
  const int hi = checkin.max_score();
  const std::string range = "the possible scores are " + std::to_string(lo) + " to " + std::to_string(hi);
  std::vector<std::size_t> order(checkin.bands.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return checkin.bands[a].min < checkin.bands[b].min; });
  const auto scores = [](int a, int b) {
    return a == b ? "the score " + std::to_string(a)
                  : "the scores " + std::to_string(a) + " to " + std::to_string(b);
  };
  long next = lo;  // the lowest score not yet covered
  std::size_t previous = order.empty() ? 0 : order.front();
  for (std::size_t k = 0; k < order.size(); ++k) {
    const CheckinBand& band = checkin.bands[order[k]];
    const Value& band_v = v.elements[band_index[order[k]]];
    const Path band_path = path.index(band_index[order[k]]);
    if (band.max > hi || band.min < lo) {
      error("E-BANDS", at(band_v), band_path,
            "this band covers " + scores(band.min, band.max) + ", but " + range +
                "; bands must cover exactly the possible scores");
    } else if (band.min > next) {
      error("E-BANDS", at(band_v), band_path,
            "no band covers " + scores(static_cast<int>(next), band.min - 1) + " (" + range +
                "); every possible score needs exactly one band");
    } else if (band.min < next && k > 0) {
      error("E-BANDS", at(band_v), band_path,
            scores(band.min, std::min<int>(band.max, static_cast<int>(next) - 1)) + " are also in " +
                path.index(band_index[previous]).str() + "; every possible score needs exactly one band");
    }
    if (band.max + 1 > next) {
      next = band.max + 1L;
      previous = order[k];
    }
  }
  if (next <= hi) {
    error("E-BANDS", at(v), path,
          "no band covers " + scores(static_cast<int>(next), hi) + " (" + range +
              "); every possible score needs exactly one band");
  }
}

// ---- Programs -------------------------------------------------------------------------------------

void PackReader::read_program(const Value& v, const Path& path, Item& item) {
  const Value* days =
      require(v, path, "days", "the days of the program, like [{\"day\": 1, \"items\": [\"...\"]}]");
  if (!days || !read_list(*days, path + ".days", "day", limits_.max_days, false)) return;
  for (std::size_t i = 0; i < days->elements.size(); ++i) {
    const Value& d = days->elements[i];
    const Path day_path = path.element(".days", i);
    if (!expect_type(d, Type::Object, day_path, "a day like {\"day\": 1, \"items\": [\"two-minute-reset\"]}"))
      continue;
    check_fields(d, day_path, kDayFields);
    ProgramDay day;
    day.day = static_cast<int>(i) + 1;
    if (const Value* n = require(d, day_path, "day", "the day's number: 1, 2, 3...")) {
      if (auto number = read_whole_number(*n, day_path + ".day", 1, static_cast<int>(limits_.max_days), "")) {
        if (*number != day.day) {
          error("E-DAY-ORDER", at(*n), day_path + ".day",
                "expected day " + std::to_string(day.day) +
                    " here (days are numbered 1, 2, 3... in order, with none "
                    "missing), found " +
                    std::to_string(*number));
        }
      }
    }
    if (const Value* items = require(d, day_path, "items", "the items to practise that day")) {
      if (read_list(*items, day_path + ".items", "item id", limits_.max_day_items, false)) {
        for (std::size_t k = 0; k < items->elements.size(); ++k) {
          const Path ref_path = day_path.element(".items", k);
          if (auto ref = read_ref(items->elements[k], ref_path)) {
            day.items.push_back(*ref);
            refs_.push_back(
                RefUse{at(items->elements[k]), ref_path.str(), *ref, item.id, true, "program day"});
          }
        }
      }
    }
    if (const Value* n = d.find("note")) {
      if (auto note = read_text(*n, day_path + ".note")) day.note = *note;
    }
    item.program.days.push_back(std::move(day));
  }
}

}  // namespace respite::core::detail
