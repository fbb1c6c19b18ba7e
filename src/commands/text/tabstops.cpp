#include "commands/text/tabstops.h"

#include "commands/text/common.h"

namespace burrow::text {

uint64_t TabStops::next(uint64_t col) const {
  for (uint64_t s : stops)
    if (s > col) return s;
  if (stops.size() == 1 && !repeat) return (col / stops[0] + 1) * stops[0];
  if (repeat) {
    uint64_t last = stops.empty() ? 0 : stops.back();
    if (slash) return (col / repeat + 1) * repeat;
    return last + ((col - last) / repeat + 1) * repeat;
  }
  return 0;
}

bool parse_tabstops(Invocation& inv, const std::string& arg, TabStops& out) {
  size_t i = 0;
  while (i < arg.size()) {
    char c = arg[i];
    if (c == ',' || c == ' ' || c == '\t') {
      ++i;
      continue;
    }
    bool plus = c == '+', slash = c == '/';
    if (plus || slash) ++i;
    size_t start = i;
    uint64_t v = 0;
    while (i < arg.size() && std::isdigit(static_cast<unsigned char>(arg[i]))) {
      v = v * 10 + (arg[i] - '0');
      ++i;
    }
    if (i < arg.size() && !(arg[i] == ',' || arg[i] == ' ' || arg[i] == '\t')) {
      inv.error("tab size contains invalid character(s): " + quote(arg.substr(i)));
      return false;
    }
    if (i == start) continue;
    if (plus || slash) {
      if (i < arg.size()) {
        inv.error(std::string("'") + (plus ? '+' : '/') + "' specifier only allowed with the last value");
        return false;
      }
      out.repeat = v;
      out.slash = slash;
    } else {
      out.stops.push_back(v);
    }
  }
  return true;
}

bool finish_tabstops(Invocation& inv, TabStops& out) {
  for (size_t i = 0; i < out.stops.size(); ++i) {
    if (out.stops[i] == 0) {
      inv.error("tab size cannot be 0");
      return false;
    }
    if (i > 0 && out.stops[i] <= out.stops[i - 1]) {
      inv.error("tab sizes must be ascending");
      return false;
    }
  }
  if (out.stops.empty() && !out.repeat) out.stops.push_back(8);
  return true;
}

}  // namespace burrow::text
