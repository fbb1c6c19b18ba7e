#include "commands/common/digest.h"

#include <openssl/evp.h>

#include <memory>

#include "commands/common/fs_util.h"

namespace burrow::digest {

namespace {

// Reads a whole operand through a callback, so large files stream.
template <typename Fn>
vfs::Error read_operand(Invocation& inv, const std::string& operand, Fn&& consume) {
  char buf[65536];
  if (operand == "-") {
    InStream& in = inv.in();
    while (size_t got = in.read(buf, sizeof buf)) consume(buf, got);
    return in.ok() ? vfs::Error{} : in.error();
  }
  vfs::FilePtr file;
  std::string path = inv.path(operand);
  if (vfs::Error err = inv.fs->open(path, O_RDONLY, 0, file)) return err;
  vfs::Stat st;
  if (!file->stat(st) && S_ISDIR(st.mode)) {
    file->close();
    return vfs::make_error(EISDIR);
  }
  for (;;) {
    size_t got = 0;
    if (vfs::Error err = file->read(buf, sizeof buf, got)) {
      file->close();
      return err;
    }
    if (got == 0) break;
    consume(buf, got);
    if (inv.cancelled()) break;
  }
  file->close();
  return {};
}

bool needs_escape(const std::string& name) {
  return name.find('\\') != std::string::npos || name.find('\n') != std::string::npos ||
         name.find('\r') != std::string::npos;
}

std::string escape(const std::string& name) {
  std::string out;
  for (char c : name) {
    if (c == '\\') out += "\\\\";
    else if (c == '\n') out += "\\n";
    else if (c == '\r') out += "\\r";
    else out += c;
  }
  return out;
}

std::string unescape(const std::string& name) {
  std::string out;
  for (size_t i = 0; i < name.size(); ++i) {
    if (name[i] == '\\' && i + 1 < name.size()) {
      char n = name[++i];
      out += n == 'n' ? '\n' : n == 'r' ? '\r' : n;
    } else {
      out += name[i];
    }
  }
  return out;
}

bool is_hex(const std::string& s) {
  if (s.empty()) return false;
  for (char c : s)
    if (!isxdigit((unsigned char)c)) return false;
  return true;
}

}  // namespace

bool hash_file(Invocation& inv, const char* algo, const std::string& operand, std::string& hex, vfs::Error& err) {
  std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), EVP_MD_CTX_free);
  const EVP_MD* md = EVP_get_digestbyname(algo);
  if (!md || !ctx || !EVP_DigestInit_ex(ctx.get(), md, nullptr)) {
    err = vfs::make_error(ENOSYS);
    return false;
  }
  err = read_operand(inv, operand, [&](const char* data, size_t n) { EVP_DigestUpdate(ctx.get(), data, n); });
  if (err) return false;
  unsigned char out[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  EVP_DigestFinal_ex(ctx.get(), out, &len);
  static const char* digits = "0123456789abcdef";
  hex.clear();
  for (unsigned i = 0; i < len; ++i) {
    hex += digits[out[i] >> 4];
    hex += digits[out[i] & 15];
  }
  return true;
}

int print_file(Invocation& inv, const Options& o, const std::string& operand) {
  std::string hex;
  vfs::Error err;
  if (!hash_file(inv, o.algo, operand, hex, err)) {
    inv.error(operand, err);
    return 1;
  }
  bool esc = !o.zero && needs_escape(operand);
  std::string name = esc ? escape(operand) : operand;
  OutStream& out = inv.out();
  if (esc) out << '\\';
  if (o.tag) out << o.tag_name << " (" << name << ") = " << hex;
  else out << hex << ' ' << (o.binary ? '*' : ' ') << name;
  out << (o.zero ? '\0' : '\n');
  return 0;
}

