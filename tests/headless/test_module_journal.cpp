// The module reader's private journal: reflection answers and check-in results are kept for the
// signed-in profile only, in its own store, shown again to that profile and never drawn for
// anyone else; a guest (or an app without profiles) can write for the moment and nothing is
// stored. Every claim about what a person sees is checked on the text the real UI draws
// (drawn_text.h); every claim about what is kept, on what the profile's store returns.
#include <catch2/catch.hpp>

#include <cstdlib>

#include "app/journal.h"
#include "app/png_image.h"
#include "app/shot.h"
#include "imgui_internal.h"
#include "profile_test_support.h"

using namespace respite;
using namespace respite::testing;
using ui::ActionKind;

namespace {

const core::ItemRef kBurnout{"clinician-essentials", "understanding-burnout"};
const core::ItemRef kEarlyWarning{"clinician-essentials", "early-warning-check-in"};
constexpr int kPromptPage = 2;   // understanding-burnout page 3: one prompt ("signs")
constexpr int kCheckinPage = 1;  // early-warning-check-in page 2: five questions, options scored 0..3

// A frame tall enough that the whole page is on screen (nothing is scrolled out of the draw data).
constexpr float kTall = 3200.0f;

ui::UiAction page_action(ActionKind kind, const core::ItemRef& module, int page, int question = 0,
                         const std::string& text = {}) {
  ui::UiAction action;
  action.kind = kind;
  action.item = module;
  action.page = page;
  action.question = question;
  action.value = page;  // OpenModulePage reads `page`; emit_item sets both
  action.text = text;
  return action;
}

void open_page(AppRig& rig, const core::ItemRef& module, int page) {
  rig.act(page_action(ActionKind::OpenModulePage, module, page));
  REQUIRE(rig.model().route().screen == app::Screen::Module);
  REQUIRE(rig.model().route().page == page);
}

void write(AppRig& rig, const std::string& text, int question = 0) {
  rig.act(page_action(ActionKind::EditReflection, kBurnout, kPromptPage, question, text));
}

void save(AppRig& rig, int question = 0) {
  rig.act(page_action(ActionKind::SaveReflection, kBurnout, kPromptPage, question));
}

void answer(AppRig& rig, int question, int value) {
  ui::UiAction action = page_action(ActionKind::AnswerCheckin, kEarlyWarning, kCheckinPage, question);
  action.value = value;
  rig.act(action);
}

// What the open profile's store holds for a module (read through the same writer the app uses).
app::JournalRead stored(AppRig& rig, const core::ItemRef& module) {
  std::future<app::JournalRead> read = rig.storage().journal(module.pack_id, module.item_id);
  rig.storage().wait_idle();
  return read.get();
}

// A unit tablet with two people without PINs, so the picker comes first and anyone can be picked.
struct Tablet {
  ScratchDir dir{"journal"};
  Tablet() {
    respite_cli({"unit", "enable", "--admin-pin", "482915", "--data-dir", dir.str()});
    respite_cli({"profile", "add", "Ana", "--data-dir", dir.str()});
    respite_cli({"profile", "add", "Ben", "--data-dir", dir.str()});
  }
};

void pick(AppRig& rig, const std::string& alias) {
  if (rig.model().route().screen != app::Screen::Profiles) rig.act(ActionKind::SwitchPerson);
  REQUIRE(rig.model().route().screen == app::Screen::Profiles);
  rig.act(ActionKind::PickProfile, 0, rig.profile_id(alias));
  REQUIRE(rig.flow().signed_in());
  REQUIRE(rig.flow().active_profile()->alias == alias);
}

}  // namespace

