#include "text_diff.h"

namespace burrow::textdiff {
namespace {

TEST(TextDiff, Paste) {
  std::vector<Case> cases = {
      {"paste", "a\nb\n"},
      {"paste - -", "a\nb\nc\nd\ne\n"},
      {"paste - - -", "a\nb\nc\nd\n"},
      {"paste -s", "a\nb\nc\n"},
      {"paste -s -d,", "a\nb\nc\n"},
      {"paste -s -d ',;'", "a\nb\nc\nd\n"},
      {"paste -d: - -", "a\nb\nc\n"},
      {"paste -d '\\n' - -", "a\nb\nc\n"},
      {"paste -d '\\0' - -", "a\nb\nc\n"},
      {"paste -d '' - -", "a\nb\nc\n"},
      {"paste -d '\\t\\\\' - - -", "a\nb\nc\n"},
      {"paste -d 'a\\' - -", "a\n"},
      {"paste -s", ""},
      {"paste -s", "no newline"},
      {"paste -z -d, - -", std::string("a\0b\0c\0", 6)},
      {"paste f2 f1", ""},
      {"paste -s f2 f1", ""},
      {"paste -d ',;' f2 nonl f2", ""},
      {"paste -d '' f2 csv", ""},
      {"paste f2 missing", ""},
      {"paste f2 - f2", "x\ny\n"},
      {"paste empty f2", ""},
      {"paste -s -d '\\n' f2", ""},
      {"paste --bogus", ""},
  };
  run_table(cases);
}

TEST(TextDiff, Tac) {
  std::vector<Case> cases = {
      {"tac", "a\nb\nc\n"},
      {"tac", "a\nb\nc"},
      {"tac", ""},
      {"tac", "\n\n"},
      {"tac -s ,", "a,b,c"},
      {"tac -s , -b", "a,b,c,"},
      {"tac -b", "a\nb\nc\n"},
      {"tac -s XY", "aXYbXYc"},
      {"tac -s ''", "a\n"},
      {"tac f2 f1", ""},
      {"tac nonl", ""},
      {"tac missing", ""},
      {"tac - f2", "x\ny\n"},
  };
  run_table(cases);
}

TEST(TextDiff, Rev) {
  std::vector<Case> cases = {
      {"rev", "abc\nhello world\n"},
      {"rev", "no newline"},
      {"rev", "h\xc3\xa9llo\n\xe6\x97\xa5\xe6\x9c\xac\n"},
      {"rev", ""},
      {"rev", "\n\n"},
      {"rev f2", ""},
      {"rev f2 utf8", ""},
  };
  run_table(cases);
}

TEST(TextDiff, Nl) {
  const std::string kIn = "a\n\nb\n\n\n\nc\n";
  const std::string kSections = "h1\n\\:\\:\\:\nhead\n\\:\\:\nbody\n\nbody2\n\\:\nfoot\n";
  std::vector<Case> cases = {
      {"nl", kIn},
      {"nl -ba", kIn},
      {"nl -bn", kIn},
      {"nl -ba -l 2", kIn},
      {"nl -ba -l 3", kIn},
      {"nl -n ln", kIn},
      {"nl -n rz", kIn},
      {"nl -n rz -w 3", kIn},
      {"nl -w 2 -s ': '", kIn},
      {"nl -v 10 -i 5", kIn},
      {"nl -v -3", kIn},
      {"nl -s ''", kIn},
      {"nl -b 'p^[ac]'", kIn},
      {"nl", kSections},
      {"nl -ha -fa", kSections},
      {"nl -p -ha -fa", kSections},
      {"nl -d XY", "a\nXYXY\nb\n"},
      {"nl -d X", "a\nX:X:\nb\n"},
      {"nl", "no newline"},
      {"nl -w 0", kIn},
      {"nl -n x", kIn},
      {"nl -b x", kIn},
      {"nl -v x", kIn},
      {"nl -i x", kIn},
      {"nl f2 f1", ""},
      {"nl missing", ""},
  };
  run_table(cases);
}

TEST(TextDiff, Tee) {
  std::vector<Case> cases = {
      {"tee", "a\nb\n"},
      {"tee out_t1", "a\nb\n"},
      {"tee -a out_t2", "a\nb\n"},
      {"tee out_t3 out_t4", "x"},
      {"tee /nonexistent/dir/x", "x\n"},
      {"tee dir", "x\n"},
      {"tee --bogus", "x\n"},
      {"tee -p", "x\n"},
  };
  run_table(cases);
}

TEST(TextDiff, Seq) {
  std::vector<Case> cases = {
      {"seq 5", ""},
      {"seq 0", ""},
      {"seq -3", ""},
      {"seq 2 5", ""},
      {"seq 5 2", ""},
      {"seq 10 -3 1", ""},
      {"seq 1 0.5 3", ""},
      {"seq 0.1 0.1 0.5", ""},
      {"seq 0 0.000001 0.000003", ""},
      {"seq -w 8 10", ""},
      {"seq -w -1 1", ""},
      {"seq -w 0.5 0.05 0.6", ""},
      {"seq -w 1 0.5 3", ""},
      {"seq -w 1.5 10", ""},
      {"seq -s, 5", ""},
      {"seq -s ', ' 3", ""},
      {"seq -s '' 3", ""},
      {"seq -f '%05.1f' 1 3", ""},
      {"seq -f '%e' 1 2", ""},
      {"seq -f '%g' 0.5 0.25 1", ""},
      {"seq -f 'x%%%gy' 2", ""},
      {"seq -f %d 3", ""},
      {"seq -f abc 3", ""},
      {"seq -f '%g%g' 3", ""},
      {"seq -f %g -w 3", ""},
      {"seq 1e3 1e3", ""},
      {"seq 1.50 2", ""},
      {"seq 1 2 3 4", ""},
      {"seq", ""},
      {"seq x", ""},
      {"seq 1 0 3", ""},
      {"seq nan", ""},
      {"seq 1 -1 -3", ""},
      {"seq -- -1 1", ""},
      {"seq -5 -2", ""},
      {"seq -.5 1", ""},
      {"seq .5 2", ""},
      {"seq 0x10 0x12", ""},
      {"seq 1 1e1", ""},
      {"seq 100000 100003", ""},
      {"seq 999999999999 1000000000001", ""},
      {"seq -w 99 101", ""},
      {"seq -w 5 -1 -5", ""},
      {"seq 3 -0.5 1", ""},
      {"seq ' 2' 4", ""},
      {"seq +2 4", ""},
  };
  run_table(cases);
}

}  // namespace
}  // namespace burrow::textdiff
