import type { ErrorBody } from './types.js';

/**
 * A 4xx or 5xx answer from the API. `status` is the HTTP status; `name`, `message` and
 * `details` come from Strapi's error body when there is one (a proxy's 502 page has none).
 */
export class SpisApiError extends Error {
  override readonly name: string = 'SpisApiError';
  constructor(
    readonly status: number,
    message: string,
    /** Strapi's error name, e.g. ValidationError or NotFoundError. */
    readonly errorName: string | undefined,
    readonly details: Record<string, unknown> | undefined,
    readonly url: string
  ) {
    super(message);
  }

  static async from(response: Response): Promise<SpisApiError> {
    const text = await response.text();
    let error: Partial<ErrorBody['error']> | undefined;
    try {
      error = (JSON.parse(text) as Partial<ErrorBody>).error ?? undefined;
    } catch {
      // Not Strapi's JSON: keep the status line.
    }
    const message = error?.message || `${response.status} ${response.statusText}`.trim();
    const ErrorType = response.status === 410 ? SpisCursorGoneError : SpisApiError;
    return new ErrorType(response.status, message, error?.name, error?.details, response.url);
  }
}

/**
 * 410 from the change feed: the cursor can no longer be followed (older than the changes the
 * server keeps, or from before a restore from backup). Take `currentCursor()`, download
 * everything again and replace the copy.
 */
export class SpisCursorGoneError extends SpisApiError {
  override readonly name = 'SpisCursorGoneError';
}