TEST_CASE("clean_reflection keeps valid UTF-8 text within the limit", "[headless][app][journal]") {
  using app::clean_reflection;
  CHECK(clean_reflection("Sí, cansancio por la mañana").text == "Sí, cansancio por la mañana");
  CHECK(clean_reflection("Sí").chars == 2);
  // Line ends from any system become one line break; a tab is a space; other controls go.
  CHECK(clean_reflection("a\r\nb\rc\nd").text == "a\nb\nc\nd");
  CHECK(clean_reflection("a\tb").text == "a b");
  const app::CleanedText controls =
      clean_reflection(std::string("a\x01"
                                   "b\x7f"
                                   "c\xc2\x85"
                                   "d"));
  CHECK(controls.text == "abcd");
  CHECK(controls.repaired);
  // Invalid UTF-8 (a stray byte, an overlong form, a surrogate, past U+10FFFF) is dropped; the rest stays.
  const app::CleanedText bad = clean_reflection("ok\xff\xfe \xc0\xaf \xed\xa0\x80 \xf4\x90\x80\x80 \xc3");
  CHECK(bad.text == "ok    ");  // the spaces between them stay
  CHECK(bad.repaired);
  CHECK(clean_reflection("\xF0\x9F\x8C\xBF").chars == 1);  // one 4-byte character
  // The limit counts characters, and never cuts one in half.
  std::string long_text;
  for (int i = 0; i < 2500; ++i) long_text += "é";
  const app::CleanedText cut = clean_reflection(long_text);
  CHECK(cut.truncated);
  CHECK(cut.chars == app::kMaxReflectionChars);
  CHECK(cut.text.size() == 2 * app::kMaxReflectionChars);
  CHECK(app::utf8_length(cut.text) == app::kMaxReflectionChars);
  CHECK_FALSE(clean_reflection(std::string(app::kMaxReflectionChars, 'a')).truncated);
}

TEST_CASE("a reflection is kept for its profile and never drawn for another",
          "[headless][app][journal][privacy]") {
  Tablet tablet;
  const std::string words = "Dormir mal, y el cansancio de la mañana";
  const std::string draft = "Qzxv draft never saved";
  {
    AppRig rig(tablet.dir.path(), "2026-03-10T08:00:00Z");
    pick(rig, "Ana");
    open_page(rig, kBurnout, kPromptPage);
    DrawnText shown = rig.frame(390.0f, kTall);
    CHECK(shown.contains("Write a few words, if you like."));
    CHECK(shown.contains("Save"));
    CHECK_FALSE(shown.contains("Saved on this device only"));

    write(rig, words);
    ui::ModuleView view = rig.model().module_view();
    REQUIRE(view.reflections.size() == 1);
    CHECK(view.reflections[0].text == words);
    CHECK(view.reflections[0].can_save);
    CHECK_FALSE(view.reflections[0].saved);
    CHECK(stored(rig, kBurnout).reflections.empty());  // typing alone writes nothing

    save(rig);
    view = rig.model().module_view();
    CHECK(view.reflections[0].saved);
    CHECK_FALSE(view.reflections[0].can_save);
    const app::JournalRead kept = stored(rig, kBurnout);
    REQUIRE(kept.ok);
    REQUIRE(kept.reflections.size() == 1);
    CHECK(kept.reflections[0].prompt_id == "signs");
    CHECK(kept.reflections[0].text == words);
    CHECK(kept.reflections[0].at == instant("2026-03-10T08:00:00Z"));
    shown = rig.frame(390.0f, kTall);
    CHECK(shown.contains("Dormir mal, y el cansancio de la mañana"));
    CHECK(shown.contains("Saved on this device only"));

    // Saving the same words again adds nothing.
    save(rig);
    CHECK(stored(rig, kBurnout).reflections.size() == 1);

    // An unsaved draft on another page of the same person, then the next person.
    write(rig, draft);
    CHECK(rig.model().module_view().reflections[0].text == draft);
    pick(rig, "Ben");
    open_page(rig, kBurnout, kPromptPage);
    for (const float width : {390.0f, 1280.0f}) {
      shown = rig.frame(width, kTall);
      CHECK(shown.contains("Write a few words, if you like."));
      CHECK_FALSE(shown.contains("Dormir mal"));
      CHECK_FALSE(shown.contains("Qzxv"));
      CHECK_FALSE(shown.contains("Saved on this device only"));
    }
    CHECK(rig.model().module_view().reflections[0].text.empty());
    CHECK(stored(rig, kBurnout).reflections.empty());  // Ben's store has none of Ana's words

    // Back to Ana: her saved answer (not the dropped draft) is shown again.
    pick(rig, "Ana");
    open_page(rig, kBurnout, kPromptPage);
    shown = rig.frame(390.0f, kTall);
    CHECK(shown.contains("Dormir mal, y el cansancio de la mañana"));
    CHECK_FALSE(shown.contains("Qzxv"));
    CHECK(shown.contains("Saved on this device only"));
  }
  // And after the app restarts.
  AppRig rig(tablet.dir.path(), "2026-03-11T08:00:00Z");
  pick(rig, "Ana");
  open_page(rig, kBurnout, kPromptPage);
  CHECK(rig.frame(390.0f, kTall).contains("Dormir mal, y el cansancio de la mañana"));

  // A changed answer is a new entry; the newest is the one shown. Clearing it is an entry too.
  write(rig, "Menos ahora");
  save(rig);
  app::JournalRead kept = stored(rig, kBurnout);
  REQUIRE(kept.reflections.size() == 2);
  CHECK(kept.reflections[1].text == "Menos ahora");
  write(rig, "");
  CHECK(rig.model().module_view().reflections[0].can_save);
  save(rig);
  kept = stored(rig, kBurnout);
  REQUIRE(kept.reflections.size() == 3);
  CHECK(kept.reflections[2].text.empty());
  const DrawnText shown = rig.frame(390.0f, kTall);
  CHECK(shown.contains("Write a few words, if you like."));
  CHECK_FALSE(shown.contains("Menos ahora"));
}

