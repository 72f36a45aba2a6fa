import { describe, expect, it } from "vitest";
import { ChannelFeed } from "./channel-feed";
import { OutboundFrame } from "./outbound-frame";

const diff = (firstSeq: number, lastSeq: number) =>
  OutboundFrame.of(JSON.stringify({ event: "X@depth", data: { firstSeq, lastSeq } }));
const lastSeqOf = (payload: Buffer) =>
  (JSON.parse(String(payload)) as { data: { lastSeq: number } }).data.lastSeq;

function feedWithSnapshotAt(seq: number) {
  const sent: Buffer[] = [];
  const feed = new ChannelFeed({ sendFrame: (frame) => sent.push(frame.payload) });
  feed.hold();
  return { feed, sent, release: () => feed.release((payload) => lastSeqOf(payload) > seq) };
}

describe("ChannelFeed", () => {
  it("passes on only the held frames newer than the snapshot", () => {
    const { feed, sent, release } = feedWithSnapshotAt(11);
    for (const frame of [diff(9, 10), diff(11, 11), diff(12, 14)]) feed.send(frame);
    release();
    feed.send(diff(15, 15));
    expect(sent.map(lastSeqOf)).toEqual([14, 15]);
  });

  it("drops a diff the snapshot already holds even when it arrives after the release", () => {
    // The snapshot (seq 11) came back on the command connection before diff 10-11, published
    // just before it was read, came in on the subscriber connection.
    const { feed, sent, release } = feedWithSnapshotAt(11);
    release();
    for (const frame of [diff(10, 11), diff(12, 12), diff(13, 13)]) feed.send(frame);
    expect(sent.map(lastSeqOf)).toEqual([12, 13]);
  });

  it("streams without filtering when it was never held", () => {
    const sent: Buffer[] = [];
    const feed = new ChannelFeed({ sendFrame: (frame) => sent.push(frame.payload) });
    feed.send(diff(1, 1));
    expect(sent).toHaveLength(1);
  });
});
