// pr: paginate or columnate files for printing (GNU coreutils 9).
//
// GNU pr's output depends on a small state machine (delayed padding that
// becomes tabs, separators owed to empty columns, form feeds putting a file
// on hold until the next page), so this follows the same model: columns
// that read straight from their file, or, for one file in several columns
// down, lines stored for the page first and balanced on the last page.
// Input is read a byte at a time; only a page of stored lines is kept.
#include <algorithm>
#include <cctype>
#include <climits>
#include <cstdint>
#include <cstdio>
#include <optional>
#include <vector>

#include "commands/args.h"
#include "commands/common/fs_util.h"
#include "commands/text/common.h"

namespace burrow {
namespace {

enum Opt {
  kPages, kColumns, kAcross, kControl, kDouble, kDateFormat, kExpandTabs, kFormFeed, kHeader, kOutputTabs,
  kJoin, kLength, kMerge, kNumber, kFirstNumber, kIndent, kNoWarnings, kSeparator, kSepString, kOmitHeader,
  kOmitPagination, kNonprinting, kWidth, kPageWidth, kBalance, kDigit,
};

constexpr OptionSpec kOptions[] = {
    {kPages, 0, "pages", ArgKind::kRequired, "begin [stop] printing with page FIRST_[LAST_]PAGE",
     "FIRST_PAGE[:LAST_PAGE]"},
    {kColumns, 0, "columns", ArgKind::kRequired, "output COLUMN columns and print columns down", "COLUMN"},
    {kAcross, 'a', "across", ArgKind::kNone, "print columns across rather than down"},
    {kControl, 'c', "show-control-chars", ArgKind::kNone, "use hat notation (^G) and octal backslash notation"},
    {kDouble, 'd', "double-space", ArgKind::kNone, "double space the output"},
    {kDateFormat, 'D', "date-format", ArgKind::kRequired, "use FORMAT for the header date", "FORMAT"},
    {kExpandTabs, 'e', "expand-tabs", ArgKind::kOptional, "expand input CHARs (TABs) to tab WIDTH (8)",
     "CHAR[WIDTH]"},
    {kFormFeed, 'F', "form-feed", ArgKind::kNone, "use form feeds instead of newlines to separate pages"},
    {kFormFeed, 'f', "", ArgKind::kNone, ""},
    {kHeader, 'h', "header", ArgKind::kRequired, "use a centered HEADER instead of filename in page header",
     "HEADER"},
    {kOutputTabs, 'i', "output-tabs", ArgKind::kOptional, "replace spaces with CHARs (TABs) to tab WIDTH (8)",
     "CHAR[WIDTH]"},
    {kJoin, 'J', "join-lines", ArgKind::kNone, "merge full lines, turns off -W line truncation"},
    {kLength, 'l', "length", ArgKind::kRequired, "set the page length to PAGE_LENGTH (66) lines", "PAGE_LENGTH"},
    {kMerge, 'm', "merge", ArgKind::kNone, "print all files in parallel, one in each column"},
    {kNumber, 'n', "number-lines", ArgKind::kOptional, "number lines, use DIGITS (5) digits, then SEP (TAB)",
     "SEP[DIGITS]"},
    {kFirstNumber, 'N', "first-line-number", ArgKind::kRequired, "start counting with NUMBER at 1st line",
     "NUMBER"},
    {kIndent, 'o', "indent", ArgKind::kRequired, "offset each line with MARGIN (zero) spaces", "MARGIN"},
    {kNoWarnings, 'r', "no-file-warnings", ArgKind::kNone, "omit warning when a file cannot be opened"},
    {kSeparator, 's', "separator", ArgKind::kOptional, "separate columns by a single character", "CHAR"},
    {kSepString, 'S', "sep-string", ArgKind::kOptional, "separate columns by STRING", "STRING"},
    {kOmitHeader, 't', "omit-header", ArgKind::kNone, "omit page headers and trailers"},
    {kOmitPagination, 'T', "omit-pagination", ArgKind::kNone,
     "omit page headers and trailers, eliminate any pagination by form feeds set in input files"},
    {kNonprinting, 'v', "show-nonprinting", ArgKind::kNone, "use octal backslash notation"},
    {kWidth, 'w', "width", ArgKind::kRequired, "set page width to PAGE_WIDTH (72) characters for multiple "
                                                 "text-column output only", "PAGE_WIDTH"},
    {kPageWidth, 'W', "page-width", ArgKind::kRequired, "set page width to PAGE_WIDTH (72) characters always",
     "PAGE_WIDTH"},
    // -b: balance columns on the last page; GNU always does when it stores
    // columns, so it is accepted and changes nothing.
    {kBalance, 'b', "", ArgKind::kNone, ""},
    {kDigit + 0, '0', "", ArgKind::kNone, ""}, {kDigit + 1, '1', "", ArgKind::kNone, ""},
    {kDigit + 2, '2', "", ArgKind::kNone, ""}, {kDigit + 3, '3', "", ArgKind::kNone, ""},
    {kDigit + 4, '4', "", ArgKind::kNone, ""}, {kDigit + 5, '5', "", ArgKind::kNone, ""},
    {kDigit + 6, '6', "", ArgKind::kNone, ""}, {kDigit + 7, '7', "", ArgKind::kNone, ""},
    {kDigit + 8, '8', "", ArgKind::kNone, ""}, {kDigit + 9, '9', "", ArgKind::kNone, ""},
};

constexpr CommandSpec kSpec{
    "Usage: pr [OPTION]... [FILE]...",
    "Paginate or columnate FILE(s) for printing.",
    kOptions,
    1,
    false,
    "-t is implied if PAGE_LENGTH <= 10.  With no FILE, or when FILE is -, read\nstandard input.",
};

constexpr int kEof = -1;
constexpr int kAnywhere = 0;

int tab_width(int width, int pos) { return width - pos % width; }
int pos_after_tab(int width, int pos) { return pos + tab_width(width, pos); }

// A file being read; shared by all columns of a single file.
struct Source {
  std::string name;  // for messages: "standard input" or the operand
  text::Input input;
  int pushed = kEof - 1;  // one byte of ungetc
  bool failed = false;

