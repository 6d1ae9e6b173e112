/** Strip terminal control characters (ANSI escapes, carriage returns, NUL …) from text shown on a terminal. */
// eslint-disable-next-line no-control-regex
const CONTROL = /\u001b\[[0-9;?]*[ -/]*[@-~]|[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]/g;

export function stripControl(text: string): string {
  return text.replace(CONTROL, '').replace(/\n/g, '\\n');
}
