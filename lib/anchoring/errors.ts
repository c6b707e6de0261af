/** A span or offset that does not fit the text it claims to describe (a caller's or a client's mistake). */
export class AnchoringError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "AnchoringError";
  }
}
