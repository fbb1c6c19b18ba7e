#include "vfs/layout.h"

#include <mutex>
#include <string>
#include <vector>

#include "vfs/command_dir_fs.h"

namespace burrow::vfs {
namespace {

constexpr uint32_t kUser = 1000;

const char kReadme[] =
    "# Samples\n"
    "\n"
    "Files to try commands on. Everything here lives in memory: change or\n"
    "delete what you like; it disappears when the session ends.\n"
    "\n"
    "- people.csv     a small table (try: sort -t, -k3 -n people.csv)\n"
    "- inventory.json  a JSON document\n"
    "- access.log     a web server log (try: awk '{print $9}' access.log | sort | uniq -c)\n"
    "- hello.sh       a shell script (try: bash hello.sh world)\n"
    "- poem.txt       a few lines of text (try: wc poem.txt)\n";

const char kPeople[] =
    "name,city,age\n"
    "Ada,London,36\n"
    "Grace,New York,45\n"
    "Linus,Helsinki,28\n"
    "Margaret,Boston,33\n"
    "Dennis,Murray Hill,40\n";

const char kInventory[] =
    "{\n"
    "  \"warehouse\": \"north\",\n"
    "  \"items\": [\n"
    "    {\"sku\": \"A-100\", \"name\": \"bolt\", \"qty\": 1200, \"price\": 0.05},\n"
    "    {\"sku\": \"A-200\", \"name\": \"nut\", \"qty\": 800, \"price\": 0.03},\n"
    "    {\"sku\": \"B-310\", \"name\": \"bracket\", \"qty\": 45, \"price\": 2.5},\n"
    "    {\"sku\": \"C-999\", \"name\": \"hinge\", \"qty\": 0, \"price\": 4.75}\n"
    "  ]\n"
    "}\n";

const char kAccessLog[] =
    "203.0.113.7 - - [22/Nov/2026:10:01:12 +0000] \"GET / HTTP/1.1\" 200 5120\n"
    "198.51.100.23 - - [22/Nov/2026:10:01:15 +0000] \"GET /docs HTTP/1.1\" 200 8342\n"
    "203.0.113.7 - - [22/Nov/2026:10:02:01 +0000] \"POST /login HTTP/1.1\" 302 0\n"
    "192.0.2.44 - - [22/Nov/2026:10:02:30 +0000] \"GET /missing HTTP/1.1\" 404 153\n"
    "198.51.100.23 - - [22/Nov/2026:10:03:05 +0000] \"GET /api/items HTTP/1.1\" 200 2048\n"
    "192.0.2.44 - - [22/Nov/2026:10:03:44 +0000] \"GET /admin HTTP/1.1\" 403 199\n"
    "203.0.113.7 - - [22/Nov/2026:10:04:10 +0000] \"GET /api/items/7 HTTP/1.1\" 500 87\n";

const char kHello[] =
    "#!/bin/bash\n"
    "# Greets whoever is named on the command line.\n"
    "name=${1:-world}\n"
    "echo \"Hello, $name!\"\n";

const char kPoem[] =
    "The shell is small, the world is wide,\n"
    "and every pipe has two ends inside.\n"
    "Type what you like; nothing leaks out:\n"
    "this burrow keeps the host without.\n";

const char kPasswd[] =
    "root:x:0:0:root:/root:/bin/bash\n"
    "user:x:1000:1000:user:/home/user:/bin/bash\n"
    "nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n";

const char kGroup[] =
    "root:x:0:\n"
    "users:x:100:user\n"
    "user:x:1000:\n"
    "nogroup:x:65534:\n";

const char kOsRelease[] =
    "PRETTY_NAME=\"Burrow sandbox (Debian GNU/Linux 12 compatible)\"\n"
    "NAME=\"Burrow\"\n"
    "VERSION_ID=\"12\"\n"
    "VERSION=\"12 (bookworm)\"\n"
    "VERSION_CODENAME=bookworm\n"
    "ID=burrow\n"
    "ID_LIKE=debian\n";

void make_dir(MemFs& fs, const char* path, uint32_t mode, uint32_t owner) {
  fs.mkdir(path, mode);
  fs.chmod(path, mode);
  fs.chown(path, owner, owner, true);
}

void make_file(MemFs& fs, const char* path, const char* text, uint32_t mode, uint32_t owner) {
  write_file(fs, path, text, mode);
  fs.chown(path, owner, owner, true);
}

std::shared_ptr<MemFs> build_template() {
  MemFs::Options options;
  options.uid = kUser;
  options.gid = kUser;
  auto fs = std::make_shared<MemFs>(options);
  for (const char* dir : {"/bin", "/dev", "/etc", "/usr", "/usr/bin", "/usr/local", "/usr/local/bin", "/var",
                          "/home"}) {
    make_dir(*fs, dir, 0755, 0);
  }
  make_dir(*fs, "/root", 0700, 0);
  make_dir(*fs, "/tmp", 01777, 0);
  make_dir(*fs, "/var/tmp", 01777, 0);
  make_dir(*fs, "/home/user", 0755, kUser);
  make_dir(*fs, "/home/user/samples", 0755, kUser);
  make_file(*fs, "/etc/passwd", kPasswd, 0644, 0);
  make_file(*fs, "/etc/group", kGroup, 0644, 0);
  make_file(*fs, "/etc/hostname", "burrow\n", 0644, 0);
  make_file(*fs, "/etc/os-release", kOsRelease, 0644, 0);
  make_file(*fs, "/home/user/samples/README.md", kReadme, 0644, kUser);
  make_file(*fs, "/home/user/samples/people.csv", kPeople, 0644, kUser);
  make_file(*fs, "/home/user/samples/inventory.json", kInventory, 0644, kUser);
  make_file(*fs, "/home/user/samples/access.log", kAccessLog, 0644, kUser);
  make_file(*fs, "/home/user/samples/hello.sh", kHello, 0755, kUser);
  make_file(*fs, "/home/user/samples/poem.txt", kPoem, 0644, kUser);
  return fs;
}

}  // namespace

std::shared_ptr<const MemFs> memory_world_template() {
  static const std::shared_ptr<const MemFs> instance = build_template();
  return instance;
}

namespace {

struct SharedMount {
  std::string at;
  SharedMountOpener open;
  FilesystemPtr fs;
};

// Filled by static registrars before main(); opened at first use.
std::vector<SharedMount>& shared_mounts() {
  static std::vector<SharedMount> mounts;
  return mounts;
}

}  // namespace

SharedMountRegistrar::SharedMountRegistrar(std::string_view at, SharedMountOpener open) {
  shared_mounts().push_back({std::string(at), open, nullptr});
}

std::shared_ptr<MountFs> make_session_root(FilesystemPtr root, FdLookup fd_lookup) {
  auto fs = std::make_shared<MountFs>(std::move(root));
  static std::once_flag opened;
  std::call_once(opened, [] {
    for (SharedMount& m : shared_mounts()) m.fs = m.open();
  });
  for (const SharedMount& m : shared_mounts())
    if (m.fs) fs->mount(m.at, m.fs);
  fs->mount("/dev", std::make_shared<DevFs>(std::move(fd_lookup)));
  std::shared_ptr<CommandDirFs> commands = CommandDirFs::shared();
  fs->mount("/bin", commands);
  fs->mount("/usr/bin", commands);
  return fs;
}

}  // namespace burrow::vfs