TEST_CASE("the idle timeout drops a person's unsaved words", "[headless][app][journal][privacy]") {
  Tablet tablet;
  AppRig rig(tablet.dir.path(), "2026-03-10T08:00:00Z");
  pick(rig, "Ana");
  open_page(rig, kBurnout, kPromptPage);
  write(rig, "Qzxv left on the tablet");
  answer(rig, 0, 3);
  rig.wait(60.0 * 60.0);  // longer than any idle limit: back to the picker
  REQUIRE(rig.model().route().screen == app::Screen::Profiles);
  CHECK_FALSE(rig.flow().signed_in());
  pick(rig, "Ben");
  open_page(rig, kBurnout, kPromptPage);
  CHECK_FALSE(rig.frame(390.0f, kTall).contains("Qzxv"));
  open_page(rig, kEarlyWarning, kCheckinPage);
  CHECK_FALSE(rig.model().module_view().checkin->questions[0].answer);
}

TEST_CASE("a guest can write but nothing is kept", "[headless][app][journal][privacy]") {
  Tablet tablet;
  AppRig rig(tablet.dir.path(), "2026-03-10T08:00:00Z");
  REQUIRE(rig.model().route().screen == app::Screen::Profiles);
  rig.act(ActionKind::PickGuest);
  REQUIRE(rig.flow().guest());
  open_page(rig, kBurnout, kPromptPage);
  write(rig, "Qzxv guest words");
  ui::ModuleView view = rig.model().module_view();
  CHECK(view.keeping == ui::JournalKeeping::Guest);
  CHECK(view.reflections[0].text == "Qzxv guest words");  // the field works for the moment
  CHECK_FALSE(view.reflections[0].can_save);
  DrawnText shown = rig.frame(390.0f, kTall);
  CHECK(shown.contains("Guest mode: nothing you write here is kept."));
  CHECK_FALSE(shown.contains("Save"));
  save(rig);  // even if asked
  CHECK_FALSE(rig.model().module_view().reflections[0].saved);
  open_page(rig, kEarlyWarning, kCheckinPage);
  for (int q = 0; q < 5; ++q) answer(rig, q, 1);
  REQUIRE(rig.model().module_view().checkin->score);
  CHECK_FALSE(rig.model().module_view().checkin->recorded);
  CHECK(rig.frame(390.0f, kTall).contains("Guest mode: your answers are not saved"));

  // Nobody's store got anything, and the next person sees nothing of the guest.
  for (const char* alias : {"Ana", "Ben"}) {
    pick(rig, alias);
    CHECK(stored(rig, kBurnout).reflections.empty());
    CHECK(stored(rig, kEarlyWarning).checkins.empty());
    open_page(rig, kBurnout, kPromptPage);
    CHECK_FALSE(rig.frame(390.0f, kTall).contains("Qzxv"));
    open_page(rig, kEarlyWarning, kCheckinPage);
    CHECK_FALSE(rig.model().module_view().checkin->score);
  }
}

