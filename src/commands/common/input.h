// Reading a whole operand ("-" is standard input) for commands that need all
// of their input at once (dumps, encoders).
#pragma once

#include <string>

#include "commands/command.h"

namespace burrow::fsu {

// Reads operand into data; errors are returned (EISDIR for directories).
vfs::Error read_operand(Invocation& inv, const std::string& operand, std::string& data);

}  // namespace burrow::fsu
