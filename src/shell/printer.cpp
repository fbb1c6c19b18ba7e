#include "shell/printer.h"
namespace burrow::shell {
std::string print_word(const Word& w) { return w.raw; }
}
