/** A fatal input problem: the run stops, and the message names the file and what went wrong. */
export class InputError extends Error {
  /** The file (or input path) at fault. */
  readonly file: string;

  constructor(file: string, message: string) {
    super(`${file}: ${message}`);
    this.name = 'InputError';
    this.file = file;
  }
}