TEST_CASE("without profiles the reader keeps nothing and says so", "[headless][app][journal]") {
  const core::Catalog catalog = bundled_catalog();
  null_backend::ManualClock clock;
  app::Settings settings;
  settings.reduced_motion = true;
  app::AppModel model(catalog, clock, app::AppModel::Services{}, settings);
  REQUIRE(model.open(app::Route{app::Screen::Module, kBurnout, kPromptPage}).ok);
  model.apply(page_action(ActionKind::EditReflection, kBurnout, kPromptPage, 0, "solo por ahora"));
  model.apply(page_action(ActionKind::SaveReflection, kBurnout, kPromptPage, 0));
  const ui::ModuleView view = model.module_view();
  CHECK(view.keeping == ui::JournalKeeping::NotKept);
  CHECK(view.reflections[0].text == "solo por ahora");
  CHECK_FALSE(view.reflections[0].saved);
  CHECK_FALSE(view.reflections[0].can_save);
}

TEST_CASE("a finished check-in is one journal entry with its score", "[headless][app][journal]") {
  Tablet tablet;
  AppRig rig(tablet.dir.path(), "2026-03-10T08:00:00Z");
  pick(rig, "Ana");
  open_page(rig, kEarlyWarning, kCheckinPage);
  // Every question's third option scores 2: 10 in all. Nothing is kept until the last answer.
  for (int q = 0; q < 4; ++q) answer(rig, q, 2);
  CHECK(stored(rig, kEarlyWarning).checkins.empty());
  answer(rig, 4, 2);
  ui::ModuleView view = rig.model().module_view();
  REQUIRE(view.checkin->score);
  CHECK(*view.checkin->score == 10);
  CHECK(view.checkin->recorded);
  app::JournalRead kept = stored(rig, kEarlyWarning);
  REQUIRE(kept.checkins.size() == 1);
  const core::CheckinEntry& entry = kept.checkins[0];
  CHECK(entry.score == 10);
  CHECK(entry.pack_id == "clinician-essentials");
  CHECK(entry.item_id == "early-warning-check-in");
  const core::Catalog catalog = bundled_catalog();
  const core::Item* item = catalog.find(kEarlyWarning);
  REQUIRE(item != nullptr);
  const core::Checkin& spec = *item->module.pages[kCheckinPage].checkin;
  CHECK(entry.checkin_id == spec.id);
  REQUIRE(entry.answers.size() == 5);
  for (std::size_t q = 0; q < 5; ++q) {
    CHECK(entry.answers[q].first == spec.questions[q].id);
    CHECK(entry.answers[q].second == 2);
  }
  CHECK(rig.frame(390.0f, kTall).contains("Your result is saved to your profile on this device only."));

  // The same answer again changes nothing; a changed answer is a new result, appended.
  answer(rig, 4, 2);
  CHECK(stored(rig, kEarlyWarning).checkins.size() == 1);
  answer(rig, 4, 3);
  kept = stored(rig, kEarlyWarning);
  REQUIRE(kept.checkins.size() == 2);
  CHECK(kept.checkins[1].score == 11);
  // Starting again and finishing records the new result too.
  rig.act(page_action(ActionKind::ResetCheckin, kEarlyWarning, kCheckinPage));
  CHECK_FALSE(rig.model().module_view().checkin->score);
  for (int q = 0; q < 5; ++q) answer(rig, q, 0);
  kept = stored(rig, kEarlyWarning);
  REQUIRE(kept.checkins.size() == 3);
  CHECK(kept.checkins[2].score == 0);

  // Out-of-range answers and unknown questions or pages are ignored, never recorded.
  answer(rig, 0, 9);
  CHECK_FALSE(rig.model().module_view().checkin->score);
  answer(rig, 99, 1);
  answer(rig, -1, 1);
  ui::UiAction elsewhere = page_action(ActionKind::AnswerCheckin, kEarlyWarning, 7, 0);
  rig.act(elsewhere);
  CHECK(stored(rig, kEarlyWarning).checkins.size() == 3);

  // The answers on screen belong to Ana: Ben starts with an empty check-in.
  pick(rig, "Ben");
  open_page(rig, kEarlyWarning, kCheckinPage);
  view = rig.model().module_view();
  for (const ui::CheckinQuestionView& q : view.checkin->questions) CHECK_FALSE(q.answer);
  CHECK(stored(rig, kEarlyWarning).checkins.empty());
}