int check_file(Invocation& inv, const Options& o, const std::string& operand) {
  std::string data;
  if (operand == "-") {
    inv.in().read_all(data);
  } else if (vfs::Error err = vfs::read_file(*inv.fs, inv.path(operand), data)) {
    inv.error(operand, err);
    return 1;
  }
  size_t expected_len = 0;
  {
    std::string probe;
    vfs::Error e;
    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), EVP_MD_CTX_free);
    const EVP_MD* md = EVP_get_digestbyname(o.algo);
    expected_len = md ? (size_t)EVP_MD_get_size(md) * 2 : 0;
  }
  std::string display = operand == "-" ? "standard input" : operand;
  size_t bad_format = 0, failed = 0, unreadable = 0, ok_lines = 0, line_no = 0;
  bool matched_any = false;
  size_t pos = 0;
  char delim = o.zero ? '\0' : '\n';
  while (pos < data.size()) {
    size_t end = data.find(delim, pos);
    if (end == std::string::npos) end = data.size();
    std::string line = data.substr(pos, end - pos);
    pos = end + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    bool esc = false;
    std::string l = line;
    if (l[0] == '\\') {
      esc = true;
      l = l.substr(1);
    }
    std::string hex, name;
    std::string tag_prefix = std::string(o.tag_name) + " (";
    if (l.compare(0, tag_prefix.size(), tag_prefix) == 0) {
      size_t eq = l.rfind(") = ");
      if (eq == std::string::npos) {
        ++bad_format;
        if (o.warn) inv.error(display + ": " + std::to_string(line_no) + ": improperly formatted " + o.tag_name + " checksum line");
        continue;
      }
      name = l.substr(tag_prefix.size(), eq - tag_prefix.size());
      hex = l.substr(eq + 4);
    } else {
      size_t sp = l.find(' ');
      if (sp == std::string::npos || sp + 1 >= l.size() || (l[sp + 1] != ' ' && l[sp + 1] != '*')) {
        ++bad_format;
        if (o.warn) inv.error(display + ": " + std::to_string(line_no) + ": improperly formatted " + o.tag_name + " checksum line");
        continue;
      }
      hex = l.substr(0, sp);
      name = l.substr(sp + 2);
    }
    if (!is_hex(hex) || hex.size() != expected_len) {
      ++bad_format;
      if (o.warn) inv.error(display + ": " + std::to_string(line_no) + ": improperly formatted " + o.tag_name + " checksum line");
      continue;
    }
    if (esc) name = unescape(name);
    for (char& c : hex) c = tolower((unsigned char)c);
    std::string actual;
    vfs::Error err;
    ++ok_lines;
    if (!hash_file(inv, o.algo, name, actual, err)) {
      if (o.ignore_missing && err.value() == ENOENT) continue;
      matched_any = true;
      ++unreadable;
      inv.error(name, err);
      if (!o.status_only) inv.out() << name << ": FAILED open or read\n";
      continue;
    }
    matched_any = true;
    bool good = actual == hex;
    if (!good) ++failed;
    if (!o.status_only && !(good && o.quiet)) inv.out() << name << ": " << (good ? "OK" : "FAILED") << '\n';
  }
  if (ok_lines == 0) {
    inv.error(fsu::quote(display) + ": no properly formatted checksum lines found");
    return 1;
  }
  if (!o.status_only) {
    if (bad_format)
      inv.error("WARNING: " + std::to_string(bad_format) + (bad_format == 1 ? " line is" : " lines are") +
                " improperly formatted");
    if (unreadable)
      inv.error("WARNING: " + std::to_string(unreadable) + (unreadable == 1 ? " listed file" : " listed files") +
                " could not be read");
    if (failed)
      inv.error("WARNING: " + std::to_string(failed) + (failed == 1 ? " computed checksum" : " computed checksums") +
                " did NOT match");
  }
  if (o.ignore_missing && !matched_any) {
    inv.error(fsu::quote(display) + ": no file was verified");
    return 1;
  }
  return (failed || unreadable || (o.strict && bad_format)) ? 1 : 0;
}

}  // namespace burrow::digest