  int getc() {
    if (input.is_dir) {
      failed = true;
      return kEof;
    }
    if (pushed != kEof - 1) {
      int c = pushed;
      pushed = kEof - 1;
      return c;
    }
    std::string_view v = input.in->peek();
    if (v.empty()) {
      if (input.is_dir || !input.in->ok()) failed = true;
      return kEof;
    }
    input.in->consume(1);
    return static_cast<unsigned char>(v[0]);
  }
  void ungetc(int c) { pushed = c; }
};

enum class Status { kOpen, kFormFeedFound, kOnHold, kClosed };

struct Column {
  Source* src = nullptr;
  Status status = Status::kClosed;
  bool stores = false;       // char sink: store for later instead of printing
  bool prints_stored = false;  // line source: the stored page instead of the file
  int current_line = 0, lines_stored = 0, lines_to_print = 0;
  int start_position = 0;
  bool numbered = false;
  bool full_page_printed = false;
};

struct Options {
  int lines_per_page = 66;
  int chars_per_line = 72;
  int chars_per_margin = 0;
  int columns = 1;
  bool explicit_columns = false;
  bool across = false, parallel = false, double_space = false;
  bool use_form_feed = false, truncate_lines = false, join_lines = false;
  bool extremities = true, keep_ff = false;
  bool use_col_separator = false;
  std::string col_sep;
  bool untabify_input = false;
  char input_tab_char = '\t';
  int chars_per_input_tab = 8;
  bool tabify_output = false;
  char output_tab_char = '\t';
  int chars_per_output_tab = 8;
  bool numbered = false;
  char number_separator = '\t';
  int chars_per_number = 5;
  int start_line_num = 1;
  bool skip_count = true;
  bool cntrl_prefix = false, esc_sequence = false;
  bool ignore_failed_opens = false;
  std::optional<std::string> custom_header;
  std::string date_format = "%Y-%m-%d %H:%M";
  uint64_t first_page = 0, last_page = UINT64_MAX;
};

int display_width(std::string_view s) {
  int w = 0;
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  for (size_t i = 0; i < s.size();) {
    uint32_t cp;
    int len = text::decode_utf8(p + i, s.size() - i, cp);
    if (len == 0) {
      ++w, ++i;
      continue;
    }
    w += std::max(0, text::char_width(cp));
    i += len;
  }
  return w;
}

class Printer {
 public:
  Printer(Invocation& inv, Options o) : inv_(inv), o_(std::move(o)), out_(inv.out()) {}

  bool failed_opens() const { return failed_opens_; }
  bool fatal() const { return fatal_; }

  // Prints one file, several in parallel (-m), or standard input (none).
  void print_files(const std::vector<std::string>& names) {
    if (!init_parameters(static_cast<int>(names.size()))) return;
    if (!open_columns(names)) return;
    if (storing_columns_) init_store();
    if (o_.first_page > 1) {
      if (!skip_to_page(o_.first_page)) return;
      page_number_ = o_.first_page;
    } else {
      page_number_ = 1;
    }
    init_column_functions();
    line_number_ = line_count_;
    while (!fatal_ && print_page()) {
    }
  }

 private:
  // --- set-up ---------------------------------------------------------------

  bool init_parameters(int files) {
    // Parameters are recomputed per batch from the options, as GNU does
    // with its globals (and a few of them carry over, like GNU's).
    parallel_ = o_.parallel && files > 0;
    storing_columns_ = !o_.across && !o_.parallel;
    balance_columns_ = false;
    columns_ = parallel_ ? files : o_.columns;
    truncate_lines_ = o_.truncate_lines;
    join_lines_ = o_.join_lines;
    extremities_ = o_.extremities;
    keep_ff_ = o_.keep_ff;
    use_col_separator_ = o_.use_col_separator;
    col_sep_ = o_.col_sep;
    tabify_output_ = o_.tabify_output;

    lines_per_body_ = o_.lines_per_page - kLinesPerHeader - kLinesPerFooter;
    if (lines_per_body_ <= 0) {
      extremities_ = false;
      keep_ff_ = true;
    }
    if (!extremities_) lines_per_body_ = o_.lines_per_page;
    if (o_.double_space) lines_per_body_ /= 2;
    if (storing_columns_) balance_columns_ = true;
    if (columns_ > 1) {
      if (!use_col_separator_) {
        col_sep_ = join_lines_ ? "\t" : " ";
        use_col_separator_ = true;
      } else if (!join_lines_ && !col_sep_.empty() && col_sep_[0] == '\t') {
        col_sep_ = " ";
      }
      truncate_lines_ = true;
      tabify_output_ = true;
    } else {
      storing_columns_ = false;
    }
    if (join_lines_) truncate_lines_ = false;
    int used_by_number = 0;
    if (o_.numbered) {
      line_count_ = o_.start_line_num;
      number_width_ = o_.number_separator == '\t'
                          ? o_.chars_per_number + tab_width(8, o_.chars_per_number)
                          : o_.chars_per_number + 1;
      if (parallel_) used_by_number = number_width_;
      power_10_ = 1;
      for (int i = 0; i < o_.chars_per_number && power_10_ < INT64_MAX / 10; ++i) power_10_ *= 10;
    }
    int sep_length = static_cast<int>(col_sep_.size());
    chars_per_column_ = (o_.chars_per_line - used_by_number - (columns_ - 1) * sep_length) / columns_;
    if (chars_per_column_ < 1) {
      inv_.error("page width too narrow");
      fatal_ = true;
      return false;
    }
    return true;
  }

