/** A control-plane refusal: HTTP `status` with `{"error": message}`. */
export class ControlError extends Error {
  constructor(
    readonly status: 400 | 404 | 405 | 409 | 413 | 415,
    message: string,
  ) {
    super(message);
  }
}
