// The "Clinician Essentials" content (content/packs/clinician-essentials): enough practices of each
// kind, complete in English and Spanish, evidence on every item that makes a health claim, the
// safety copy the research notes ask for, and module pages whose links all lead somewhere.
// docs/content.md is the clinical reviewer's companion to this pack.
#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <set>

#include "core/markup.h"
#include "core/pack_loader.h"
#include "core/session_plan.h"

using namespace respite::core;

namespace {

const std::string kPackDir = std::string(RESPITE_SOURCE_DIR) + "/content/packs/clinician-essentials";

const Pack& pack() {
  static const PackLoadResult result = load_pack(kPackDir);
  if (!result.pack) {
    for (const Diagnostic& d : result.diagnostics.items()) UNSCOPED_INFO(d.format());
  }
  REQUIRE(result.pack);
  return *result.pack;
}

bool both(const LocalizedText& text) {
  return text.has("en") && text.has("es") && !text.get("en").empty() && !text.get("es").empty();
}

// A translation that is just the English copied over (short labels such as "STOP" may match).
bool copied(const LocalizedText& text) {
  return text.get("en").size() > 12 && text.get("en") == text.get("es");
}

std::size_t count(ItemKind kind) {
  return static_cast<std::size_t>(std::count_if(pack().items.begin(), pack().items.end(),
                                                [&](const Item& item) { return item.kind == kind; }));
}

bool has_hold(const Item& item) {
  return std::any_of(item.breathing.phases.begin(), item.breathing.phases.end(), [](const PhaseSpec& p) {
    return p.kind == PhaseKind::HoldIn || p.kind == PhaseKind::HoldOut;
  });
}

bool mentions(const std::vector<LocalizedText>& texts, const std::string& en_word) {
  return std::any_of(texts.begin(), texts.end(),
                     [&](const LocalizedText& t) { return t.get("en").find(en_word) != std::string::npos; });
}

}  // namespace

TEST_CASE("the clinician pack validates with no errors and no warnings", "[content][bundled]") {
  const PackLoadResult result = load_pack(kPackDir);
  std::string all;
  for (const Diagnostic& d : result.diagnostics.items()) all += d.format() + "\n";
  INFO(all);
  CHECK(result.diagnostics.items().empty());
  REQUIRE(result.pack);
  CHECK(result.pack->format_version == 2);
  CHECK(result.pack->locales == std::vector<std::string>{"en", "es"});
  CHECK(result.pack->default_item == "two-minute-reset");
}

TEST_CASE("the clinician pack has enough practices of every kind", "[content][bundled]") {
  CHECK(count(ItemKind::Breathing) >= 6);
  CHECK(count(ItemKind::MicroBreak) >= 8);
  CHECK(count(ItemKind::Module) >= 6);
  CHECK(count(ItemKind::Program) >= 2);
  // The practices the issue names, by id (ids never change: progress history refers to them).
  for (const char* id : {"two-minute-reset",        "resonance-5min",         "extended-exhale",
                         "physiological-sigh",      "box-breathing",          "box-no-holds",
                         "four-seven-eight",        "mindful-hand-hygiene",   "grounding-54321",
                         "stop-practice",           "neck-shoulder-release",  "hand-wrist-stretch",
                         "eye-rest-20-20-20",       "body-scan-1min",         "the-pause",
                         "understanding-burnout",   "early-warning-check-in", "three-good-things",
                         "self-compassion-break",   "stress-first-aid",       "boundaries-self-care",
                         "after-a-difficult-shift", "what-units-can-change",  "seven-day-reset",
                         "three-good-things-15"}) {
    INFO(id);
    CHECK(pack().find(id) != nullptr);
  }
}

