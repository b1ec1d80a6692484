import "server-only";

/** Why the server ended a stream; sent to the browser as `event: closed` when it can still be read. */
export type CloseReason = "too_many_streams" | "session" | "access" | "retry";
type EndReason = CloseReason | "stalled" | "gone";

const encoder = new TextEncoder();

export function sseMessage(event: string, data: unknown): Uint8Array {
  return encoder.encode(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
}

export function sseRaw(text: string): Uint8Array {
  return encoder.encode(text);
}

export const PING = encoder.encode(": ping\n\n");

/**
 * One Server-Sent Events response body that only grows while the client reads it. Next writes
 * the body to the socket as fast as the socket drains; when the client stops reading, chunks queue
 * here, and past `bufferBytes` further messages are dropped (the client gets a resync once it reads
 * again). A stream that stays full for `stallMs` is ended. Its queued bytes are discarded at once;
 * the connection itself goes when the client reads again or goes away (Next owns the socket).
 */
export class EventStream {
  readonly body: ReadableStream<Uint8Array>;
  private controller: ReadableStreamDefaultController<Uint8Array> | undefined;
  private ended = false;
  private dropped = false;
  private stallTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly options: {
      bufferBytes: number;
      stallMs: number;
      /** What to send first once a stream that dropped messages drains again. */
      resync: () => Uint8Array;
      onEnd: (reason: EndReason) => void;
    },
  ) {
    this.body = new ReadableStream<Uint8Array>(
      {
        start: (controller) => {
          this.controller = controller;
        },
        pull: () => this.drained(),
        cancel: () => this.end("gone"),
      },
      new ByteLengthQueuingStrategy({ highWaterMark: options.bufferBytes }),
    );
  }

  get open() {
    return !this.ended;
  }

  /** Queues a message unless the client has fallen behind; false when it was dropped. */
  write(bytes: Uint8Array): boolean {
    if (this.ended || !this.controller) return false;
    if ((this.controller.desiredSize ?? 0) <= 0) {
      this.dropped = true;
      this.stallTimer ??= setTimeout(() => this.end("stalled"), this.options.stallMs);
      return false;
    }
    this.controller.enqueue(bytes);
    return true;
  }

  private drained() {
    if (this.stallTimer) clearTimeout(this.stallTimer);
    this.stallTimer = null;
    if (this.dropped && !this.ended) {
      this.dropped = false;
      this.controller?.enqueue(this.options.resync());
    }
  }

  /** Ends the stream, telling the client why when it is still reading. */
  close(reason: CloseReason) {
    if (this.ended) return;
    if (this.dropped || !this.controller) return this.end(reason);
    this.controller.enqueue(sseMessage("closed", { reason }));
    this.finish(reason);
    try {
      this.controller.close();
    } catch {
      // already cancelled by the client
    }
  }

  private end(reason: EndReason) {
    if (this.ended) return;
    this.finish(reason);
    try {
      // An AbortError ends the response without Next logging it as a failure.
      this.controller?.error(new DOMException(`event stream ended: ${reason}`, "AbortError"));
    } catch {
      // already closed
    }
  }

  private finish(reason: EndReason) {
    this.ended = true;
    if (this.stallTimer) clearTimeout(this.stallTimer);
    this.stallTimer = null;
    this.options.onEnd(reason);
  }
}
