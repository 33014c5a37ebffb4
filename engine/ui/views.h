// What the screens read and what they ask for. The app builds a view from its state each frame;
// a screen draws it and returns the person's intents as UiActions, which the app applies. The UI
// never changes app state itself.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/content.h"
#include "core/markup.h"
#include "core/session_plan.h"
#include "core/session_runner.h"
#include "core/sound_settings.h"
#include "core/support_resources.h"
#include "ui/theme.h"

namespace respite::ui {

// ---- Intents ------------------------------------------------------------------------------

enum class ActionKind {
  GoHome,
  Back,  // the screen's own back arrow: to the screen it was opened from (home at the latest)
  OpenLibrary,
  OpenSettings,
  OpenSupport,
  OpenAbout,
  StartItem,       // item: play a breathing item or micro-break; open a module or program
  OpenModulePage,  // item, value = page index
  Pause,
  Resume,
  EndSession,            // stop now; the session is kept as partial (or complete if its minimum was met)
  SetTheme,              // theme (also turns "follow the system" off)
  SetFollowSystemTheme,  // flag
  SetReducedMotion,      // flag
  SetSoundMode,          // sound_mode
  SetVolume,             // volume
  SetVibration,          // flag
  SetTextScale,          // volume carries the scale (1..2)
  SetLocale,             // text = language ("en", "es")
  SetAskFeeling,         // flag: ask "how do you feel now?" after a session
  SetSupportRegion,      // text = region code ("US", "GB", "IE", "ES", "" = everywhere)
  SetLibraryFilter,      // filter
  AnswerFeeling,         // value = 1..5
  AnswerCheckin,         // item, page, question = index, value = the answer (scale value or option index)
  ResetCheckin,          // item, page
  // Progress, profiles and unit mode (ui/screen_progress.h, screen_profiles.h, screen_pin.h,
  // screen_unit_admin.h); the app applies them in app/profile_flow.cpp.
  OpenProgress,  // route `progress`; home's streak pill (and an entry when there is no streak yet) sends it
  ShowMonth,     // value = -1 (earlier) or +1 (later)
  SetDayStart,   // value = minutes 0..720
  ToggleRestWeekday,  // value = 0 (Monday)..6 (Sunday)
  SetWeeklyGoal,      // value = 0 (off)..7
  SetHideStreaks,     // flag
  ExportMyData,
  DeleteMyData,  // flag = false: ask to confirm; true: confirmed
  SwitchPerson,  // sign out: back to the profile picker
  PickProfile,   // text = profile id
  PickGuest,
  StartAddProfile,
  SetDraftAlias,    // text
  SetDraftWithPin,  // flag
  SubmitAddProfile,
  ChooseJustMe,    // first run: a one-person device
  ChooseUnitMode,  // first run: a shared unit tablet
  PinDigit,        // value = 0..9
  PinErase,
  PinSubmit,
  PinCancel,
  OpenUnitAdmin,
  AdminSetIdle,         // value = seconds
  AdminRemoveProfile,   // text = profile id; flag = confirmed
  AdminResetProfile,    // text = profile id; flag = confirmed
  AdminEditResource,    // value = index (-1 adds one), page = field (0 kind, 1 name, 2 phone, 3 description),
                        // text = the new text (kind: question = kind index)
  AdminRemoveResource,  // value = index
  AdminSaveResources,
  AdminDisableUnit,  // flag = confirmed
  // Content packs (ui/screen_packs.h); the app applies them in app/pack_flow.cpp.
  OpenPacks,    // route `packs`, from the library screen
  InstallPack,  // text = path of the .respack (in the import folder, or dropped on the window)
  RemovePack,   // text = pack id; flag = false: ask to confirm (text "" puts the question away)
  // The module reader's reflection prompts (app/journal.h); the app applies them in
  // app/app_model_content.cpp.
  EditReflection,  // item, page, question = prompt index on the page, text = everything written so far
  SaveReflection,  // item, page, question = prompt index: store the answer in the profile's journal
  DismissNotice,
};

enum class LengthFilter { Any, UnderTwo, TwoToFive, OverFive };

struct LibraryFilter {
  std::optional<core::ItemKind> kind;  // nullopt: every kind
  LengthFilter length = LengthFilter::Any;
  friend bool operator==(const LibraryFilter& a, const LibraryFilter& b) {
    return a.kind == b.kind && a.length == b.length;
  }
};

struct UiAction {
  ActionKind kind = ActionKind::GoHome;
  core::ItemRef item;
  ThemeName theme = ThemeName::Light;
  bool flag = false;
  core::SoundMode sound_mode = core::SoundMode::Sound;
  float volume = 0.0f;
  int value = 0;
  int page = 0;
  int question = 0;
  std::string text;
  LibraryFilter filter;
};

using UiActions = std::vector<UiAction>;

// ---- Views --------------------------------------------------------------------------------

struct ItemCardView {
  core::ItemRef ref;
  core::ItemKind kind = core::ItemKind::Breathing;
  std::string title;
  std::string summary;
  double planned_seconds = 0.0;  // session length, or a module's reading time; 0 when untimed
  bool startable = false;        // a tap does something (plays, or opens the reader / program)
};

// The person's streak, when the progress store has one and the profile shows streaks.
struct StreakView {
  int current = 0;
  bool weekly = false;      // counts weeks that met the weekly goal, not days
  bool today_done = false;  // today (or this week) already counts
};

// The next step of a program the person follows (or, with no progress yet, its first day).
struct ProgramStepView {
  core::ItemRef program;
  std::string program_title;
  int day = 1;
  int days = 1;
  ItemCardView item;  // the step to take
};

struct HomeView {
  std::optional<ItemCardView> primary;     // the catalog's home_default() item
  std::vector<ItemCardView> breathing;     // every breathing item, catalog order
  std::vector<ItemCardView> micro_breaks;  // quick tiles
  std::optional<ProgramStepView> next_step;
  std::optional<StreakView> streak;  // absent: no slot shown (no store yet, or streaks hidden)
  core::SoundMode sound_mode = core::SoundMode::Sound;
  // A profile is signed in (not a guest, not the picker): home offers "Your progress" whether or
  // not a streak is shown.
  bool can_open_progress = false;
};

struct LibraryView {
  std::vector<ItemCardView> items;  // every item of every pack, catalog order (the screen filters)
  LibraryFilter filter;
};

// True when `item` passes `filter` (kinds; lengths by planned_seconds, untimed items only under Any).
bool passes(const LibraryFilter& filter, const ItemCardView& item);

struct PlayerView {
  std::string title;
  const core::SessionPlan* plan = nullptr;  // never null while the player is shown
  core::FrameState frame;
  std::string caption;  // the current phase's caption from the pack; empty: show the phase word
  bool reduced_motion = false;
  core::SoundMode sound_mode = core::SoundMode::Sound;
  // A micro-break: one phase per step. `steps` holds each step's text in the current language.
  bool micro_break = false;
  std::vector<std::string> steps;
  std::vector<const core::Asset*> step_images;  // per step, like `steps`; null: the step has none
};

enum class SessionEnd { Finished, Stopped, Interrupted };

struct CompletionView {
  std::string title;
  double active_seconds = 0.0;
  double planned_seconds = 0.0;
  bool complete = false;
  SessionEnd how = SessionEnd::Finished;
  bool ask_feeling = false;    // show "how do you feel now?"
  std::optional<int> feeling;  // the answer already given (1..5)
};

struct LanguageOption {
  std::string code;  // "en"
  std::string name;  // in its own language: "English", "Español"
};

struct SettingsView {
  ThemeName theme = ThemeName::Light;
  bool follow_system = false;
  ThemeName system_theme = ThemeName::Light;  // what "system" resolves to here
  bool reduced_motion = false;
  core::SoundSettings sound;
  bool audio_available = false;
  float text_scale = 1.0f;
  std::string locale = "en";
  std::vector<LanguageOption> languages;
  bool ask_feeling = true;
};

// A link in a module page, resolved against the catalog.
struct LinkView {
  std::string target;                 // as written
  std::optional<core::ItemRef> item;  // an item link that exists
};

struct CheckinQuestionView {
  std::string text;
  core::QuestionType type = core::QuestionType::Scale;
  int min = 0;
  int max = 0;
  std::string min_label;
  std::string max_label;
  std::vector<std::string> options;  // Choice
  std::optional<int> answer;         // scale value, or option index
};

// Who keeps what is written or answered on a module page (docs/privacy.md).
enum class JournalKeeping {
  NotKept,  // no profile (no data folder): answers live in memory until the app closes
  Guest,    // guest mode: nothing is written; gone when the guest leaves
  Profile,  // the signed-in profile's own store, on this device only
};

// A reflection prompt and what the person wrote for it.
struct ReflectionView {
  std::string prompt;
  std::string text;       // the draft being written, else the latest saved answer, else empty
  int length = 0;         // characters (code points) in `text`
  int max_length = 0;     // the most it may hold
  bool saved = false;     // `text` is what the profile's journal holds (and is not empty)
  bool saving = false;    // a write is on its way
  bool failed = false;    // the last write failed; the draft is still here
  bool can_save = false;  // Profile keeping, and `text` differs from what is saved
};

struct CheckinView {
  std::string instrument;
  std::vector<CheckinQuestionView> questions;
  // Set once every question is answered.
  std::optional<int> score;
  std::string message;
  std::vector<ItemCardView> suggestions;
  bool recorded = false;  // this result is in the profile's journal
};

struct ModuleView {
  core::ItemRef ref;
  std::string title;
  int page = 0;
  int pages = 1;
  std::string page_title;
  core::markup::Document body;
  std::vector<LinkView> links;              // every link of `body`, in order (same order as body.links())
  std::vector<ItemCardView> linked;         // the items links point to, for the cards under the text
  std::vector<ReflectionView> reflections;  // private reflection prompts, with their answers
  JournalKeeping keeping = JournalKeeping::NotKept;
  int journal_owner = 0;  // changes with every new person: text fields start afresh (no undo across people)
  std::optional<CheckinView> checkin;
  double reading_seconds = 0.0;
};

struct ProgramDayView {
  int day = 1;
  std::string note;
  std::vector<ItemCardView> items;
};

struct ProgramView {
  core::ItemRef ref;
  std::string title;
  std::string summary;
  std::vector<ProgramDayView> days;
};

struct PackCredit {
  std::string title;
  std::string version;
  int items = 0;
  int citations = 0;
};

struct AboutView {
  std::string version;
  std::vector<PackCredit> packs;
};

struct SupportView {
  // Regional resources from core::SupportResources when the app loaded them; empty: the screen
  // shows the general guidance from the translation file.
  std::vector<core::SupportResource> resources;
  std::string notice;
  std::string region;  // "" = not chosen
};

}  // namespace respite::ui