TEST_CASE("every clinician item is complete in English and Spanish", "[content][bundled]") {
  CHECK(both(pack().title));
  for (const Item& item : pack().items) {
    INFO(item.id);
    CHECK(both(item.title));
    CHECK(both(item.summary));
    CHECK_FALSE(copied(item.summary));
    for (const LocalizedText& caution : item.cautions) CHECK(both(caution));
    for (const PhaseSpec& phase : item.breathing.phases) {
      REQUIRE(phase.cue);
      CHECK(both(phase.cue->caption));
    }
    for (const MicroBreakStep& step : item.micro_break.steps) {
      CHECK(both(step.text));
      CHECK_FALSE(copied(step.text));
    }
    for (const ModulePage& page : item.module.pages) {
      CHECK(both(page.title));
      CHECK(both(page.body));
      CHECK_FALSE(copied(page.body));
      for (const ModulePrompt& prompt : page.prompts) CHECK(both(prompt.text));
      if (!page.checkin) continue;
      CHECK(both(page.checkin->instrument));
      for (const CheckinQuestion& question : page.checkin->questions) {
        CHECK(both(question.text));
        for (const ChoiceOption& option : question.options) CHECK(both(option.text));
      }
      for (const CheckinBand& band : page.checkin->bands) CHECK(both(band.message));
    }
    for (const ProgramDay& day : item.program.days) {
      if (!day.note.empty()) CHECK(both(day.note));
    }
  }
}

TEST_CASE("every clinician item that makes a health claim cites its evidence and carries cautions",
          "[content][bundled]") {
  for (const Item& item : pack().items) {
    INFO(item.id);
    // Breathing, micro-breaks and modules all describe effects; programs claim what their parts claim
    // and say so in their own citations.
    CHECK_FALSE(item.evidence.empty());
    for (const Citation& citation : item.evidence) {
      CHECK_FALSE(citation.text.empty());
      if (!citation.url.empty()) CHECK(citation.url.rfind("https://", 0) == 0);
    }
    CHECK_FALSE(item.cautions.empty());
  }
}

