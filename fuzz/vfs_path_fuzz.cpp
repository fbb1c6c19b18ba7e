// Fuzzes path handling: normalize() and MemFs/MountFs resolution under
// arbitrary paths and symlink targets. Properties: no crash, no hang, and a
// normalised path is absolute, has no "." / ".." / empty components.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "vfs/layout.h"
#include "vfs/mem_fs.h"

using namespace burrow::vfs;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  // Split the input into a handful of paths separated by NUL bytes.
  std::vector<std::string> paths;
  size_t pos = 0;
  while (pos <= input.size() && paths.size() < 8) {
    size_t end = input.find('\0', pos);
    if (end == std::string_view::npos) end = input.size();
    paths.emplace_back(input.substr(pos, end - pos));
    pos = end + 1;
  }
  for (const std::string& p : paths) {
    std::string n = normalize(p, "/home/user");
    if (n.empty() || n[0] != '/') __builtin_trap();
    if (n.find("//") != std::string::npos || n.find("/./") != std::string::npos ||
        n.find("/../") != std::string::npos)
      __builtin_trap();
  }
  auto mem = std::make_shared<MemFs>();
  auto root = make_session_root(mem, [](int) { return FilePtr(); });
  mem->mkdir("/d", 0755);
  write_file(*mem, "/d/f", "x");
  // Use the paths as symlink targets and lookups: resolution must end.
  for (size_t i = 0; i < paths.size(); ++i) {
    root->symlink(paths[i], "/d/l" + std::to_string(i));
  }
  for (size_t i = 0; i < paths.size(); ++i) {
    Stat st;
    root->stat(normalize(paths[i]), st);
    root->stat("/d/l" + std::to_string(i), st);
    std::string real;
    root->realpath("/d/l" + std::to_string(i), real);
    FilePtr f;
    root->open("/d/l" + std::to_string(i), O_RDONLY, 0, f);
  }
  return 0;
}