  bool open_source(const std::string& name, Column& col) {
    auto src = std::make_unique<Source>();
    if (vfs::Error err = text::open_input(inv_, name, src->input)) {
      failed_opens_ = true;
      if (!o_.ignore_failed_opens) inv_.error(name + ": " + vfs::error_text(err));
      return false;
    }
    src->name = name == "-" ? "standard input" : name;
    col.src = src.get();
    col.status = Status::kOpen;
    col.full_page_printed = false;
    sources_.push_back(std::move(src));
    ++total_files_;
    return true;
  }

  bool open_columns(const std::vector<std::string>& names) {
    total_files_ = 0;
    columns_vec_.assign(columns_, Column{});
    if (parallel_) {
      int kept = 0;
      for (const std::string& name : names) {
        if (open_source(name, columns_vec_[kept])) ++kept;
      }
      columns_ = kept;
      columns_vec_.resize(kept);
      if (columns_ == 0) return false;
      init_header("", nullptr);
    } else {
      Column& first = columns_vec_[0];
      std::string name = names.empty() ? "-" : names[0];
      if (!open_source(name, first)) return false;
      init_header(names.empty() ? "" : name, first.src);
      for (int i = 1; i < columns_; ++i) {
        columns_vec_[i].src = first.src;
        columns_vec_[i].status = Status::kOpen;
      }
    }
    files_ready_to_read_ = total_files_;
    return true;
  }

  void init_header(const std::string& filename, Source* src) {
    vfs::Timespec t;
    vfs::Stat st;
    if (src && filename != "-" && !src->input.is_stdin && src->input.file && !src->input.file->stat(st)) {
      t = st.mtime;
    } else {
      if (!now_) now_ = vfs::now();
      t = *now_;
    }
    date_text_ = fsu::format_time(o_.date_format, fsu::local_time(inv_, t));
    bool named = src && filename != "-" && !filename.empty();
    file_text_ = o_.custom_header ? *o_.custom_header : named ? filename : "";
    header_width_available_ = o_.chars_per_line - display_width(date_text_) - display_width(file_text_);
  }

  void init_column_functions() {
    int sep_length = static_cast<int>(col_sep_.size());
    int h = o_.chars_per_margin;
    int h_next = kAnywhere;
    if (truncate_lines_) h_next = h + chars_per_column_ + (parallel_ && o_.numbered ? number_width_ : 0);
    h += sep_length;  // every column, the first too, starts after a separator
    for (int i = 0; i < columns_; ++i) {
      Column& c = columns_vec_[i];
      bool last = i == columns_ - 1;
      bool store = storing_columns_ && (!last || balance_columns_);
      c.stores = store;
      c.prints_stored = store;
      c.numbered = o_.numbered && (!parallel_ || i == 0);
      c.start_position = h;
      if (last) break;
      if (!truncate_lines_) {
        h = kAnywhere;
        h_next = kAnywhere;
      } else {
        h = h_next + sep_length;
        h_next = h + chars_per_column_;
      }
    }
  }

  void init_store() {
    // Grown as lines are stored: a page length like -l 2147483647 must not
    // allocate up front.
    line_start_.clear();
    line_end_.clear();
    buff_.clear();
  }

  // --- file status ------------------------------------------------------------

  int cols_ready_to_print() const {
    int n = 0;
    for (const Column& q : columns_vec_)
      if (q.status == Status::kOpen || q.status == Status::kFormFeedFound ||
          (storing_columns_ && q.lines_stored > 0 && q.lines_to_print > 0))
        ++n;
    return n;
  }

  void close_file(Column& p) {
    if (p.status == Status::kClosed) return;
    if (p.src->failed) {
      vfs::Error err = p.src->input.is_dir ? vfs::make_error(EISDIR) : p.src->input.in->error();
      inv_.error(p.src->name + ": " + vfs::error_text(err));
      fatal_ = true;
    }
    if (!parallel_) {
      for (Column& q : columns_vec_) {
        q.status = Status::kClosed;
        if (q.lines_stored == 0) q.lines_to_print = 0;
      }
    } else {
      p.status = Status::kClosed;
      p.lines_to_print = 0;
    }
    --files_ready_to_read_;
  }

  // A form feed: the file waits for the next page.
  void hold_file(Column& p) {
    if (!parallel_) {
      for (Column& q : columns_vec_) q.status = storing_columns_ ? Status::kFormFeedFound : Status::kOnHold;
    } else {
      p.status = Status::kOnHold;
    }
    p.lines_to_print = 0;
    --files_ready_to_read_;
  }

