#include "process/pipe.h"

#include <gtest/gtest.h>

#include <thread>

#include "process/streams.h"

namespace burrow {
namespace {

TEST(Pipe, TransfersMoreThanCapacityAndSignalsEof) {
  CancelToken cancel;
  PipeEnds p = make_pipe(&cancel, 1024);
  std::string sent(100000, 'x');
  for (size_t i = 0; i < sent.size(); ++i) sent[i] = static_cast<char>('a' + i % 26);
  std::thread writer([w = std::move(p.write), &sent]() mutable {
    size_t written = 0;
    EXPECT_FALSE(w->write(sent.data(), sent.size(), written));
    EXPECT_EQ(written, sent.size());
  });
  std::string got;
  InStream in(p.read);
  in.read_all(got);
  writer.join();
  EXPECT_EQ(got, sent);
}

TEST(Pipe, WriterGetsEpipeWhenReaderLeaves) {
  CancelToken cancel;
  PipeEnds p = make_pipe(&cancel, 16);
  p.read.reset();
  size_t written = 0;
  EXPECT_EQ(p.write->write("hello", 5, written).value(), EPIPE);
}

TEST(Pipe, CancelUnblocksReader) {
  CancelToken cancel;
  PipeEnds p = make_pipe(&cancel, 16);
  std::thread canceller([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(30));
    cancel.cancel();
  });
  char buf[4];
  size_t got = 0;
  EXPECT_EQ(p.read->read(buf, 4, got).value(), EINTR);
  canceller.join();
}

TEST(Streams, ReadLineHandlesLongLinesAndMissingFinalNewline) {
  CancelToken cancel;
  PipeEnds p = make_pipe(&cancel, 1 << 20);
  std::string long_line(200000, 'y');
  std::string data = "short\n" + long_line + "\nlast";
  size_t written = 0;
  ASSERT_FALSE(p.write->write(data.data(), data.size(), written));
  p.write.reset();
  InStream in(p.read, 4096);
  std::string line;
  ASSERT_TRUE(in.read_line(line));
  EXPECT_EQ(line, "short");
  ASSERT_TRUE(in.read_line(line));
  EXPECT_EQ(line, long_line);
  ASSERT_TRUE(in.read_line(line));
  EXPECT_EQ(line, "last");
  EXPECT_FALSE(in.ended_with_delim());
  EXPECT_FALSE(in.read_line(line));
}

}  // namespace
}  // namespace burrow