TEST_CASE("over-long and invalid reflections are cut and cleaned, never refused",
          "[headless][app][journal]") {
  Tablet tablet;
  AppRig rig(tablet.dir.path(), "2026-03-10T08:00:00Z");
  pick(rig, "Ana");
  open_page(rig, kBurnout, kPromptPage);
  std::string long_text;
  for (int i = 0; i < 3000; ++i) long_text += "ñ";
  write(rig, long_text);
  ui::ModuleView view = rig.model().module_view();
  CHECK(view.reflections[0].length == static_cast<int>(app::kMaxReflectionChars));
  CHECK(view.reflections[0].max_length == static_cast<int>(app::kMaxReflectionChars));
  // Near the limit the card says how much room is left.
  CHECK(rig.frame(390.0f, kTall).contains("2,000 of 2,000 characters"));
  save(rig);
  app::JournalRead kept = stored(rig, kBurnout);
  REQUIRE(kept.reflections.size() == 1);
  CHECK(app::utf8_length(kept.reflections[0].text) == app::kMaxReflectionChars);

  write(rig, std::string("bien\xff\xfe y\x01 tranquila\r\n"));
  CHECK(rig.model().module_view().reflections[0].text == "bien y tranquila\n");
  save(rig);
  kept = stored(rig, kBurnout);
  REQUIRE(kept.reflections.size() == 2);
  CHECK(kept.reflections[1].text == "bien y tranquila\n");

  // A prompt that does not exist, or a page that is not a module's, keeps nothing.
  write(rig, "nowhere", 5);
  save(rig, 5);
  rig.act(page_action(ActionKind::EditReflection, kBurnout, 40, 0, "nowhere"));
  rig.act(page_action(ActionKind::SaveReflection, core::ItemRef{"clinician-essentials", "nope"}, 0, 0));
  CHECK(stored(rig, kBurnout).reflections.size() == 2);
  CHECK(rig.model().module_view().reflections[0].text == "bien y tranquila\n");
}

// The field on screen, from ImGui's own windows: a multi-line field is a child window, and on a
// page with one prompt it is the reader's only one.
ImRect field_rect() {
  for (ImGuiWindow* window : GImGui->Windows) {
    if (window->Active && (window->Flags & ImGuiWindowFlags_ChildWindow) != 0 &&
        std::string(window->Name).rfind("##module/", 0) == 0)
      return window->Rect();
  }
  FAIL("no reflection field was drawn");
  return {};
}

// Lays out a frame and applies what it asked for, as the main loop does.
void frame_and_apply(AppRig& rig) {
  rig.frame(390.0f, kTall);
  const ui::UiActions actions = rig.last_actions();
  for (const ui::UiAction& action : actions) rig.act(action);
}

TEST_CASE("typing in the reflection field: wrapped on screen, the person's own text kept",
          "[headless][app][journal]") {
  Tablet tablet;
  AppRig rig(tablet.dir.path(), "2026-03-10T08:00:00Z");
  pick(rig, "Ana");
  open_page(rig, kBurnout, kPromptPage);
  rig.frame(390.0f, kTall);
  ImGuiIO& io = ImGui::GetIO();
  // A tap on the field gives it the keyboard (the app then starts SDL text input: WantTextInput).
  const ImRect field = field_rect();
  io.MousePos = field.GetCenter();
  io.MouseDown[0] = true;
  rig.frame(390.0f, kTall);
  io.MouseDown[0] = false;
  rig.frame(390.0f, kTall);
  REQUIRE(io.WantTextInput);

  // Longer than a line of a phone's field: ImGui's field does not wrap, so the screen's soft breaks
  // show it on several lines; the text kept has spaces there, exactly as typed.
  const std::string typed =
      "Cansada al empezar el turno, y me cuesta dormir después de las noches; también más irritable.";
  io.AddInputCharactersUTF8(typed.c_str());
  frame_and_apply(rig);
  CHECK(rig.model().module_view().reflections[0].text == typed);
  const DrawnText shown = rig.frame(390.0f, kTall);
  int lines = 0;
  for (const std::string& run : shown.runs) {
    if (typed.find(run) != std::string::npos && run.size() > 8) ++lines;
  }
  CHECK(lines >= 2);
  // Enter is the person's own line break, kept; more words after it.
  io.KeysDown[io.KeyMap[ImGuiKey_Enter]] = true;
  frame_and_apply(rig);
  io.KeysDown[io.KeyMap[ImGuiKey_Enter]] = false;
  io.AddInputCharactersUTF8("Sí.");
  frame_and_apply(rig);
  CHECK(rig.model().module_view().reflections[0].text == typed + "\nSí.");
  // A paste past the limit stops at 2,000 characters.
  std::string flood;
  for (int i = 0; i < 450; ++i) flood += "días ";
  io.AddInputCharactersUTF8(flood.c_str());
  frame_and_apply(rig);
  const std::string kept = rig.model().module_view().reflections[0].text;
  CHECK(app::utf8_length(kept) == app::kMaxReflectionChars);
  CHECK(kept.rfind(typed + "\nSí.días días", 0) == 0);
  CHECK(kept.find('\n') == typed.size());  // the one line break the person typed, no other
}

