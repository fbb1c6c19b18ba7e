// The interpreter end to end through burrow::Sandbox::exec: exact stdout,
// stderr and status, as GNU bash 5.2 gives them under `bash -c`.
#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "burrow/sandbox.h"

namespace {

struct Case {
  const char* script;
  const char* out;
  const char* err;
  int status;
};

burrow::ExecResult run(const std::string& script) {
  auto sb = burrow::Sandbox::create({});
  return sb->exec(script);
}

void expect_case(const Case& c) {
  burrow::ExecResult r = run(c.script);
  EXPECT_EQ(r.stdout_data, c.out) << c.script;
  EXPECT_EQ(r.stderr_data, c.err) << c.script;
  EXPECT_EQ(r.exit_code, c.status) << c.script;
}

TEST(InterpBasic, EchoThroughPipe) {
  auto sb = burrow::Sandbox::create({});
  auto r = sb->exec("echo hi | cat");
  EXPECT_EQ(r.stdout_data, "hi\n");
  EXPECT_EQ(r.stderr_data, "");
  EXPECT_EQ(r.exit_code, 0);
}

const Case kCases[] = {
    {"echo hi", "hi\n", "", 0},
    {"x=5; echo $((x*2)); echo $((x++ + ++x)) $x", "10\n12 7\n", "", 0},
    {"for i in a b c; do echo $i; done | cat -n", "     1\ta\n     2\tb\n     3\tc\n", "", 0},
    {"f() { local y=$1; echo \"f:$y $#\"; return 3; }; f 1 2; echo $?", "f:1 2\n3\n", "", 0},
    {"foo; echo $?", "127\n", "bash: line 1: foo: command not found\n", 0},
    {"set -- a \"b c\" d; for x in \"$@\"; do echo \"[$x]\"; done; echo \"$*\"; echo $#", "[a]\n[b c]\n[d]\na b c d\n3\n", "", 0},
    {"x=\"a  b   c\"; echo $x; echo \"$x\"", "a b c\na  b   c\n", "", 0},
    {"IFS=:; x=\"a::b:\"; for f in $x; do echo \"[$f]\"; done", "[a]\n[]\n[b]\n", "", 0},
    {"echo {a,b}{1,2} {1..5} {05..10..2} {a..e}", "a1 a2 b1 b2 1 2 3 4 5 05 07 09 a b c d e\n", "", 0},
    {"x=hello.tar.gz; echo ${x%.*} ${x%%.*} ${x#*.} ${x##*.} ${x/l/L} ${x//l/L} ${#x} ${x:2:3} ${x: -3} ${x^^}",
     "hello.tar hello tar.gz gz heLlo.tar.gz heLLo.tar.gz 12 llo .gz HELLO.TAR.GZ\n", "", 0},
    {"unset u; echo ${u:-def} ${u-d2} ${u:+alt} ${u:=set}; echo $u", "def d2 set\nset\n", "", 0},
    {"case abc in a*) echo A;; *) echo B;; esac; case x in y|x) echo X;;& x) echo again;; esac", "A\nX\nagain\n", "", 0},
    {"for ((i=0;i<10;i++)); do if ((i==3)); then break; fi; echo $i; done", "0\n1\n2\n", "", 0},
    {"echo $(echo sub $(echo nested)); x=`echo bq`; echo $x", "sub nested\nbq\n", "", 0},
    {"cat <<EOF\nhello $HOME\n$((1+2))\nEOF\ncat <<'EOF'\nraw $HOME\nEOF", "hello /home/user\n3\nraw $HOME\n", "", 0},
    {"read a b <<< \"one two three\"; echo \"$a|$b\"", "one|two three\n", "", 0},
    {"printf '%s-%d-%05.2f|%x|%q\\n' str 42 3.14159 255 \"a b\"", "str-42-03.14|ff|a\\ b\n", "", 0},
    {"[[ abc == a* ]] && echo yes; [[ abc =~ ^a(b)c$ ]] && echo ${BASH_REMATCH[1]}", "yes\nb\n", "", 0},
    {"test 1 -eq 1 && [ a = a ] && [ ! -f /nonexist ] && echo ok; [ 1 -lt ]; echo $?", "ok\n2\n",
     "bash: line 1: [: 1: unary operator expected\n", 0},
    {"set -e; false || true; echo still; false; echo never", "still\n", "", 1},
    {"set -u; echo ${nope}; echo after", "", "bash: line 1: nope: unbound variable\n", 127},
    {"(exit 3); echo $?; (echo sub; exit 0) | cat; echo ${PIPESTATUS[@]}", "3\nsub\n0 0\n", "", 0},
    {"false | true; echo $? ${PIPESTATUS[*]}; set -o pipefail; false | true; echo $?", "0 1 0\n1\n", "", 0},
    {"a=(x y z); echo ${a[1]} ${#a[@]} \"${a[@]}\"; a+=(w); echo ${a[-1]} ${!a[@]}", "y 3 x y z\nw 0 1 2 3\n", "", 0},
    {"declare -i n=5; n+=3; echo $n; declare -p n", "8\ndeclare -i n=\"8\"\n", "", 0},
    {"x=1; f() { local x=2; g; }; g() { echo $x; }; f; echo $x", "2\n1\n", "", 0},
    {"echo ${x!}; echo after", "", "bash: line 1: ${x!}: bad substitution\n", 1},
    {"echo $((1/0)); echo after", "", "bash: line 1: 1/0: division by 0 (error token is \"0\")\n", 1},
    {"((1/0)); echo after $?", "after 1\n", "bash: line 1: ((: 1/0: division by 0 (error token is \"0\")\n", 0},
    {"eval 'echo $((3+4))'; eval 'if'; echo after $?", "7\nafter 2\n",
     "bash: eval: line 2: syntax error: unexpected end of file\n", 0},
    {"if", "", "bash: -c: line 2: syntax error: unexpected end of file\n", 2},
    {"x=$(exit 3); echo $?", "3\n", "", 0},
    {"exit 300", "", "", 44},
    {"echo hi >/nonexist/x; echo $?", "1\n", "bash: line 1: /nonexist/x: No such file or directory\n", 0},
    {"x=3; let x+=2 y=x*2; echo $x $y", "5 10\n", "", 0},
    {"yes | head -3", "y\ny\ny\n", "", 0},
    {"while true; do echo y; done | head -2", "y\ny\n", "", 0},
    {"echo a b | { read x y; echo \"$y $x\"; }", "b a\n", "", 0},
    {"printf '%s\\n' 1 2 3 | while read l; do echo \"L$l\"; done", "L1\nL2\nL3\n", "", 0},
    {"exec 3>&1; echo to3 >&3; exec 3>&-; echo x >&3; echo $?", "to3\n1\n", "bash: line 1: 3: Bad file descriptor\n", 0},
    {"trap 'echo bye' EXIT; echo main", "main\nbye\n", "", 0},
    {"for i in 1 2 3; do for j in a b; do [ $j = b ] && continue 2; echo $i$j; done; done", "1a\n2a\n3a\n", "", 0},
    {"echo ~ ~/x a~b", "/home/user /home/user/x a~b\n", "", 0},
    {"set -x; echo traced \"a b\"; set +x", "traced a b\n", "+ echo traced 'a b'\n+ set +x\n", 0},
    {"echo one > f.txt; cat f.txt; echo two >> f.txt; cat < f.txt; set -C; echo x > f.txt; echo $?",
     "one\none\ntwo\n1\n", "bash: line 1: f.txt: cannot overwrite existing file\n", 0},
    {"bash -c 'echo $0 $1; exit 4' name arg; echo $?", "name arg\n4\n", "", 0},
    {"printf 'echo from script $1\\n' > s.sh; bash s.sh x; chmod +x s.sh; ./s.sh y", "from script x\nfrom script y\n", "", 0},
    {"./nope; echo $?", "127\n", "bash: line 1: ./nope: No such file or directory\n", 0},
};

TEST(InterpBasic, Cases) {
  for (const Case& c : kCases) expect_case(c);
}

TEST(InterpSession, StatePersistsAcrossExec) {
  auto sb = burrow::Sandbox::create({});
  sb->exec("x=41; f() { echo $((x+1)); }; cd /tmp");
  auto r = sb->exec("f; pwd");
  EXPECT_EQ(r.stdout_data, "42\n/tmp\n");
  EXPECT_FALSE(sb->exited());
  r = sb->exec("exit 7");
  EXPECT_EQ(r.exit_code, 7);
  EXPECT_TRUE(sb->exited());
}

TEST(InterpSession, BrokenPipeIs141) {
  auto r = run("yes | head -1; echo ${PIPESTATUS[@]}");
  EXPECT_EQ(r.stdout_data, "y\n141 0\n");
  r = run("while :; do echo y; done | head -1; echo ${PIPESTATUS[@]}");
  EXPECT_EQ(r.stdout_data, "y\n141 0\n");
}

TEST(InterpSession, CancelStopsInfiniteLoopQuickly) {
  auto sb = burrow::Sandbox::create({});
  burrow::ExecResult r;
  std::thread t([&] { r = sb->exec("while :; do :; done"); });
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  auto start = std::chrono::steady_clock::now();
  sb->cancel();
  t.join();
  auto elapsed = std::chrono::steady_clock::now() - start;
  EXPECT_LT(elapsed, std::chrono::milliseconds(100));
  EXPECT_EQ(r.exit_code, 130);
}

TEST(InterpSession, CancelStopsBlockedPipe) {
  auto sb = burrow::Sandbox::create({});
  burrow::ExecResult r;
  std::thread t([&] { r = sb->exec("while :; do :; done | cat"); });
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  auto start = std::chrono::steady_clock::now();
  sb->cancel();
  t.join();
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::milliseconds(100));
  EXPECT_NE(r.exit_code, 0);
}

