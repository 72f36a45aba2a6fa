import type { Subscriber } from "./fan-out";
import type { OutboundFrame } from "./outbound-frame";

/** Where a feed's frames finally go (the client's socket). */
export interface FrameSink {
  sendFrame(frame: OutboundFrame): void;
}

/**
 * One subscription of one connection. For channels with an initial state (depth snapshot,
 * current ticker) it holds back live frames from the moment it joins the fan-out until the
 * state has been read and sent, then drops every frame not newer than that state until the
 * first newer one, and streams from there. The filter has to outlive the release: a diff
 * published just before the snapshot was read can still be on its way from Redis on the
 * subscriber connection when the snapshot arrives on the other. Frames of one channel arrive
 * in publish order, so once one is newer all later ones are: no frame is lost between state
 * and stream, and none is applied twice.
 */
export class ChannelFeed implements Subscriber {
  private held: OutboundFrame[] | undefined;
  private isNewer: ((payload: Buffer) => boolean) | undefined;

  constructor(private readonly sink: FrameSink) {}

  /** Starts holding frames back; call before joining the fan-out. */
  hold(): void {
    this.held = [];
  }

  send(frame: OutboundFrame): void {
    if (this.held) {
      this.held.push(frame);
      return;
    }
    if (this.isNewer) {
      if (!this.isNewer(frame.payload)) return;
      this.isNewer = undefined;
    }
    this.sink.sendFrame(frame);
  }

  /** Streams from the first frame (held or live) whose payload `isNewer` accepts. */
  release(isNewer: (payload: Buffer) => boolean): void {
    const held = this.held ?? [];
    this.held = undefined;
    this.isNewer = isNewer;
    for (const frame of held) this.send(frame);
  }
}
