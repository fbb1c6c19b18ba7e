#include "text/regex.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <re2/re2.h>

#include <algorithm>
#include <cstring>

#include "text/regex_translate.h"

namespace burrow::text {

struct Regex::Re2Holder {
  std::unique_ptr<re2::RE2> re;
};

struct Regex::PcreHolder {
  pcre2_code* code = nullptr;
  pcre2_match_context* context = nullptr;
  bool jit = false;
  ~PcreHolder() {
    if (context) pcre2_match_context_free(context);
    if (code) pcre2_code_free(code);
  }
};

namespace {

constexpr uint32_t kPcreMatchLimit = 5'000'000;
constexpr uint32_t kPcreDepthLimit = 100'000;

std::string engine_prefix(unsigned flags, bool perl) {
  std::string p;
  if (flags & kIgnoreCase) p += "(?i)";
  if (perl) return p;
  if (flags & (kMultiline | kLineMode)) p += "(?m)";
  else p += "(?s)";
  return p;
}

// Wraps the translated body for -x and -w. Returns the engine group holding
// the whole match.
int wrap(std::string& body, unsigned flags, bool pcre, bool perl) {
  if (flags & kWholeLine) {
    if (perl) body = "^(?:" + body + ")$";
    else body = std::string((flags & (kMultiline | kLineMode)) ? "^" : "\\A") + "(?:" + body + ")" +
                ((flags & (kMultiline | kLineMode)) ? "$" : "\\z");
    return 0;
  }
  if (flags & kWholeWord) {
    bool utf8 = flags & kUtf8;
    if (pcre) {
      std::string w = perl ? "\\w" : utf8 ? "[\\p{L}\\p{N}_]" : "[[:word:]]";
      body = "(?<!" + w + ")(?:" + body + ")(?!" + w + ")";
      return 0;
    }
    std::string word = utf8 ? "\\p{L}\\p{N}_" : "[:word:]";
    std::string nonword = "[^" + word + ((flags & (kMultiline | kLineMode)) ? "\\x{a}]" : "]");
    body = "(?:^|" + nonword + ")(" + body + ")(?:" + nonword + "|$)";
    return 1;
  }
  return 0;
}

bool is_word_byte(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

bool valid_utf8(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    unsigned char c = s[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    int len = (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 0;
    if (len == 0 || c < 0xC2 || i + len > s.size()) return false;
    for (int k = 1; k < len; ++k)
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    i += len;
  }
  return true;
}

pcre2_match_data* thread_match_data() {
  struct Holder {
    pcre2_match_data* data = pcre2_match_data_create(512, nullptr);
    ~Holder() { pcre2_match_data_free(data); }
  };
  thread_local Holder holder;
  return holder.data;
}

}  // namespace

Regex::~Regex() = default;

bool locale_is_utf8(std::string_view lc_all, std::string_view lc_ctype, std::string_view lang) {
  std::string_view name = !lc_all.empty() ? lc_all : !lc_ctype.empty() ? lc_ctype : lang;
  std::string lower;
  for (char c : name) lower += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  return lower.find("utf-8") != std::string::npos || lower.find("utf8") != std::string::npos;
}

CompileResult Regex::compile(std::string_view pattern, Syntax syntax, unsigned flags) {
  std::string p(pattern);
  return compile_any(std::span<const std::string>(&p, 1), syntax, flags);
}

CompileResult Regex::compile_any(std::span<const std::string> patterns, Syntax syntax, unsigned flags) {
  CompileResult result;
  std::shared_ptr<Regex> re(new Regex());
  bool perl = syntax == Syntax::kPerl;
  bool rust = syntax == Syntax::kRust;
  bool utf8 = flags & kUtf8;
  if (utf8) {
    for (const auto& p : patterns)
      if (!valid_utf8(p)) utf8 = false;  // match the pattern's bytes as they are
  }
  if (!utf8) flags &= ~kUtf8;

  // Translate; retry for PCRE2 when RE2 cannot express the pattern.
  std::string body;
  bool need_pcre = perl;
  // -w over plain words: \b on both sides is the same test, and keeps
  // RE2's literal accelerations.
  // (RE2's \b only knows ASCII words, so not in UTF-8 mode.)
  bool word_literals = (flags & kWholeWord) && !(flags & kWholeLine) && !perl && !rust &&
                       !patterns.empty() && !(flags & kUtf8);
  size_t user_groups = 0;
  auto build = [&](bool for_pcre, int offset) -> bool {
    body.clear();
    result.warnings.clear();
    user_groups = 0;
    re->literal_.clear();
    re->literal_only_ = patterns.size() == 1;
    for (size_t k = 0; k < patterns.size(); ++k) {
      std::string piece;
      if (syntax == Syntax::kFixed) {
        size_t pos = 0;
        std::string_view s = patterns[k];
        while (pos < s.size()) {
          uint32_t cp = static_cast<unsigned char>(s[pos]);
          size_t len = 1;
          if (utf8 && cp >= 0x80) {
            len = cp >= 0xF0 ? 4 : cp >= 0xE0 ? 3 : 2;
            cp &= 0xFF >> (len + 1);
            for (size_t q = 1; q < len; ++q) cp = (cp << 6) | (s[pos + q] & 0x3F);
          }
          detail::append_escaped(piece, cp);
          pos += len;
        }
        if (s.empty() || !is_word_byte(s.front()) || !is_word_byte(s.back())) word_literals = false;
        if (patterns.size() == 1 && !(flags & (kIgnoreCase | kWholeLine | kWholeWord))) re->literal_ = patterns[k];
        else re->literal_only_ = false;
      } else if (perl || rust) {
        piece = patterns[k];
        re->literal_only_ = false;
      } else {
        detail::Translation t = detail::translate(patterns[k], syntax, flags, for_pcre, offset + static_cast<int>(user_groups));
        for (auto& w : t.warnings) result.warnings.push_back(w);
        if (!t.error.empty()) {
          result.error = t.error;
          return false;
        }
        if (t.needs_pcre && !for_pcre) need_pcre = true;
        std::string_view raw = patterns[k];
        if (!t.plain || raw.empty() || !is_word_byte(raw.front()) || !is_word_byte(raw.back())) word_literals = false;
        user_groups += t.groups;
        piece = std::move(t.pattern);
        if (t.literal && patterns.size() == 1) re->literal_ = t.text;
        else re->literal_only_ = false;
      }
      if (k) body += '|';
      body += patterns.size() > 1 ? "(?:" + piece + ")" : piece;
    }
    if (patterns.empty()) {
      body = "x";  // never consulted: never_ is set
      re->literal_only_ = false;
      re->never_ = true;
    }
    return true;
  };

  if (!build(false, 1)) return result;  // offset 1 for the RE2 -w wrapper
  if (need_pcre && !perl && !build(true, 0)) return result;
  if (!need_pcre && !perl && !word_literals && (flags & kWholeWord) && !(flags & kWholeLine)) {
    // keep offset 1
  } else if (!need_pcre && !perl) {
    if (!build(false, 0)) return result;
  }
  if (word_literals && !need_pcre) {
    body = "\\b(?:" + body + ")\\b";
    flags &= ~kWholeWord;
    re->literal_only_ = false;
  }
  re->groups_ = user_groups;
  if (re->literal_only_ && re->literal_.empty()) re->literal_only_ = false;
  if (re->literal_only_ && !perl) {
    re->engine_pattern_ = body;
    result.regex = std::move(re);
    return result;
  }
  re->literal_only_ = false;

  if (!need_pcre) {
    int report = wrap(body, flags, false, false);
    // Rust patterns keep RE2's defaults: '.' stops at newlines, ^ and $ are
    // text anchors, and the leftmost-first alternative wins.
    std::string full = engine_prefix(flags, rust) + body;
    re2::RE2::Options options;
    options.set_longest_match(!rust);
    options.set_log_errors(false);
    options.set_encoding(utf8 ? re2::RE2::Options::EncodingUTF8 : re2::RE2::Options::EncodingLatin1);
    options.set_max_mem(32 << 20);
    auto compiled = std::make_unique<re2::RE2>(full, options);
    if (compiled->ok()) {
      re->re2_ = std::make_unique<Re2Holder>();
      re->re2_->re = std::move(compiled);
      re->engine_pattern_ = std::move(full);
      re->report_group_ = report;
      if (rust) re->groups_ = static_cast<size_t>(re->re2_->re->NumberOfCapturingGroups() - report);
      result.regex = std::move(re);
      return result;
    }
    if (rust) {
      result.error = compiled->error();
      return result;
    }
    // Too large or otherwise beyond RE2: let PCRE2 try.
    if (!build(true, 0)) return result;
  }

  std::string user_body = body;
  int report = wrap(body, flags, true, perl);
  std::string full = engine_prefix(flags, perl) + body;
  uint32_t options = 0;
  if (utf8) options |= PCRE2_UTF | PCRE2_MATCH_INVALID_UTF;
  if (utf8 && perl && (flags & kUnicodeClasses)) options |= PCRE2_UCP;
  if (perl && (flags & (kMultiline | kLineMode))) options |= PCRE2_MULTILINE;
  int error_code = 0;
  PCRE2_SIZE error_offset = 0;
  pcre2_code* code = pcre2_compile(reinterpret_cast<PCRE2_SPTR>(full.data()), full.size(), options, &error_code,
                                   &error_offset, nullptr);
  if (!code) {
    if (perl) {
      PCRE2_UCHAR buf[256];
      pcre2_get_error_message(error_code, buf, sizeof buf);
      result.error = reinterpret_cast<char*>(buf);
      size_t user_start = full.find(user_body);
      if (user_start != std::string::npos && error_offset >= user_start) result.error_offset = error_offset - user_start;
    } else {
      result.error = "Regular expression too big";
    }
    return result;
  }
  auto holder = std::make_unique<PcreHolder>();
  holder->code = code;
  holder->jit = pcre2_jit_compile(code, PCRE2_JIT_COMPLETE) == 0;
  holder->context = pcre2_match_context_create(nullptr);
  pcre2_set_match_limit(holder->context, kPcreMatchLimit);
  pcre2_set_depth_limit(holder->context, kPcreDepthLimit);
  uint32_t capture_count = 0;
  pcre2_pattern_info(code, PCRE2_INFO_CAPTURECOUNT, &capture_count);
  if (perl) re->groups_ = capture_count;
  re->pcre_ = std::move(holder);
  re->engine_pattern_ = std::move(full);
  re->report_group_ = report;
  result.regex = std::move(re);
  return result;
}

bool Regex::run(std::string_view text, size_t start, Span* spans, int nspans, bool, int report_group) const {
  if (start > text.size() || never_) return false;
  if (literal_only_) {
    // memmem must not see a null pointer (an empty view may have one).
    size_t pos = start;
    if (!literal_.empty()) {
      if (text.size() - start < literal_.size()) return false;
      const void* hit = memmem(text.data() + start, text.size() - start, literal_.data(), literal_.size());
      if (!hit) return false;
      pos = static_cast<const char*>(hit) - text.data();
    }
    if (nspans > 0) spans[0] = {static_cast<ptrdiff_t>(pos), static_cast<ptrdiff_t>(pos + literal_.size())};
    return true;
  }
  if (report_group < 0) report_group = report_group_;
  int engine_groups = report_group_ + static_cast<int>(groups_) + 1;
  int want = nspans == 0 ? 0 : report_group + nspans;
  if (want > engine_groups) want = engine_groups;
  if (re2_) {
    re2::StringPiece pieces[64];
    std::vector<re2::StringPiece> big;
    re2::StringPiece* sp = pieces;
    if (want > 64) {
      big.resize(want);
      sp = big.data();
    }
    re2::StringPiece subject(text.data() ? text.data() : "", text.size());
    if (report_group == 1 && start > 0 && want > 1) {
      // The -w wrapper consumes the character before the word: let it see
      // the one just before start, as GNU grep checks it.
      if (!re2_->re->Match(subject, start - 1, text.size(), re2::RE2::UNANCHORED, sp, want)) return false;
      if (sp[1].data() == nullptr || sp[1].data() - subject.data() < static_cast<ptrdiff_t>(start)) {
        if (!re2_->re->Match(subject, start, text.size(), re2::RE2::UNANCHORED, sp, want)) return false;
      }
    } else if (!re2_->re->Match(subject, start, text.size(), re2::RE2::UNANCHORED, sp, want)) {
      return false;
    }
    for (int k = 0; k < nspans; ++k) {
      int g = report_group + k;
      if (g < want && sp[g].data() != nullptr) {
        ptrdiff_t b = sp[g].data() - subject.data();
        spans[k] = {b, b + static_cast<ptrdiff_t>(sp[g].size())};
      } else {
        spans[k] = {};
      }
    }
    return true;
  }
  pcre2_match_data* md = thread_match_data();
  const char* data = text.data() ? text.data() : "";
  int rc = pcre2_match(pcre_->code, reinterpret_cast<PCRE2_SPTR>(data), text.size(), start, 0, md, pcre_->context);
  if (rc < 0) {
    if (rc != PCRE2_ERROR_NOMATCH && rc != PCRE2_ERROR_PARTIAL) limit_hit_.store(true, std::memory_order_relaxed);
    return false;
  }
  PCRE2_SIZE* ov = pcre2_get_ovector_pointer(md);
  int pairs = static_cast<int>(pcre2_get_ovector_count(md));
  for (int k = 0; k < nspans; ++k) {
    int g = report_group + k;
    if (g < pairs && (g < rc || rc == 0) && ov[2 * g] != PCRE2_UNSET) {
      spans[k] = {static_cast<ptrdiff_t>(ov[2 * g]), static_cast<ptrdiff_t>(ov[2 * g + 1])};
    } else {
      spans[k] = {};
    }
  }
  return true;
}

int Regex::named_group(std::string_view name) const {
  std::string key(name);
  if (re2_) {
    const auto& names = re2_->re->NamedCapturingGroups();
    auto it = names.find(key);
    return it == names.end() ? -1 : it->second - report_group_;
  }
  if (pcre_) {
    int n = pcre2_substring_number_from_name(pcre_->code, reinterpret_cast<PCRE2_SPTR>(key.c_str()));
    return n < 0 ? -1 : n - report_group_;
  }
  return -1;
}

bool Regex::search(std::string_view text, size_t start, Match* match, bool not_bol) const {
  if (!match) return run(text, start, nullptr, 0, not_bol);
  match->groups.assign(groups_ + 1, Span{});
  return run(text, start, match->groups.data(), static_cast<int>(match->groups.size()), not_bol);
}

bool Regex::find(std::string_view text, size_t start, size_t& begin, size_t& end) const {
  Span s;
  if (!run(text, start, &s, 1, false)) return false;
  begin = static_cast<size_t>(s.begin);
  end = static_cast<size_t>(s.end);
  return true;
}

bool Regex::matches(std::string_view text) const { return run(text, 0, nullptr, 0, false); }

bool Regex::locate(std::string_view text, size_t start, size_t& begin) const {
  if (report_group_ == 0) {
    size_t end;
    return find(text, start, begin, end);
  }
  // The engine's whole match (with -w, including the neighbours) is enough.
  Span s;
  bool found = run(text, start, &s, 1, false, 0);
  if (found) begin = static_cast<size_t>(s.begin);
  return found;
}

}  // namespace burrow::text
