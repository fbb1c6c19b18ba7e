// tsort: topological sort (GNU coreutils 9), with GNU's output order and
// loop reporting.
#include <map>

#include "commands/args.h"
#include "commands/text/common.h"

namespace burrow {
namespace {

constexpr CommandSpec kSpec{
    "Usage: tsort [OPTION] [FILE]",
    "Write totally ordered list consistent with the partial ordering in FILE.\n\n"
    "With no FILE, or when FILE is -, read standard input.",
    {},
};

struct Item;
struct Successor {
  Item* suc;
  Successor* next;
};
struct Item {
  const std::string* str;
  bool done = false;
  size_t count = 0;
  Item* qlink = nullptr;
  Successor* top = nullptr;
};

struct Graph {
  std::map<std::string, Item> items;  // in-order = sorted, like GNU's tree walk
  std::vector<std::unique_ptr<Successor>> pool;
  Item* loop = nullptr;

  Item* get(const std::string& s) {
    auto [it, inserted] = items.try_emplace(s);
    if (inserted) it->second.str = &it->first;
    return &it->second;
  }
  void relate(Item* j, Item* k) {
    if (j == k) return;
    ++k->count;
    pool.push_back(std::make_unique<Successor>(Successor{k, j->top}));
    j->top = pool.back().get();
  }

  bool detect_loop(Invocation& inv, Item* k) {
    if (k->count == 0) return false;
    if (!loop) {
      loop = k;
      return false;
    }
    Successor** p = &k->top;
    while (*p) {
      if ((*p)->suc == loop) {
        if (k->qlink) {
          while (loop) {
            Item* tmp = loop->qlink;
            inv.error(*loop->str);
            if (loop == k) {
              (*p)->suc->count--;
              *p = (*p)->next;
              break;
            }
            loop->qlink = nullptr;
            loop = tmp;
          }
          while (loop) {
            Item* tmp = loop->qlink;
            loop->qlink = nullptr;
            loop = tmp;
          }
          return true;
        }
        k->qlink = loop;
        loop = k;
        break;
      }
      p = &(*p)->next;
    }
    return false;
  }
};

int run_tsort(Invocation& inv) {
  ParsedArgs args;
  if (auto status = parse_args(inv, kSpec, args)) return *status;
  if (args.operands.size() > 1) {
    inv.error("extra operand " + text::quote(args.operands[1]));
    print_try_help(inv);
    return 1;
  }
  std::string name = args.operands.empty() ? "-" : args.operands[0];
  text::Input in;
  if (vfs::Error err = text::open_input(inv, name, in)) {
    inv.error(text::quotef(name) + ": " + vfs::error_text(err));
    return 1;
  }
  if (in.is_dir) {
    inv.error(text::quotef(name) + ": " + vfs::error_text(vfs::make_error(EISDIR)));
    return 1;
  }
  Graph g;
  std::vector<std::string> tokens;
  std::string data;
  in.in->read_all(data);
  size_t i = 0;
  Item* pending = nullptr;
  size_t ntok = 0;
  while (i < data.size()) {
    while (i < data.size() && std::isspace(static_cast<unsigned char>(data[i]))) ++i;
    size_t s = i;
    while (i < data.size() && !std::isspace(static_cast<unsigned char>(data[i]))) ++i;
    if (i == s) break;
    Item* it = g.get(data.substr(s, i - s));
    if (ntok++ % 2 == 0) pending = it;
    else g.relate(pending, it);
  }
  if (ntok % 2) {
    inv.error(text::quotef(name) + ": input contains an odd number of tokens");
    return 1;
  }
  size_t remaining = g.items.size();
  int status = 0;
  OutStream& out = inv.out();
  while (remaining > 0) {
    Item* head = nullptr;
    Item* tail = nullptr;
    for (auto& [s, it] : g.items) {
      if (it.count == 0 && !it.done) {
        if (!head) head = &it;
        else tail->qlink = &it;
        tail = &it;
        it.qlink = nullptr;
      }
    }
    while (head) {
      out << *head->str << "\n";
      head->done = true;
      --remaining;
      for (Successor* p = head->top; p; p = p->next) {
        if (--p->suc->count == 0) {
          tail->qlink = p->suc;
          tail = p->suc;
          tail->qlink = nullptr;
        }
      }
      Item* next = head->qlink;
      head->qlink = nullptr;
      head = next;
    }
    if (remaining > 0) {
      out.flush();
      inv.error(text::quotef(name) + ": input contains a loop:");
      status = 1;
      do {
        bool stop = false;
        for (auto& [s, it] : g.items) {
          if (g.detect_loop(inv, &it)) {
            stop = true;
            break;
          }
        }
        (void)stop;
      } while (g.loop);
    }
    if (inv.cancelled()) return 130;
  }
  if (text::report_write_error(inv)) status = 1;
  return status;
}

}  // namespace

BURROW_COMMAND(tsort, "perform topological sort", run_tsort);

}  // namespace burrow