// Not a check: renders the reflection card's states for review (hidden; run with
// RESPITE_JOURNAL_SHOTS=DIR respite_headless_tests "[.journal-shots]").
TEST_CASE("journal screenshots for review", "[.journal-shots]") {
  const char* out = std::getenv("RESPITE_JOURNAL_SHOTS");
  if (out == nullptr) return;
  const core::Catalog catalog = bundled_catalog();
  ScratchDir dir("journal-shots");
  respite_cli({"profile", "add", "Ana", "--data-dir", dir.str()});
  respite_cli({"profile", "add", "Ben", "--data-dir", dir.str()});
  {
    AppRig rig(dir.path(), "2026-03-10T08:00:00Z");
    pick(rig, "Ana");
    open_page(rig, kBurnout, kPromptPage);
    write(rig, "Tired after days off, and dreading Sunday nights. Sí: también más irritable.");
    save(rig);
    REQUIRE(rig.model().module_view().reflections[0].saved);
  }
  ScratchDir guest_dir("journal-shots-guest");
  respite_cli({"unit", "enable", "--admin-pin", "482915", "--data-dir", guest_dir.str()});
  struct Size {
    const char* name;
    int w, h;
    float scale;
  };
  for (const Size size :
       {Size{"phone", 390, 844, 3.0f}, Size{"phone-tall", 390, 1500, 1.0f}, Size{"tablet", 1280, 800, 1.0f},
        Size{"tablet-tall", 1280, 1300, 1.0f}, Size{"phone-tall-es-200", 390, 3400, 1.0f}}) {
    for (const ui::ThemeName theme : {ui::ThemeName::Light, ui::ThemeName::Dark}) {
      for (const char* state : {"empty", "typed", "saved", "guest"}) {
        app::ShotRequest request;
        request.route = "module/clinician-essentials/understanding-burnout/3";
        request.width = size.w;
        request.height = size.h;
        request.scale = size.scale;
        request.theme = theme;
        request.reduced_motion = true;
        request.font_dir = font_dir();
        request.data_dir = dir.str();
        request.profile = std::string(state) == "empty" ? "Ben" : "Ana";
        if (std::string(state) == "typed")
          request.actions.push_back(page_action(ActionKind::EditReflection, kBurnout, kPromptPage, 0,
                                                "Tired after days off, and dreading Sunday nights."));
        if (std::string(state) == "guest") {
          request.data_dir = guest_dir.str();
          request.profile.clear();
          request.actions.push_back(page_action(ActionKind::PickGuest, kBurnout, 0));
          request.actions.push_back(page_action(ActionKind::OpenModulePage, kBurnout, kPromptPage));
          request.actions.push_back(
              page_action(ActionKind::EditReflection, kBurnout, kPromptPage, 0, "Only for now."));
        }
        if (std::string(size.name) == "phone-tall-es-200") {
          request.locale = "es";
          request.text_scale = 2.0f;
        }
        const app::ShotResult shot = app::render_shot(request, catalog);
        INFO(shot.error);
        REQUIRE(shot.exit_code == 0);
        const std::string name = std::string(out) + "/" + state + "-" + size.name + "-" +
                                 (theme == ui::ThemeName::Dark ? "dark" : "light") + ".png";
        std::string error;
        REQUIRE(app::write_png(name, shot.image, error));
      }
    }
  }
}