  void reset_status() {
    for (Column& p : columns_vec_) {
      if (p.status == Status::kOnHold) {
        p.status = Status::kOpen;
        ++files_ready_to_read_;
      }
    }
    if (storing_columns_) files_ready_to_read_ = columns_vec_[0].status == Status::kClosed ? 0 : 1;
  }

  // --- pages ------------------------------------------------------------------

  void init_page() {
    if (storing_columns_) {
      store_columns();
      for (int j = 0; j < columns_ - 1; ++j) columns_vec_[j].lines_to_print = columns_vec_[j].lines_stored;
      Column& last = columns_vec_[columns_ - 1];
      if (balance_columns_) last.lines_to_print = last.lines_stored;
      else last.lines_to_print = last.status == Status::kOpen ? lines_per_body_ : 0;
    } else {
      for (Column& p : columns_vec_) p.lines_to_print = p.status == Status::kOpen ? lines_per_body_ : 0;
    }
  }

  void align_column(Column& p) {
    int sep_length = static_cast<int>(col_sep_.size());
    padding_not_printed_ = p.start_position;
    if (padding_not_printed_ - sep_length > 0) {
      pad_across_to(padding_not_printed_ - sep_length);
      padding_not_printed_ = kAnywhere;
    }
    if (use_col_separator_) print_sep_string();
    if (p.numbered) add_line_number(p);
  }

  bool print_page() {
    init_page();
    if (cols_ready_to_print() == 0) return false;
    if (extremities_) print_a_header_ = true;
    pad_vertically_ = false;
    bool any_line = false;
    int lines_left = lines_per_body_ * (o_.double_space ? 2 : 1);
    while (lines_left > 0 && cols_ready_to_print() > 0) {
      output_position_ = 0;
      spaces_not_printed_ = 0;
      separators_not_printed_ = 0;
      pad_vertically_ = false;
      align_empty_cols_ = false;
      empty_line_ = true;
      for (int j = 0; j < columns_; ++j) {
        Column& p = columns_vec_[j];
        input_position_ = 0;
        if (p.lines_to_print > 0 || p.status == Status::kFormFeedFound) {
          ff_only_ = false;
          padding_not_printed_ = p.start_position;
          bool complete = p.prints_stored ? print_stored(p) : read_line(p);
          if (!complete) read_rest_of_line(p);
          if (fatal_) return false;
          any_line |= pad_vertically_;
          --p.lines_to_print;
          if (p.lines_to_print <= 0 && cols_ready_to_print() <= 0) break;
          if (parallel_ && p.status != Status::kOpen) {
            if (empty_line_) align_empty_cols_ = true;
            else if (p.status == Status::kClosed || (p.status == Status::kOnHold && ff_only_)) align_column(p);
          }
        } else if (parallel_) {
          if (empty_line_) align_empty_cols_ = true;
          else align_column(p);
        }
        if (use_col_separator_) ++separators_not_printed_;
      }
      if (pad_vertically_) {
        out_.put('\n');
        --lines_left;
      }
      if (cols_ready_to_print() <= 0 && !extremities_) break;
      if (o_.double_space && any_line) {
        out_.put('\n');
        --lines_left;
      }
    }
    if (lines_left == 0)
      for (Column& p : columns_vec_)
        if (p.status == Status::kOpen) p.full_page_printed = true;
    pad_vertically_ = any_line;
    if (pad_vertically_ && extremities_) {
      if (o_.use_form_feed) out_.put('\f');
      else
        for (int i = lines_left + kLinesPerFooter; i > 0; --i) out_.put('\n');
    } else if (keep_ff_ && print_a_ff_) {
      out_.put('\f');
      print_a_ff_ = false;
    }
    if (o_.last_page < ++page_number_) return false;
    reset_status();
    return !inv_.cancelled() && out_.ok();
  }

  // --- storing columns (one file, columns down) -----------------------------

  void store_columns() {
    int last_col = balance_columns_ ? columns_ : columns_ - 1;
    for (int i = 0; i < last_col; ++i) columns_vec_[i].lines_stored = 0;
    buff_.clear();
    size_t buff_start = 0;
    int line = 0;
    for (int i = 0; i < last_col && files_ready_to_read_; ++i) {
      Column& p = columns_vec_[i];
      p.current_line = line;
      for (int j = lines_per_body_; j && files_ready_to_read_; --j) {
        if (p.status != Status::kOpen) continue;
        input_position_ = 0;
        if (!read_line(p)) read_rest_of_line(p);
        if (p.status == Status::kOpen || buff_start != buff_.size()) {
          ++p.lines_stored;
          line_start_.resize(std::max<size_t>(line_start_.size(), line + 2));
          line_end_.resize(std::max<size_t>(line_end_.size(), line + 1));
          line_start_[line] = buff_start;
          line_end_[line++] = input_position_;
          buff_start = buff_.size();
        }
      }
    }
    line_start_.resize(std::max<size_t>(line_start_.size(), line + 1));
    line_start_[line] = buff_start;
    if (balance_columns_) {
      int first_line = 0;
      for (int i = 0; i < columns_; ++i) {
        int lines = line / columns_ + (i < line % columns_ ? 1 : 0);
        columns_vec_[i].lines_stored = lines;
        columns_vec_[i].current_line = first_line;
        first_line += lines;
      }
    }
  }

