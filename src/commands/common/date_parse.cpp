// The date-string grammar of GNU date -d and touch -d, for the common forms:
// "@epoch", ISO 8601 dates and times, "Nov 22 2025 10:24", "22 Nov", US
// "11/22/2025", "now", "today", "yesterday", "tomorrow", "noon", "midnight",
// relative items ("2 days ago", "+3 hours", "next week", "last month"),
// weekdays ("monday", "next friday") and zones ("UTC", "Z", "+05:30").
#include <cstring>
#include <vector>

#include "commands/common/fs_util.h"

namespace burrow::fsu {
namespace {

struct Token {
  enum Kind { kNumber, kWord, kPunct } kind;
  std::string text;
  int64_t value = 0;
  int digits = 0;
  bool signed_number = false;
};

bool tokenize(std::string_view s, std::vector<Token>& out) {
  size_t i = 0;
  while (i < s.size()) {
    unsigned char c = s[i];
    if (isspace(c) || c == ',') {
      ++i;
      continue;
    }
    if (c == '(') {  // comments
      int depth = 0;
      while (i < s.size()) {
        if (s[i] == '(') ++depth;
        else if (s[i] == ')' && --depth == 0) break;
        ++i;
      }
      ++i;
      continue;
    }
    if (isdigit(c) || ((c == '+' || c == '-') && i + 1 < s.size() && isdigit((unsigned char)s[i + 1]) &&
                       (i == 0 || isspace((unsigned char)s[i - 1])))) {
      Token t{Token::kNumber, ""};
      if (c == '+' || c == '-') {
        t.signed_number = true;
        t.text += (char)c;
        ++i;
      }
      while (i < s.size() && isdigit((unsigned char)s[i])) t.text += s[i++];
      t.digits = (int)t.text.size() - (t.signed_number ? 1 : 0);
      if (t.digits > 18) return false;
      t.value = std::stoll(t.text);
      out.push_back(t);
      continue;
    }
    if (isalpha(c)) {
      Token t{Token::kWord, ""};
      while (i < s.size() && (isalpha((unsigned char)s[i]) || s[i] == '.')) t.text += (char)tolower((unsigned char)s[i++]);
      while (!t.text.empty() && t.text.back() == '.') t.text.pop_back();
      out.push_back(t);
      continue;
    }
    out.push_back(Token{Token::kPunct, std::string(1, (char)c)});
    ++i;
  }
  return true;
}

int month_of(const std::string& w) {
  static const char* names[] = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
  static const char* full[] = {"january", "february", "march",     "april",   "may",      "june",
                               "july",    "august",   "september", "october", "november", "december"};
  for (int i = 0; i < 12; ++i)
    if (w == names[i] || w == full[i] || (i == 8 && w == "sept")) return i + 1;
  return 0;
}

int weekday_of(const std::string& w) {
  static const char* names[] = {"sun", "mon", "tue", "wed", "thu", "fri", "sat"};
  static const char* full[] = {"sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"};
  for (int i = 0; i < 7; ++i)
    if (w == names[i] || w == full[i] || (i == 2 && w == "tues") || (i == 3 && w == "wednes") ||
        (i == 4 && (w == "thur" || w == "thurs")))
      return i;
  return -1;
}

// Seconds per unit, or months (negative marker) for month/year.
bool unit_of(const std::string& w, int64_t& seconds, int& months) {
  std::string u = w;
  if (u.size() > 1 && u.back() == 's' && u != "s") u.pop_back();
  seconds = 0;
  months = 0;
  if (u == "year") months = 12;
  else if (u == "month") months = 1;
  else if (u == "fortnight") seconds = 14 * 86400;
  else if (u == "week") seconds = 7 * 86400;
  else if (u == "day") seconds = 86400;
  else if (u == "hour") seconds = 3600;
  else if (u == "minute" || u == "min") seconds = 60;
  else if (u == "second" || u == "sec") seconds = 1;
  else return false;
  return true;
}

int ordinal_of(const std::string& w) {
  static const char* words[] = {"last", "this", "next", "first", "third", "fourth", "fifth", "sixth",
                                "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth"};
  static const int values[] = {-1, 0, 1, 1, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
  for (size_t i = 0; i < sizeof values / sizeof values[0]; ++i)
    if (w == words[i]) return values[i];
  return INT32_MIN;
}

}  // namespace

std::optional<vfs::Timespec> parse_date(std::string_view text, vfs::Timespec now, int gmtoff) {
  // "@1700000000[.5]"
  size_t first = text.find_first_not_of(" \t");
  if (first != std::string_view::npos && text[first] == '@') {
    std::string_view rest = text.substr(first + 1);
    while (!rest.empty() && isspace((unsigned char)rest.back())) rest.remove_suffix(1);
    bool neg = !rest.empty() && rest[0] == '-';
    if (!rest.empty() && (rest[0] == '-' || rest[0] == '+')) rest.remove_prefix(1);
    size_t dot = rest.find_first_of(".,");
    std::string_view whole = rest.substr(0, dot);
    if (whole.empty() || whole.find_first_not_of("0123456789") != std::string_view::npos || whole.size() > 18)
      return std::nullopt;
    vfs::Timespec t{std::stoll(std::string(whole)), 0};
    if (dot != std::string_view::npos) {
      std::string_view frac = rest.substr(dot + 1);
      if (frac.find_first_not_of("0123456789") != std::string_view::npos) return std::nullopt;
      std::string digits(frac.substr(0, 9));
      digits.resize(9, '0');
      t.nsec = std::stoll(digits);
    }
    if (neg) {
      t.sec = -t.sec;
      if (t.nsec) {
        t.sec -= 1;
        t.nsec = 1000000000 - t.nsec;
      }
    }
    return t;
  }

  std::vector<Token> toks;
  if (!tokenize(text, toks)) return std::nullopt;

  CivilTime base = civil_time(now.sec, now.nsec, gmtoff);
  int year = base.year, month = base.month, day = base.day;
  int hour = base.hour, minute = base.minute, second = base.second;
  int64_t nsec = now.nsec;
  bool have_date = false, have_time = false, have_zone = false;
  int zone_off = gmtoff;
  int64_t rel_seconds = 0, rel_days = 0, rel_months = 0;
  int weekday = -1, weekday_ordinal = 0;

  auto is_punct = [&](size_t i, char c) { return i < toks.size() && toks[i].kind == Token::kPunct && toks[i].text[0] == c; };
  auto is_num = [&](size_t i) { return i < toks.size() && toks[i].kind == Token::kNumber && !toks[i].signed_number; };
  auto is_word = [&](size_t i) { return i < toks.size() && toks[i].kind == Token::kWord; };

  auto parse_zone_offset = [&](size_t& i) -> bool {
    // +hh, +hhmm, +hh:mm after a time
    if ((is_punct(i, '+') || is_punct(i, '-')) && is_num(i + 1)) {
      int sign = toks[i].text[0] == '-' ? -1 : 1;
      int64_t v = toks[i + 1].value;
      int digits = toks[i + 1].digits;
      int off;
      if (is_punct(i + 2, ':') && is_num(i + 3)) {
        off = (int)(v * 3600 + toks[i + 3].value * 60);
        i += 4;
      } else {
        off = digits <= 2 ? (int)(v * 3600) : (int)((v / 100) * 3600 + (v % 100) * 60);
        i += 2;
      }
      zone_off = sign * off;
      have_zone = true;
      return true;
    }
    if (i < toks.size() && toks[i].kind == Token::kNumber && toks[i].signed_number) {
      int sign = toks[i].text[0] == '-' ? -1 : 1;
      int64_t v = std::llabs(toks[i].value);
      int digits = toks[i].digits;
      int off;
      if (is_punct(i + 1, ':') && is_num(i + 2)) {
        off = (int)(v * 3600 + toks[i + 2].value * 60);
        i += 3;
      } else {
        off = digits <= 2 ? (int)(v * 3600) : (int)((v / 100) * 3600 + (v % 100) * 60);
        i += 1;
      }
      zone_off = sign * off;
      have_zone = true;
      return true;
    }
    return false;
  };

  auto parse_time = [&](size_t& i) -> bool {
    // i at hour number followed by ':'
    if (!(is_num(i) && is_punct(i + 1, ':') && is_num(i + 2))) return false;
    hour = (int)toks[i].value;
    minute = (int)toks[i + 2].value;
    second = 0;
    nsec = 0;
    i += 3;
    if (is_punct(i, ':') && is_num(i + 1)) {
      second = (int)toks[i + 1].value;
      i += 2;
      if ((is_punct(i, '.') || is_punct(i, ',')) && is_num(i + 1)) {
        std::string digits = toks[i + 1].text.substr(0, 9);
        digits.resize(9, '0');
        nsec = std::stoll(digits);
        i += 2;
      }
    }
    if (is_word(i) && (toks[i].text == "am" || toks[i].text == "pm" || toks[i].text == "a.m" || toks[i].text == "p.m")) {
      if (hour < 1 || hour > 12) return false;
      bool pm = toks[i].text[0] == 'p';
      hour = hour % 12 + (pm ? 12 : 0);
      ++i;
    }
    if (hour > 23 || minute > 59 || second > 60) return false;
    have_time = true;
    parse_zone_offset(i);
    return true;
  };

  size_t i = 0;
  while (i < toks.size()) {
    const Token& t = toks[i];
    // ISO date: YYYY-MM-DD
    if (is_num(i) && is_punct(i + 1, '-') && is_num(i + 2) && is_punct(i + 3, '-') && is_num(i + 4)) {
      year = (int)t.value;
      month = (int)toks[i + 2].value;
      day = (int)toks[i + 4].value;
      if (t.digits == 2) year += year < 69 ? 2000 : 1900;
      have_date = true;
      i += 5;
      // "T10:00" glued: the tokenizer splits "T10" as word "t" + number.
      if (is_word(i) && toks[i].text == "t") ++i;
      if (i < toks.size() && toks[i].kind == Token::kNumber && toks[i].signed_number && toks[i].text[0] == '-') {
        // "2025-11-22-10:00" is not valid GNU syntax
        return std::nullopt;
      }
      continue;
    }
    // US date: MM/DD[/YYYY]
    if (is_num(i) && is_punct(i + 1, '/') && is_num(i + 2)) {
      month = (int)t.value;
      day = (int)toks[i + 2].value;
      i += 3;
      if (is_punct(i, '/') && is_num(i + 1)) {
        year = (int)toks[i + 1].value;
        if (toks[i + 1].digits <= 2) year += year < 69 ? 2000 : 1900;
        i += 2;
      }
      have_date = true;
      continue;
    }
    if (is_num(i) && is_punct(i + 1, ':')) {
      if (!parse_time(i)) return std::nullopt;
      continue;
    }
    if (t.kind == Token::kWord) {
      const std::string& w = t.text;
      if (int m = month_of(w)) {
        month = m;
        have_date = true;
        ++i;
        if (is_num(i) && toks[i].digits <= 2 && !is_punct(i + 1, ':')) {
          day = (int)toks[i].value;
          ++i;
          if (is_num(i) && toks[i].digits == 4 && !is_punct(i + 1, ':')) {
            year = (int)toks[i].value;
            ++i;
          }
        } else if (is_num(i) && toks[i].digits == 4) {
          year = (int)toks[i].value;
          day = 1;
          ++i;
        }
        continue;
      }
      int wd = weekday_of(w);
      if (wd >= 0) {
        weekday = wd;
        ++i;
        continue;
      }
      if (w == "now" || w == "today") {
        ++i;
        continue;
      }
      if (w == "yesterday") {
        rel_days -= 1;
        ++i;
        continue;
      }
      if (w == "tomorrow") {
        rel_days += 1;
        ++i;
        continue;
      }
      if (w == "utc" || w == "gmt" || w == "z" || w == "ut") {
        zone_off = 0;
        have_zone = true;
        ++i;
        parse_zone_offset(i);
        continue;
      }
      if (w == "ago") {
        rel_seconds = -rel_seconds;
        rel_days = -rel_days;
        rel_months = -rel_months;
        ++i;
        continue;
      }
      int ord = ordinal_of(w);
      if (ord != INT32_MIN && i + 1 < toks.size() && is_word(i + 1)) {
        int64_t secs;
        int months;
        if (unit_of(toks[i + 1].text, secs, months)) {
          if (months) rel_months += ord * months;
          else if (secs % 86400 == 0) rel_days += ord * (secs / 86400);
          else rel_seconds += ord * secs;
          i += 2;
          continue;
        }
        int wd2 = weekday_of(toks[i + 1].text);
        if (wd2 >= 0) {
          weekday = wd2;
          weekday_ordinal = ord;
          i += 2;
          continue;
        }
      }
      int64_t secs;
      int months;
      if (unit_of(w, secs, months)) {
        if (months) rel_months += months;
        else if (secs % 86400 == 0) rel_days += secs / 86400;
        else rel_seconds += secs;
        ++i;
        continue;
      }
      return std::nullopt;
    }
    if (t.kind == Token::kNumber) {
      // N unit
      if (is_word(i + 1)) {
        int64_t secs;
        int months;
        if (unit_of(toks[i + 1].text, secs, months)) {
          if (months) rel_months += t.value * months;
          else if (secs % 86400 == 0) rel_days += t.value * (secs / 86400);
          else rel_seconds += t.value * secs;
          i += 2;
          continue;
        }
        if (int m = month_of(toks[i + 1].text)) {  // "22 Nov [2025]"
          day = (int)t.value;
          month = m;
          have_date = true;
          i += 2;
          if (is_num(i) && toks[i].digits == 4 && !is_punct(i + 1, ':')) {
            year = (int)toks[i].value;
            ++i;
          }
          continue;
        }
      }
      if (t.signed_number && have_time) {
        if (parse_zone_offset(i)) continue;
      }
      if (!t.signed_number && have_date && t.digits == 4 && !have_time) {
        year = (int)t.value;  // "Nov 22 10:00 2025" style trailing year
        ++i;
        continue;
      }
      if (!t.signed_number && t.digits == 8 && !have_date) {  // 20251122
        year = (int)(t.value / 10000);
        month = (int)(t.value / 100 % 100);
        day = (int)(t.value % 100);
        have_date = true;
        ++i;
        continue;
      }
      if (!t.signed_number && (t.digits == 4 || t.digits == 3) && have_date && !have_time) {
        hour = (int)(t.value / 100);
        minute = (int)(t.value % 100);
        second = 0;
        nsec = 0;
        have_time = true;
        ++i;
        continue;
      }
      return std::nullopt;
    }
    return std::nullopt;
  }

  if (month < 1 || month > 12 || day < 1 || day > 31) return std::nullopt;
  if (have_date && !have_time) {
    hour = minute = second = 0;
    nsec = 0;
  }
  if (weekday >= 0 && !have_time) {
    hour = minute = second = 0;
    nsec = 0;
  }
  // Months first (with day overflow normalised like mktime), then days, then seconds.
  int64_t total_months = (int64_t)year * 12 + (month - 1) + rel_months;
  int64_t y = total_months >= 0 ? total_months / 12 : (total_months - 11) / 12;
  int m = (int)(total_months - y * 12) + 1;
  int64_t days = days_from_civil(y, m, 1) + (day - 1) + rel_days;
  if (weekday >= 0) {
    int cur = (int)((((days % 7) + 11) % 7));
    int diff = (weekday - cur + 7) % 7;
    if (weekday_ordinal > 0) {
      days += diff + 7 * (weekday_ordinal - (diff > 0 ? 1 : 0));
      if (diff == 0) days += 0;
    } else if (weekday_ordinal < 0) {
      int back = (cur - weekday + 7) % 7;
      days -= back == 0 ? 7 : back;
    } else {
      days += diff;
    }
  }
  int off = have_zone ? zone_off : gmtoff;
  int64_t secs = days * 86400 + hour * 3600 + minute * 60 + second - off + rel_seconds;
  return vfs::Timespec{secs, nsec};
}

}  // namespace burrow::fsu