TEST(InterpLimits, LoopIterations) {
  burrow::SandboxOptions o;
  o.limits.max_loop_iterations = 1000;
  auto sb = burrow::Sandbox::create(o);
  auto r = sb->exec("i=0; while :; do i=$((i+1)); done; echo never");
  EXPECT_EQ(r.stdout_data, "");
  EXPECT_NE(r.stderr_data.find("bash: limit exceeded: too many loop iterations"), std::string::npos) << r.stderr_data;
  EXPECT_NE(r.exit_code, 0);
  // The session is usable afterwards.
  r = sb->exec("echo ok");
  EXPECT_EQ(r.stdout_data, "ok\n");
}

TEST(InterpLimits, FunctionDepth) {
  burrow::SandboxOptions o;
  o.limits.max_function_depth = 50;
  auto sb = burrow::Sandbox::create(o);
  auto r = sb->exec("f() { f; }; f; echo never");
  EXPECT_EQ(r.stdout_data, "");
  EXPECT_NE(r.stderr_data.find("limit exceeded"), std::string::npos);
  EXPECT_NE(r.exit_code, 0);
}

TEST(InterpLimits, WallTime) {
  burrow::SandboxOptions o;
  o.limits.wall_time_seconds = 0.2;
  auto sb = burrow::Sandbox::create(o);
  auto r = sb->exec("while :; do :; done");
  EXPECT_NE(r.stderr_data.find("limit exceeded: time limit"), std::string::npos) << r.stderr_data;
  EXPECT_NE(r.exit_code, 0);
}