  bool print_stored(Column& p) {
    int line = p.current_line++;
    size_t first = line_start_[line], last = line_start_[line + 1];
    pad_vertically_ = true;
    if (print_a_header_) print_header();
    if (p.status == Status::kFormFeedFound) {
      for (Column& q : columns_vec_) q.status = Status::kOnHold;
      if (columns_vec_[0].lines_to_print <= 0) {
        if (!extremities_) pad_vertically_ = false;
        return true;  // a header only
      }
    }
    int sep_length = static_cast<int>(col_sep_.size());
    if (padding_not_printed_ - sep_length > 0) {
      pad_across_to(padding_not_printed_ - sep_length);
      padding_not_printed_ = kAnywhere;
    }
    if (use_col_separator_) print_sep_string();
    for (size_t i = first; i < last; ++i) print_char(buff_[i]);
    if (spaces_not_printed_ == 0) {
      output_position_ = p.start_position + line_end_[line];
      if (p.start_position - sep_length == o_.chars_per_margin) output_position_ -= sep_length;
    }
    return true;
  }

  // --- output -----------------------------------------------------------------

  void emit_char(Column& p, char c) {
    if (p.stores) buff_.push_back(c);
    else print_char(c);
  }

  void print_char(char c) {
    if (tabify_output_) {
      if (c == ' ') {
        ++spaces_not_printed_;
        return;
      }
      if (spaces_not_printed_ > 0) print_white_space();
      if (!std::isprint(static_cast<unsigned char>(c))) {
        if (c == '\b') --output_position_;
      } else {
        ++output_position_;
      }
    }
    out_.put(c);
  }

  // Owed spaces become tabs where a tab reaches no further than needed.
  void print_white_space() {
    int h_old = output_position_;
    int goal = h_old + spaces_not_printed_;
    int h_new;
    while (goal - h_old > 1 && (h_new = pos_after_tab(o_.chars_per_output_tab, h_old)) <= goal) {
      out_.put(o_.output_tab_char);
      h_old = h_new;
    }
    if (goal > h_old) put_spaces(goal - h_old);
    output_position_ = goal;
    spaces_not_printed_ = 0;
  }

  void pad_across_to(int position) {
    if (tabify_output_) {
      spaces_not_printed_ = position - output_position_;
    } else {
      put_spaces(position - output_position_);
      output_position_ = position;
    }
  }

  // Widths come from options and may be huge; never build them in memory.
  void put_spaces(int64_t n) {
    static const std::string kChunk(256, ' ');
    while (n > 0 && out_.ok() && !inv_.cancelled()) {
      int64_t k = std::min<int64_t>(n, kChunk.size());
      out_.write(std::string_view(kChunk).substr(0, k));
      n -= k;
    }
  }

  void print_sep_string() {
    if (separators_not_printed_ <= 0) {
      if (spaces_not_printed_ > 0) print_white_space();
      return;
    }
    // GNU spends the separator's length once across all owed separators.
    size_t left = col_sep_.size();
    size_t s = 0;
    for (; separators_not_printed_ > 0; --separators_not_printed_) {
      while (left > 0) {
        --left;
        if (col_sep_[s] == ' ') {
          ++s;
          ++spaces_not_printed_;
        } else {
          if (spaces_not_printed_ > 0) print_white_space();
          out_.put(col_sep_[s++]);
          ++output_position_;
        }
      }
      if (spaces_not_printed_ > 0) print_white_space();
    }
  }

  void add_line_number(Column& p) {
    char buf[64];
    if (line_number_ < power_10_)
      std::snprintf(buf, sizeof buf, "%*lld", o_.chars_per_number, static_cast<long long>(line_number_));
    else
      std::snprintf(buf, sizeof buf, "%0*lld", o_.chars_per_number, static_cast<long long>(line_number_ % power_10_));
    ++line_number_;
    for (int i = 0; i < o_.chars_per_number && buf[i]; ++i) emit_char(p, buf[i]);
    if (columns_ > 1) {
      if (o_.number_separator == '\t') {
        for (int i = number_width_ - o_.chars_per_number; i > 0; --i) emit_char(p, ' ');
      } else {
        emit_char(p, o_.number_separator);
      }
    } else {
      emit_char(p, o_.number_separator);
      if (o_.number_separator == '\t') output_position_ = pos_after_tab(o_.chars_per_output_tab, output_position_);
    }
    if (truncate_lines_ && !parallel_) input_position_ += number_width_;
  }

  void print_header() {
    output_position_ = 0;
    pad_across_to(o_.chars_per_margin);
    print_white_space();
    std::string page_text = "Page " + std::to_string(page_number_);
    int available = std::max(0, header_width_available_ - static_cast<int>(page_text.size()));
    int lhs = available / 2, rhs = available - lhs;
    out_ << "\n\n";
    put_spaces(o_.chars_per_margin);
    out_ << date_text_;
    put_spaces(std::max(lhs, 1));
    out_ << file_text_;
    put_spaces(std::max(rhs, 1));
    out_ << page_text << "\n\n\n";
    print_a_header_ = false;
    output_position_ = 0;
  }

  // --- reading lines --------------------------------------------------------

