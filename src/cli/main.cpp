// Placeholder entry point until the shell lands: reports that the shell is not built yet.
#include <cstdio>

int main() {
  std::fprintf(stderr, "burrow: the shell is not built yet\n");
  return 1;
}