TEST(InterpLimits, OutputBytes) {
  burrow::SandboxOptions o;
  o.limits.max_output_bytes = 1000;
  auto sb = burrow::Sandbox::create(o);
  auto r = sb->exec("yes");
  EXPECT_LE(r.stdout_data.size(), 1000u);
  EXPECT_NE(r.stderr_data.find("limit exceeded: output"), std::string::npos) << r.stderr_data;
  EXPECT_NE(r.exit_code, 0);
}

TEST(InterpLimits, Commands) {
  burrow::SandboxOptions o;
  o.limits.max_commands = 100;
  auto sb = burrow::Sandbox::create(o);
  auto r = sb->exec("for i in {1..1000}; do :; done");
  EXPECT_NE(r.stderr_data.find("limit exceeded: too many commands"), std::string::npos) << r.stderr_data;
}

}  // namespace

namespace {

TEST(InterpLimits, RecursionThroughEvalSourceAndScriptsIsBounded) {
  const char* scripts[] = {
      "x='eval \"$x\"'; eval \"$x\"",
      "echo 'bash /tmp/r.sh' > /tmp/r.sh; bash /tmp/r.sh",
      "echo ./r2 > r2; chmod +x r2; ./r2",
      "echo 'source /tmp/s.sh' > /tmp/s.sh; source /tmp/s.sh",
      "f() { echo $(f); }; f",
  };
  for (const char* s : scripts) {
    auto sb = burrow::Sandbox::create({});
    auto r = sb->exec(s);
    EXPECT_NE(r.stderr_data.find("bash: limit exceeded"), std::string::npos) << s << "\n" << r.stderr_data;
    EXPECT_NE(r.exit_code, 0) << s;
  }
}

TEST(InterpLimits, HugeValuesEndWithAMessage) {
  burrow::SandboxOptions o;
  o.limits.max_string_bytes = 1 << 20;
  auto sb = burrow::Sandbox::create(o);
  auto r = sb->exec("x=a; while :; do x=$x$x; done");
  EXPECT_NE(r.stderr_data.find("limit exceeded: string too long"), std::string::npos) << r.stderr_data;
  r = sb->exec("x=$(yes)");
  EXPECT_NE(r.stderr_data.find("limit exceeded: string too long"), std::string::npos) << r.stderr_data;
}

}  // namespace