  // Turns one input byte into what is printed for it, advancing
  // input_position_ by its width.
  std::string char_to_clump(int ch) {
    unsigned char uc = static_cast<unsigned char>(ch);
    char c = static_cast<char>(ch);
    std::string clump;
    int width;
    if (c == o_.input_tab_char || c == '\t') {
      int per = c == o_.input_tab_char ? o_.chars_per_input_tab : 8;
      width = tab_width(per, input_position_);
      clump = o_.untabify_input ? std::string(width, ' ') : std::string(1, c);
    } else if (!std::isprint(uc)) {
      char esc[8];
      std::snprintf(esc, sizeof esc, "\\%03o", uc);
      if (o_.esc_sequence) {
        width = 4;
        clump = esc;
      } else if (o_.cntrl_prefix) {
        if (uc < 0200) {
          width = 2;
          clump = {'^', static_cast<char>(c ^ 0100)};
        } else {
          width = 4;
          clump = esc;
        }
      } else {
        width = c == '\b' ? -1 : 0;
        clump = std::string(1, c);
      }
    } else {
      width = 1;
      clump = std::string(1, c);
    }
    if (width < 0 && input_position_ == 0) clump.clear();
    else if (width < 0 && input_position_ <= -width) input_position_ = 0;
    else input_position_ += width;
    return clump;
  }

  // After a form feed, a newline right after it belongs to it.
  void swallow_newline_after_ff(Source& src) {
    int c = src.getc();
    if (c != '\n') src.ungetc(c);
  }

  // Prints (or stores) one line of p's file; false if it was cut short by
  // the column width and the rest still has to be skipped.
  bool read_line(Column& p) {
    Source& src = *p.src;
    int c = src.getc();
    int last_input_position = input_position_;
    if (c == '\f' && p.full_page_printed) {
      if ((c = src.getc()) == '\n') c = src.getc();
    }
    p.full_page_printed = false;
    std::string clump;
    switch (c) {
      case '\f':
        swallow_newline_after_ff(src);
        ff_only_ = true;
        if (print_a_header_ && !storing_columns_) {
          pad_vertically_ = true;
          print_header();
        } else if (keep_ff_) {
          print_a_ff_ = true;
        }
        hold_file(p);
        return true;
      case kEof: close_file(p); return true;
      case '\n': break;
      default: clump = char_to_clump(c);
    }
    if (truncate_lines_ && input_position_ > chars_per_column_) {
      input_position_ = last_input_position;
      return false;
    }
    if (!p.stores) {
      pad_vertically_ = true;
      if (print_a_header_ && !storing_columns_) print_header();
      if (parallel_ && align_empty_cols_) {
        // Empty columns before this one still owe their separators.
        int owed = separators_not_printed_;
        separators_not_printed_ = 0;
        for (int j = 0; j < owed; ++j) {
          align_column(columns_vec_[j]);
          separators_not_printed_ += 1;
        }
        padding_not_printed_ = p.start_position;
        spaces_not_printed_ = truncate_lines_ ? chars_per_column_ : 0;
        align_empty_cols_ = false;
      }
      int sep_length = static_cast<int>(col_sep_.size());
      if (padding_not_printed_ - sep_length > 0) {
        pad_across_to(padding_not_printed_ - sep_length);
        padding_not_printed_ = kAnywhere;
      }
      if (use_col_separator_) print_sep_string();
    }
    if (p.numbered) add_line_number(p);
    empty_line_ = false;
    if (c == '\n') return true;
    for (char ch : clump) emit_char(p, ch);
    for (;;) {
      c = src.getc();
      switch (c) {
        case '\n': return true;
        case '\f':
          swallow_newline_after_ff(src);
          if (keep_ff_) print_a_ff_ = true;
          hold_file(p);
          return true;
        case kEof: close_file(p); return true;
      }
      last_input_position = input_position_;
      clump = char_to_clump(c);
      if (truncate_lines_ && input_position_ > chars_per_column_) {
        input_position_ = last_input_position;
        return false;
      }
      for (char ch : clump) emit_char(p, ch);
    }
  }

  void read_rest_of_line(Column& p) {
    Source& src = *p.src;
    for (int c; (c = src.getc()) != '\n';) {
      if (c == '\f') {
        swallow_newline_after_ff(src);
        if (keep_ff_) print_a_ff_ = true;
        hold_file(p);
        break;
      }
      if (c == kEof) {
        close_file(p);
        break;
      }
    }
  }

  // Reads a line without printing it, for pages before --pages' first.
  void skip_read(Column& p, int column_number) {
    Source& src = *p.src;
    int c = src.getc();
    if (c == '\f' && p.full_page_printed) {
      if ((c = src.getc()) == '\n') c = src.getc();
    }
    p.full_page_printed = false;
    bool single_ff = c == '\f';
    if (last_line_) p.full_page_printed = true;
    while (c != '\n') {
      if (c == '\f') {
        if (last_line_) {
          if (!parallel_)
            for (Column& q : columns_vec_) q.full_page_printed = false;
          else
            p.full_page_printed = false;
        }
        swallow_newline_after_ff(src);
        hold_file(p);
        break;
      }
      if (c == kEof) {
        close_file(p);
        break;
      }
      c = src.getc();
    }
    if (o_.skip_count && (!parallel_ || column_number == 1) && !single_ff) ++line_count_;
  }

