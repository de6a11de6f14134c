// Realtime protocol errors, sent as {"type":"error","data":{"code","message"}}. 1003 (malformed message) keeps the
// socket open; 1008 (policy violation) closes it, and the SDK then does not reconnect.
export const MESSAGE_FORMAT_INVALID = 1003;
export const POLICY_VIOLATION = 1008;

export class RealtimeError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }

  toMessage(): string {
    return JSON.stringify({ type: "error", data: { code: this.code, message: this.message } });
  }
}
