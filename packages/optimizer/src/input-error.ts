/** A problem or plan text that cannot be read; the message names the place (file line, list and id). */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}