  bool skip_to_page(uint64_t page) {
    for (uint64_t n = 1; n < page; ++n) {
      for (int i = 1; i < lines_per_body_; ++i)
        for (int j = 0; j < columns_; ++j)
          if (columns_vec_[j].status == Status::kOpen) skip_read(columns_vec_[j], j + 1);
      last_line_ = true;
      for (int j = 0; j < columns_; ++j)
        if (columns_vec_[j].status == Status::kOpen) skip_read(columns_vec_[j], j + 1);
      if (storing_columns_)
        for (Column& p : columns_vec_)
          if (p.status != Status::kClosed) p.status = Status::kOnHold;
      reset_status();
      last_line_ = false;
      if (fatal_) return false;
      if (files_ready_to_read_ < 1) {
        inv_.error("starting page number " + std::to_string(page) + " exceeds page count " + std::to_string(n));
        break;
      }
    }
    return files_ready_to_read_ > 0;
  }

  static constexpr int kLinesPerHeader = 5;
  static constexpr int kLinesPerFooter = 5;

  Invocation& inv_;
  const Options o_;
  OutStream& out_;
  std::vector<std::unique_ptr<Source>> sources_;
  std::vector<Column> columns_vec_;
  int columns_ = 1;
  bool parallel_ = false, storing_columns_ = false, balance_columns_ = false;
  bool truncate_lines_ = false, join_lines_ = false, extremities_ = true, keep_ff_ = false;
  bool use_col_separator_ = false, tabify_output_ = false;
  std::string col_sep_;
  int lines_per_body_ = 0, chars_per_column_ = 0, number_width_ = 0;
  int64_t power_10_ = 1, line_number_ = 1, line_count_ = 1;
  uint64_t page_number_ = 1;
  int total_files_ = 0, files_ready_to_read_ = 0;
  bool failed_opens_ = false, fatal_ = false;
  std::optional<vfs::Timespec> now_;
  std::string date_text_, file_text_;
  int header_width_available_ = 0;
  // Stored page for columns down: the bytes, where each line starts, and
  // each line's width.
  std::string buff_;
  std::vector<size_t> line_start_;
  std::vector<int> line_end_;
  // The horizontal state of the output line being built.
  int output_position_ = 0, input_position_ = 0;
  int spaces_not_printed_ = 0, separators_not_printed_ = 0, padding_not_printed_ = 0;
  bool pad_vertically_ = false, align_empty_cols_ = false, empty_line_ = true, ff_only_ = false;
  bool print_a_header_ = false, print_a_ff_ = false, last_line_ = false;
};

// xdectoimax: a decimal in [min, max]; out-of-range numbers get ERANGE's
// text after the message.
bool parse_ranged(Invocation& inv, const std::string& v, long long min, long long max, std::string_view what,
                  int& out) {
  const char* s = v.c_str();
  char* end;
  errno = 0;
  long long n = std::strtoll(s, &end, 10);
  bool invalid = end == s || *end;
  // strtoll skips leading space and accepts a sign, as xstrtoimax does.
  if (invalid) {
    inv.error(std::string(what) + ": " + text::quote(v));
    return false;
  }
  if (errno == ERANGE || n < min || n > max) {
    inv.error(std::string(what) + ": " + text::quote(v) + ": Numerical result out of range");
    return false;
  }
  out = static_cast<int>(n);
  return true;
}

// -e, -i, -n arguments: [CHAR][WIDTH].
bool parse_char_width(Invocation& inv, const std::string& arg, char switch_char, char& character, int& number) {
  std::string_view rest = arg;
  if (!rest.empty() && !std::isdigit(static_cast<unsigned char>(rest[0]))) {
    character = rest[0];
    rest.remove_prefix(1);
  }
  if (rest.empty()) return true;
  std::string num(rest);
  char* end;
  errno = 0;
  long long n = std::strtoll(num.c_str(), &end, 10);
  if (*end || end == num.c_str() || errno || n <= 0 || n > INT_MAX) {
    inv.error(std::string("'-") + switch_char + "' extra characters or invalid number in the argument: " +
              text::quote(num));
    print_try_help(inv);
    return false;
  }
  number = static_cast<int>(n);
  return true;
}

// FIRST[:LAST] for --pages and +FIRST.
bool parse_pages(std::string_view s, uint64_t& first, uint64_t& last) {
  auto number = [](std::string_view& s, uint64_t& out) {
    size_t i = 0;
    unsigned __int128 v = 0;
    while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) {
      v = v * 10 + (s[i++] - '0');
      if (v > UINT64_MAX) return false;
    }
    if (i == 0) return false;
    out = static_cast<uint64_t>(v);
    s.remove_prefix(i);
    return true;
  };
  uint64_t f, l = UINT64_MAX;
  if (!number(s, f) || f == 0) return false;
  if (!s.empty() && s[0] == ':') {
    s.remove_prefix(1);
    if (!number(s, l) || l < f) return false;
  }
  if (!s.empty()) return false;
  first = f;
  last = l;
  return true;
}

int run_pr(Invocation& inv) {
  ParsedArgs args;
  if (auto status = parse_args(inv, kSpec, args)) return *status;
  Options o;
  std::string column_digits;
  bool digits_run = false;  // the last option was a digit: -12 is "12"
  bool old_options = false, old_w = false, old_s = false;
  for (const ParsedOption& opt : args.options) {
    if (opt.id >= kDigit && opt.id <= kDigit + 9) {
      // -12 arrives as the options 1 and 2; any other option ends the run.
      if (!digits_run) column_digits.clear();
      digits_run = true;
      column_digits += static_cast<char>('0' + (opt.id - kDigit));
      continue;
    }
    digits_run = false;
    const std::string& v = opt.value;
    switch (opt.id) {
      case kPages:
        if (!parse_pages(v, o.first_page, o.last_page)) {
          inv.error("invalid page range " + text::quote(v));
          return 1;
        }
        break;
      case kColumns:
        if (!parse_ranged(inv, v, 1, INT_MAX, "invalid number of columns", o.columns)) return 1;
        o.explicit_columns = true;
        column_digits.clear();
        break;
      case kAcross: o.across = true; break;
      case kControl: o.cntrl_prefix = true; break;
      case kDouble: o.double_space = true; break;
      case kDateFormat: o.date_format = v; break;
      case kExpandTabs:
        if (opt.has_value && !parse_char_width(inv, v, 'e', o.input_tab_char, o.chars_per_input_tab)) return 1;
        o.untabify_input = true;
        break;
      case kFormFeed: o.use_form_feed = true; break;
      case kHeader: o.custom_header = v; break;
      case kOutputTabs:
        if (opt.has_value && !parse_char_width(inv, v, 'i', o.output_tab_char, o.chars_per_output_tab)) return 1;
        o.tabify_output = true;
        break;
      case kJoin: o.join_lines = true; break;
      case kLength:
        if (!parse_ranged(inv, v, 1, INT_MAX, "'-l PAGE_LENGTH' invalid number of lines", o.lines_per_page))
          return 1;
        break;
      case kMerge: o.parallel = true; break;
      case kNumber:
        o.numbered = true;
        if (opt.has_value && !parse_char_width(inv, v, 'n', o.number_separator, o.chars_per_number)) return 1;
        break;
      case kFirstNumber:
        o.skip_count = false;
        if (!parse_ranged(inv, v, INT_MIN, INT_MAX, "'-N NUMBER' invalid starting line number", o.start_line_num))
          return 1;
        break;
      case kIndent:
        if (!parse_ranged(inv, v, 0, INT_MAX, "'-o MARGIN' invalid line offset", o.chars_per_margin)) return 1;
        break;
      case kNoWarnings: o.ignore_failed_opens = true; break;
      case kSeparator:
        old_options = old_s = true;
        if (!o.use_col_separator && opt.has_value) o.col_sep = v;
        break;
      case kSepString:
        old_s = false;
        o.col_sep = opt.has_value ? v : "";
        o.use_col_separator = true;
        break;
      case kOmitHeader:
        o.extremities = false;
        o.keep_ff = true;
        break;
      case kOmitPagination:
        o.extremities = false;
        o.keep_ff = false;
        break;
      case kNonprinting: o.esc_sequence = true; break;
      case kWidth: {
        old_options = old_w = true;
        int width;
        if (!parse_ranged(inv, v, 1, INT_MAX, "'-w PAGE_WIDTH' invalid number of characters", width)) return 1;
        if (!o.truncate_lines) o.chars_per_line = width;
        break;
      }
      case kPageWidth:
        old_w = false;
        o.truncate_lines = true;
        if (!parse_ranged(inv, v, 1, INT_MAX, "'-W PAGE_WIDTH' invalid number of characters", o.chars_per_line))
          return 1;
        break;
    }
  }
  if (!column_digits.empty()) {
    if (!parse_ranged(inv, column_digits, 1, INT_MAX, "invalid number of columns", o.columns)) return 1;
    o.explicit_columns = true;
  }
  std::vector<std::string> files;
  for (const std::string& operand : args.operands) {
    uint64_t first, last;
    if (o.first_page == 0 && operand.size() > 1 && operand[0] == '+' &&
        parse_pages(std::string_view(operand).substr(1), first, last)) {
      o.first_page = first;
      o.last_page = last;
      continue;
    }
    files.push_back(operand);
  }
  if (o.first_page == 0) o.first_page = 1;
  if (o.parallel && o.explicit_columns) {
    inv.error("cannot specify number of columns when printing in parallel");
    return 1;
  }
  if (o.parallel && o.across) {
    inv.error("cannot specify both printing across and printing in parallel");
    return 1;
  }
  // Old-style -w and -s mean different things with and without columns.
  if (old_options) {
    if (old_w) {
      if (o.parallel || o.explicit_columns) {
        o.truncate_lines = true;
        if (old_s) o.use_col_separator = true;
      } else {
        o.join_lines = true;
      }
    } else if (!o.use_col_separator) {
      if (old_s && (o.parallel || o.explicit_columns)) {
        if (!o.truncate_lines) {
          o.join_lines = true;
          if (!o.col_sep.empty()) o.use_col_separator = true;
        } else {
          o.use_col_separator = true;
        }
      }
    }
  }
  Printer printer(inv, o);
  if (files.empty()) {
    printer.print_files({});
  } else if (o.parallel) {
    printer.print_files(files);
  } else {
    for (const std::string& f : files) {
      printer.print_files({f});
      if (printer.fatal() || !inv.out().ok()) break;
    }
  }
  if (text::report_write_error(inv)) return 1;
  return printer.failed_opens() || printer.fatal() ? 1 : 0;
}

}  // namespace

BURROW_COMMAND(pr, "paginate or columnate files for printing", run_pr);

}  // namespace burrow