TEST_CASE("breathing practices carry the safety copy of the research notes", "[content][bundled]") {
  for (const Item& item : pack().items) {
    if (item.kind != ItemKind::Breathing) continue;
    INFO(item.id);
    // Over-breathing, a way out when breath focus raises anxiety, and the setting.
    CHECK(mentions(item.cautions, "not bigger"));
    CHECK(mentions(item.cautions, "Stop at any time"));
    CHECK(mentions(item.cautions, "driving"));
    // Masks and respirators.
    CHECK((mentions(item.cautions, "mask") || mentions(item.cautions, "respirator")));
    if (has_hold(item)) CHECK(mentions(item.cautions, "without holds"));
    for (const PhaseSpec& phase : item.breathing.phases) {
      REQUIRE(phase.cue);
      CHECK_FALSE(phase.cue->sound.empty());  // every phase is audible, and captioned (above)
    }
  }
  // The home default is honest about being a cue, and a five-minute daily practice exists.
  const Item* reset = pack().find("two-minute-reset");
  REQUIRE(reset);
  CHECK(reset->summary.get("en").find("not a treatment") != std::string::npos);
  const Item* daily = pack().find("resonance-5min");
  REQUIRE(daily);
  CHECK(make_plan({pack().id, daily->id}, *daily, {}).planned >= Millis(290'000));
  // Slow breathing at about 6 a minute: in for 4, out for 6.
  REQUIRE(daily->breathing.phases.size() == 2);
  CHECK(daily->breathing.phases[0].duration == Millis(4000));
  CHECK(daily->breathing.phases[1].duration == Millis(6000));
}

TEST_CASE("micro-breaks last 30 seconds to 3 minutes in short timed steps", "[content][bundled]") {
  for (const Item& item : pack().items) {
    if (item.kind != ItemKind::MicroBreak) continue;
    INFO(item.id);
    const Millis total = item.micro_break.total();
    CHECK(total >= Millis(30'000));
    CHECK(total <= Millis(180'000));
    for (const MicroBreakStep& step : item.micro_break.steps) {
      CHECK(step.duration >= Millis(5000));      // long enough to read
      CHECK(step.text.get("en").size() <= 160);  // short enough to read at a glance
      if (!step.audio.empty()) CHECK(both(step.caption));
    }
  }
  const Item* hands = pack().find("mindful-hand-hygiene");
  REQUIRE(hands);
  CHECK(hands->micro_break.total() <= Millis(30'000));  // fits inside an alcohol hand rub
}

TEST_CASE("module pages parse cleanly and every link leads to an item", "[content][bundled]") {
  std::set<std::string> ids;
  for (const Item& item : pack().items) ids.insert(item.id);
  for (const Item& item : pack().items) {
    for (const ModulePage& page : item.module.pages) {
      for (const char* locale : {"en", "es"}) {
        INFO(item.id << " " << locale << ": " << page.title.get(locale));
        const markup::Document doc = markup::parse(page.body.get(locale));
        for (const markup::Issue& issue : doc.issues) INFO(issue.message);
        CHECK(doc.issues.empty());
        for (const markup::Span& link : doc.links()) {
          if (link.link == markup::LinkKind::Item) CHECK(ids.count(link.target) == 1);
          if (link.link == markup::LinkKind::Web) CHECK(link.target.rfind("https://", 0) == 0);
        }
      }
    }
  }
}

TEST_CASE("the early-warning check-in never diagnoses and leads high scores to support",
          "[content][bundled]") {
  const Item* module = pack().find("early-warning-check-in");
  REQUIRE(module);
  const Checkin* checkin = nullptr;
  for (const ModulePage& page : module->module.pages) {
    if (page.checkin) checkin = &*page.checkin;
  }
  REQUIRE(checkin);
  // Not a screening instrument, and says so where the questions are.
  CHECK(checkin->instrument.get("en").find("Not a validated or screening instrument") != std::string::npos);
  CHECK(module->summary.get("en").find("Not a screening test") != std::string::npos);
  // Every possible score has exactly one band.
  for (int score = checkin->min_score(); score <= checkin->max_score(); ++score) {
    INFO(score);
    CHECK(checkin->band_for(score) != nullptr);
  }
  // The highest band points to support and to crisis lines, in both languages; none diagnoses.
  const CheckinBand* top = checkin->band_for(checkin->max_score());
  REQUIRE(top);
  CHECK(top->message.get("en").find("Support button") != std::string::npos);
  CHECK(top->message.get("en").find("crisis line") != std::string::npos);
  CHECK(top->message.get("es").find("botón Ayuda") != std::string::npos);
  CHECK(top->message.get("es").find("línea de crisis") != std::string::npos);
  for (const CheckinBand& band : checkin->bands) {
    INFO(band.message.get("en"));
    for (const char* label :
         {"you have burnout", "you are burnt out", "you have depression", "you are depressed"}) {
      CHECK(band.message.get("en").find(label) == std::string::npos);
    }
    CHECK_FALSE(band.suggest.empty());
  }
}

TEST_CASE("the programs: a 7-day reset and Three Good Things over 15 days", "[content][bundled]") {
  const Item* reset = pack().find("seven-day-reset");
  REQUIRE(reset);
  REQUIRE(reset->program.days.size() == 7);
  std::set<ItemKind> kinds;
  for (const ProgramDay& day : reset->program.days) {
    CHECK_FALSE(day.items.empty());
    for (const std::string& id : day.items) {
      const Item* item = pack().find(id);
      REQUIRE(item);
      kinds.insert(item->kind);
    }
  }
  CHECK(kinds == std::set<ItemKind>{ItemKind::Breathing, ItemKind::MicroBreak, ItemKind::Module});

  const Item* tgt = pack().find("three-good-things-15");
  REQUIRE(tgt);
  REQUIRE(tgt->program.days.size() == 15);
  for (const ProgramDay& day : tgt->program.days) {
    CHECK(std::find(day.items.begin(), day.items.end(), "three-good-things") != day.items.end());
  }
}
